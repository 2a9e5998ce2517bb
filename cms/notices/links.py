"""A notice's personal attachment is linked from its notice only.

Linked from another page, the file would be published with that page's site and stay
there after the notice's display period; an editor links the notice instead. The rule is
one of ``cms.core.link_check``'s; a link made before it existed is taken out by the
removal (``unlink.py``).
"""

from __future__ import annotations

from django.utils.translation import gettext

from wagtail.documents import get_document_model

from .models import NoticeAttachment


def personal_attachment(page, model: type, object_id: str, model_path: str) -> str | None:
    if not issubclass(model, get_document_model()) or not object_id.isdigit():
        return None
    holders = set(
        NoticeAttachment.objects.filter(document_id=int(object_id), personal=True).values_list(
            "page_id", flat=True
        )
    )
    # (A notice's own attachment list, or its own body linking its attachment.)
    if not holders or model_path.startswith("attachments.") or page.pk in holders:
        return None
    return gettext(
        "Document %(id)s is an attachment of an official notice with personal data, "
        "removed when the notice's display period ends: link the notice instead."
    ) % {"id": object_id}
