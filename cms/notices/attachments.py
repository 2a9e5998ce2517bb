"""A notice's attachments: each a document, marked personal or not, with the redacted
version that replaces a personal one when the display period ends."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class NoticeAttachment(Orderable):
    page = ParentalKey("notices.NoticePage", on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    personal = models.BooleanField(
        _("contains personal data"),
        default=False,
        help_text=_("Removed when the display period ends, unless a redacted version is given."),
    )
    redacted_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("redacted version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kept in the archive in place of the original when the period ends."),
    )

    panels = [FieldPanel("document"), FieldPanel("personal"), FieldPanel("redacted_document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def clean(self):
        super().clean()
        if self.redacted_document_id and not self.personal:
            raise ValidationError(
                {"redacted_document": _("Only an attachment with personal data needs one.")}
            )
        if self.redacted_document_id and self.redacted_document_id == self.document_id:
            raise ValidationError(
                {"redacted_document": _("The redacted version must be a different document.")}
            )
