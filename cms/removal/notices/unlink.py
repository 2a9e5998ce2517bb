"""Links to a removed personal attachment, taken out of the pages that made them.

Before links were checked (``links.py``), an editor could link a notice's personal
attachment from any page; that page's site then published the file. When the attachment
goes, every page that references it (in Wagtail's reference index, or whose last build
shipped it: ``shipped.shipped_with``) loses the reference: a rich-text link becomes its
text, a document block becomes a paragraph with its link text; in the live page and its
latest revision, any removed value in what is kept is replaced as in the notice itself.
The page is published again, so its site drops the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape

from django.contrib.contenttypes.models import ContentType

from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, ReferenceIndex

from cms.notices import redaction

from . import shipped


def _link(document_ids: set[int]) -> re.Pattern:
    ids = "|".join(str(pk) for pk in sorted(document_ids))
    return re.compile(
        rf'<a\b[^>]*?\blinktype="document"[^>]*?\bid="(?:{ids})"[^>]*>(.*?)</a>', re.DOTALL
    )


def unlinked(value, document_ids: set[int], link: re.Pattern | None = None):
    """``value`` (stored rich text or stream data) without references to the documents."""
    link = link or _link(document_ids)
    if isinstance(value, str):
        return link.sub(lambda match: match.group(1), value)
    if isinstance(value, list):
        return [unlinked(item, document_ids, link) for item in value if item is not None]
    if isinstance(value, dict):
        block = value.get("value")
        if (
            value.get("type") == "document"
            and isinstance(block, dict)
            and block.get("document") in document_ids
        ):
            text = (block.get("label") or "").strip()
            paragraph = f"<p>{escape(text)}</p>" if text else ""
            return {**value, "type": "paragraph", "value": paragraph}
        return {key: unlinked(item, document_ids, link) for key, item in value.items()}
    return value


def _stream_text(value, document_ids: set[int]):
    """A revision keeps a stream as JSON text: unlinked inside it too."""
    if not (isinstance(value, str) and value.startswith("[")):
        return value
    try:
        data = json.loads(value)
    except ValueError:
        return value
    return json.dumps(unlinked(data, document_ids))


def referring_pages(document_ids: Iterable[int], exclude: int) -> list[Page]:
    document_ids = set(document_ids)
    document_type = ContentType.objects.get_for_model(get_document_model())
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.objects.filter(
        to_content_type=document_type,
        to_object_id__in=[str(pk) for pk in document_ids],
        base_content_type=page_type,
    ).values_list("object_id", flat=True)
    wanted = {int(pk) for pk in ids} | shipped.shipped_with(document_ids)
    pages = Page.objects.filter(pk__in=wanted).exclude(pk=exclude)
    return [page.specific for page in pages]


def from_other_pages(
    document_ids: set[int], exclude: int, removed: list[str], marker: str
) -> list[int]:
    """Take the documents out of every other page; returns the pages changed (to publish)."""
    if not document_ids:
        return []
    changed = []
    for page in referring_pages(document_ids, exclude):
        fields = []
        for field in page._meta.concrete_fields:
            if not isinstance(field, StreamField | RichTextField):
                continue
            data = field.get_prep_value(field.value_from_object(page))
            if isinstance(data, str) and isinstance(field, StreamField):
                data = json.loads(data or "[]")  # (older Wagtail stores it as text)
            new = redaction.scrub(unlinked(data, document_ids), removed, marker)
            if new != data:
                setattr(page, field.name, field.to_python(new))
                fields.append(field.name)
        revision = page.latest_revision
        if revision is not None:
            content = {
                key: _stream_text(value, document_ids)
                for key, value in unlinked(revision.content, document_ids).items()
            }
            content = redaction.scrub(content, removed, marker)
            if content != revision.content:
                revision.content = content
                revision.save(update_fields=["content"])
        if fields:
            page.save(clean=False, update_fields=fields)
            changed.append(page.pk)
    return changed
