"""Redaction of one notice's data, as pure functions on values and revision contents.

The same rules apply to the live page, to every revision and to anything else in the
database that quotes the notice (log entries, workflow comments): personal fields become
empty, marked spans become the neutral marker, personal attachments give way to their
redacted version or go, and any string that still quotes a removed value has it replaced.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import richtext

PERSONAL_FIELDS = ("persons_concerned", "contact_name", "contact_phone", "contact_email")
# Values shorter than this are not replaced inside other strings (too likely to hit
# ordinary words); they are still emptied where they are a whole personal field.
MIN_SCRUB = 3


def personal_values(content: dict) -> list[str]:
    """Every personal value in a notice's field values or revision content."""
    values = [str(content.get(name) or "") for name in PERSONAL_FIELDS]
    values += richtext.marked_texts(str(content.get("body") or ""))
    lines = str(content.get("persons_concerned") or "").splitlines()
    values += [line.strip() for line in lines]
    return sorted({v.strip() for v in values if v and v.strip()}, key=lambda v: (-len(v), v))


def scrub(value, removed: Iterable[str], marker: str):
    """``value`` (any JSON-like data) with every occurrence of a removed value replaced."""
    removed = [r for r in removed if len(r) >= MIN_SCRUB]
    if not removed:
        return value

    def walk(item):
        if isinstance(item, str):
            for text in removed:
                if text in item:
                    item = item.replace(text, marker)
            return item
        if isinstance(item, list):
            return [walk(x) for x in item]
        if isinstance(item, dict):
            return {k: walk(v) for k, v in item.items()}
        return item

    return walk(value)


def attachment_after(attachment: dict) -> dict | None:
    """An attachment (revision form: ids) after the period: kept, replaced, or gone."""
    if not attachment.get("personal"):
        return attachment
    if attachment.get("redacted_document"):
        return {
            **attachment,
            "document": attachment["redacted_document"],
            "personal": False,
            "redacted_document": None,
        }
    return None


def redact_content(content: dict, removed: Iterable[str], marker: str) -> dict:
    """A revision's content with the notice's personal data removed."""
    result = dict(content)
    for name in PERSONAL_FIELDS:
        if name in result:
            result[name] = ""
    if "body" in result:
        result["body"] = richtext.redacted(str(result["body"] or ""))
    if isinstance(result.get("attachments"), list):
        result["attachments"] = [
            kept for a in result["attachments"] if (kept := attachment_after(a)) is not None
        ]
    # Review comments travel inside revisions; the discussion goes with the rest.
    if isinstance(result.get("wagtail_admin_comments"), list):
        result["wagtail_admin_comments"] = []
    title = result.get("title")
    result = scrub(result, removed, marker)
    if title is not None:
        result["title"] = title  # the title describes the matter and is kept
    return result
