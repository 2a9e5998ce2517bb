"""The journal of each removal, the deadlines scheduled as tasks, and the removals that
could not finish (incidents)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Removal(models.Model):
    """The removal's journal for one item of one kind: written in the same transaction as
    the database step, so a run killed after it knows what is left to do (files to delete,
    the build to wait for) and what to look for. Holds ids and hashes, and the names of
    files to delete until they are deleted."""

    kind = models.CharField(max_length=40)
    item_id = models.BigIntegerField()
    # What the kind says identifies the item across a restore (a notice's translation key).
    reference = models.CharField(max_length=64, blank=True)
    policy = models.CharField(max_length=20, blank=True)
    ends_at = models.DateTimeField()
    started_at = models.DateTimeField()
    redacted_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    # Keyed hashes of the removed values (see receipts.py), files still to delete under
    # MEDIA_ROOT, and the counts that go into the receipt.
    needles = models.JSONField(default=list)
    pending_files = models.JSONField(default=list)
    file_digests = models.JSONField(default=list)
    counts = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("removal of personal data")
        verbose_name_plural = _("removals of personal data")
        constraints = [
            models.UniqueConstraint(fields=["kind", "item_id"], name="one_removal_per_item")
        ]

    def __str__(self) -> str:
        return f"removal of {self.kind} {self.item_id}"


class Deadline(models.Model):
    """A moment a task was scheduled for (an item's start or end): one task per moment."""

    kind = models.CharField(max_length=40)
    item_id = models.BigIntegerField()
    moment = models.DateTimeField()

    class Meta:
        verbose_name = _("scheduled deadline")
        verbose_name_plural = _("scheduled deadlines")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "item_id", "moment"], name="one_task_per_item_and_moment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.item_id} at {self.moment.isoformat()}"


class Incident(models.Model):
    """A removal that could not finish: shown by the health check and the dashboard of
    those the kind alerts, and e-mailed to them once, until a run finishes it. Holds the
    item's id and where data was left (stores, tables, files), never the data."""

    kind = models.CharField(max_length=40)
    item_id = models.BigIntegerField()
    first_failed_at = models.DateTimeField()
    last_failed_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=1)
    problem = models.TextField()
    alerted_at = models.DateTimeField(null=True)
    resolved_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("unfinished removal")
        verbose_name_plural = _("unfinished removals")
        constraints = [
            models.UniqueConstraint(fields=["kind", "item_id"], name="one_incident_per_item")
        ]

    def __str__(self) -> str:
        return f"unfinished removal of {self.kind} {self.item_id}"
