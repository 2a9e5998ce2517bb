"""The export record of an official notice.

A notice whose display period has ended is exported without its personal data, whether
or not the reconciler has run yet: any build after the deadline is clean. Search gets the
matter only (``search_text``): names and other personal data are never indexed.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _

from cms.notices import redaction, richtext
from cms.notices.models import NoticePage, NoticeType

from .blocks_html import BlockRenderer


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def notice_fields(page: NoticePage, renderer: BlockRenderer, document_url, now: datetime) -> dict:
    ended = page.ended(now)
    table = page.timetable()
    body = richtext.redacted(page.body) if ended else page.body
    attachments, personal_files = [], []
    for attachment in page.attachments.select_related("document", "redacted_document"):
        value = {
            "personal": attachment.personal,
            "document": attachment.document,
            "redacted_document": attachment.redacted_document,
        }
        kept = redaction.attachment_after(value) if ended else value
        if kept is None or kept["document"] is None:
            continue
        document = kept["document"]
        url = document_url(document)
        attachments.append(
            {
                "title": document.title,
                "url": url,
                "extension": document.file_extension.upper(),
                "personal": kept["personal"],
            }
        )
        if kept["personal"]:
            personal_files.append(url)
    personal = {
        "persons_concerned": [
            line.strip() for line in page.persons_concerned.splitlines() if line.strip()
        ],
        "contact": {
            "name": page.contact_name,
            "phone": page.contact_phone,
            "email": page.contact_email,
        },
    }
    if ended:
        personal = {"persons_concerned": [], "contact": {"name": "", "phone": "", "email": ""}}
    has_personal = bool(
        personal["persons_concerned"]
        or any(personal["contact"].values())
        or richtext.marked_texts(body)
        or personal_files
    )
    return {
        "notice_type": page.notice_type,
        "notice_type_label": str(NoticeType(page.notice_type).label),
        "legal_basis": page.legal_basis,
        "issuing_body": page.issuing_body,
        "record_number": page.record_number,
        "date": _iso(page.display_from.replace(microsecond=0)),
        "display_from": _iso(page.display_from.replace(microsecond=0)),
        "deemed_served": _iso(table.deemed_served),
        "last_day": _iso(table.last_day),
        "ends_at": _iso(table.ends_at),
        "appeal_deadline": _iso(table.appeal_deadline),
        "other_deadline": _iso(page.other_deadline),
        "place_on_view": page.place_on_view,
        "appeal_information": page.appeal_information,
        "body": renderer.rich(body),
        "search_text": renderer.rich(richtext.without_marked(body)),
        **personal,
        "newspaper": page.newspaper,
        "newspaper_date": _iso(page.newspaper_date),
        "attachments": attachments,
        "personal_files": personal_files,
        "ended": ended,
        "ended_note": _("The display period has ended. Personal data has been removed.")
        if ended
        else "",
        # Crawlers must not index a page or file that holds personal data.
        "noindex": has_personal,
    }
