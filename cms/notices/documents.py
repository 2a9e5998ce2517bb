"""A document a notice keeps public (an attachment without personal data, or the redacted
version that replaces a personal one) may not be edited into naming that notice's person:
the document library's edit (a new file, a new title) is checked as the notice's own form
checks it (``DOCUMENT_CHECKS_HOOK``). Notices whose data is already removed are the daily
proof's business."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext

from . import kept, redaction


def notices_keeping(document) -> list:
    """The notices, not yet removed, that keep ``document`` public after their period."""
    from .models import NoticeAttachment

    kept_public = Q(document_id=document.pk, personal=False) | Q(redacted_document_id=document.pk)
    attachments = NoticeAttachment.objects.filter(kept_public).filter(
        page__personal_data_removed_at__isnull=True
    )
    return sorted({a.page for a in attachments.select_related("page")}, key=lambda p: p.pk)


def check_kept_document(document, text: str) -> list[str]:
    """Messages refusing ``text`` (the document's new title, file name and contents)."""
    messages = []
    for notice in notices_keeping(document):
        fields = {name: getattr(notice, name) for name in (*redaction.PERSONAL_FIELDS, "body")}
        values = redaction.personal_values(fields)
        for leak in kept.leaks(values, {"document": ("", text)}):
            messages.append(
                gettext(
                    "Notice %(id)s (“%(title)s”) keeps this document public after its "
                    "display period, and the document now contains “%(value)s”, personal "
                    "data of that notice. Remove it from the document, or mark the "
                    "attachment as personal in the notice."
                )
                % {"id": notice.pk, "title": notice.title, "value": leak.value}
            )
    return messages
