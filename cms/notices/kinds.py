"""The kinds of official notices: a notice, and the section that lists them.

A notice whose display period has ended is exported without its personal data, whether
or not the reconciler has run yet: any build after the deadline is clean. Search gets the
matter only (``search_text``): names and other personal data are never indexed.
"""

from __future__ import annotations

from functools import partial

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.core.records import content_fields
from records import LISTING, NOTICE, ExportTools, Kind, NoticeRecord, iso

from . import redaction, richtext
from .models import NoticePage, NoticeType

# What this app declares (its ``wagtail_hooks`` hands them to the registry).
KINDS: list[Kind] = []

# Exactly as stored: the display period's end is a moment, to the microsecond.
_exact = partial(iso, whole_seconds=False)


def notice_fields(page: NoticePage, tools: ExportTools) -> dict:
    ended = page.ended(tools.now)
    table = page.timetable()
    body = richtext.redacted(page.body) if ended else page.body
    attachments, personal_files = _attachments(page, tools, ended=ended)
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
        "date": iso(page.display_from),
        "display_from": iso(page.display_from),
        "deemed_served": _exact(table.deemed_served),
        "last_day": _exact(table.last_day),
        "ends_at": _exact(table.ends_at),
        "appeal_deadline": _exact(table.appeal_deadline),
        "other_deadline": _exact(page.other_deadline),
        "place_on_view": page.place_on_view,
        "appeal_information": page.appeal_information,
        "body": tools.rich(body),
        "search_text": tools.rich(richtext.without_marked(body)),
        **personal,
        "newspaper": page.newspaper,
        "newspaper_date": _exact(page.newspaper_date),
        "attachments": attachments,
        "personal_files": personal_files,
        "ended": ended,
        "ended_note": _("The display period has ended. Personal data has been removed.")
        if ended
        else "",
        # Crawlers must not index a page or file that holds personal data.
        "noindex": has_personal,
    }


def _attachments(page: NoticePage, tools: ExportTools, *, ended: bool) -> tuple[list, list]:
    """The notice's attachments as shown (after its period: as its removal left them),
    and the addresses of those that hold personal data."""
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
        url = tools.document_url(document)
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
    return attachments, personal_files


KINDS.append(
    Kind(
        "notice_index",
        "notices.noticeindexpage",
        LISTING,
        "notice_index.html",
        content_fields,
        lists=NOTICE,
        in_home=True,
    )
)
KINDS.append(
    Kind(
        "notice",
        "notices.noticepage",
        NOTICE,
        "notice.html",
        notice_fields,
        record=NoticeRecord,
        expires="ends_at",
        dated_by="date",
        search_type="notice",
        search_label=gettext_lazy("Official notice"),
        search_fields=("issuing_body", "record_number"),
        search_body="search_text",
        personal=True,
    )
)
