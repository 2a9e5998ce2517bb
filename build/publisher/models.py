"""The publishing queue and each site's publishing status.

A change writes a PublishRequest in the same transaction as the change itself, so no change
can be lost; the worker deletes requests only after they are live.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishRequest(models.Model):
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True, db_index=True)
    reason = models.CharField(_("reason"), max_length=40)
    page_id = models.IntegerField(_("page"), null=True, blank=True)
    site_key = models.CharField(
        _("site to rebuild"), max_length=31, blank=True, help_text=_("Empty: only the page.")
    )
    full = models.BooleanField(_("rebuild every site"), default=False)

    class Meta:
        verbose_name = _("publish request")
        verbose_name_plural = _("publish requests")
        ordering = ["id"]

    def __str__(self) -> str:
        target = self.site_key or (f"page {self.page_id}" if self.page_id else "all")
        return f"{self.reason}: {target}"


class PublishStatus(models.Model):
    """The last outcome of publishing, per site, for the admin's publishing view."""

    site_key = models.CharField(_("site"), max_length=31, primary_key=True)
    running_since = models.DateTimeField(_("running since"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_duration = models.FloatField(_("duration (s)"), null=True, blank=True)
    last_files = models.IntegerField(_("files written"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    last_error_at = models.DateTimeField(_("last failure"), null=True, blank=True)

    class Meta:
        verbose_name = _("publishing status")
        verbose_name_plural = _("publishing statuses")

    def __str__(self) -> str:
        return self.site_key


class RemovedAddress(models.Model):
    """An address of a static site whose page was removed (deleted, unpublished, made
    private): the site answers "410 Gone" there, unless a page or a redirect takes the
    address again. Notices are never recorded: their addresses may name the people a
    notice concerned, and are not kept after the notice."""

    site_key = models.CharField(_("site"), max_length=31)
    path = models.CharField(_("address"), max_length=1000)
    removed_at = models.DateTimeField(_("removed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("removed address")
        verbose_name_plural = _("removed addresses")
        constraints = [
            models.UniqueConstraint(fields=["site_key", "path"], name="removed_address_once")
        ]

    def __str__(self) -> str:
        return f"{self.site_key}:{self.path}"


class PageProblem(models.Model):
    """A page left out of its site's last build because it could not be rendered (the rest
    of the site went live without it): shown on the page in the admin and e-mailed once to
    its last editor (``alerted_at``), gone once the page renders again."""

    page_id = models.IntegerField(_("page"), primary_key=True)
    site_key = models.CharField(_("site"), max_length=31)
    error = models.TextField(_("error"))
    first_failed_at = models.DateTimeField(_("first failed"), auto_now_add=True)
    alerted_at = models.DateTimeField(_("editor alerted"), null=True, blank=True)

    class Meta:
        verbose_name = _("page left out of publishing")
        verbose_name_plural = _("pages left out of publishing")

    def __str__(self) -> str:
        return f"{self.site_key}: page {self.page_id}"
