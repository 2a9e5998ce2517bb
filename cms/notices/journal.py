"""The removal's bookkeeping, kept with the notices app: each removal's journal, the
deadlines scheduled as tasks, and the removals that could not finish (incidents)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeRemoval(models.Model):
    """The reconciler's journal for one notice page: written in the same transaction as the
    database redaction, so a run killed after it knows what is left to do (files to delete,
    the build to wait for) and what to look for. Holds ids and hashes, and the names of
    files to delete until they are deleted."""

    page_id = models.BigIntegerField(unique=True)
    translation_key = models.CharField(max_length=64)
    policy = models.CharField(max_length=20)
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
        verbose_name = _("notice removal")
        verbose_name_plural = _("notice removals")

    def __str__(self) -> str:
        return f"removal of notice {self.page_id}"


class NoticeDeadline(models.Model):
    """A moment a task was scheduled for (a notice's start or end): one task per moment."""

    page_id = models.BigIntegerField()
    moment = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page_id", "moment"], name="one_task_per_moment")
        ]

    def __str__(self) -> str:
        return f"notice {self.page_id} at {self.moment.isoformat()}"


class RemovalIncident(models.Model):
    """A notice's removal that could not finish: shown by the health check and the legal
    officers' dashboard, and e-mailed to them once, until a run finishes it. Holds the
    page's id and where data was left (stores, tables, files), never the data."""

    page_id = models.BigIntegerField(unique=True)
    first_failed_at = models.DateTimeField()
    last_failed_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=1)
    problem = models.TextField()
    alerted_at = models.DateTimeField(null=True)
    resolved_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("unfinished removal")
        verbose_name_plural = _("unfinished removals")

    def __str__(self) -> str:
        return f"unfinished removal of notice {self.page_id}"
