"""Other pages' history that named a notice's person: their revisions, log entries and
the redirects from their old addresses.

A removal never edits another page's live content: that page's editor does, told by the
incident the removal raises while the live page names the person. The other page's older
revisions and log entries (other notices aside: each has its own removal) are copies of
the data all the same. So the database step notes which other pages' history holds a
removed value (page ids only), and once nothing live names the person any more, the last
step rewrites that history: each run of words that a needle (a keyed hash of a removed
value's words, see ``receipts.py``) matches becomes the marker. By then the values
themselves are gone; the hashes are all it needs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import translation

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageLogEntry, Revision

from . import receipts, richtext

# Words as they are written: combining marks belong to their letter ("a" + U+0308).
TOKEN = re.compile(r"[\w\u0300-\u036f]+")
ASCII_RUN = re.compile(r"[A-Za-z0-9]{3,}")


def _page_revisions():
    return Revision.objects.filter(base_content_type=ContentType.objects.get_for_model(Page))


def _notice_type() -> ContentType:
    from .models import NoticePage

    return ContentType.objects.get_for_model(NoticePage)


def _probe(value: str) -> str | None:
    """The longest plain-ASCII run of a value: what SQL can look for in any case, whether
    the database keeps JSON text escaped (SQLite: "\\u00e4") or not (PostgreSQL)."""
    runs = ASCII_RUN.findall(value)
    return max(runs, key=len) if runs else None


def pages_naming(values: Iterable[str], needles, exclude: int) -> list[int]:
    """Pages other than ``exclude`` whose revisions or log entries hold one of ``values``
    (``needles``: the same values hashed, for the exact match SQL's cannot make)."""
    from .privacy import readable

    probes = sorted({p for p in map(_probe, values) if p})
    if not probes or not needles:
        return []
    found: set[int] = set()
    # Not notices: each one's own removal reads its history for the values to remove (the
    # same contact person on many notices), so another's must not rewrite it first.
    notices = _notice_type()
    revisions = _page_revisions().exclude(object_id=str(exclude)).exclude(content_type=notices)
    wanted = Q()
    for probe in probes:
        wanted |= Q(object_str__icontains=probe) | Q(text__icontains=probe)
    candidates = revisions.annotate(text=Cast("content", TextField())).filter(wanted)
    for object_id, text, title in candidates.values_list("object_id", "text", "object_str"):
        if needles.in_text(readable(text)) or needles.in_text(title):
            found.add(int(object_id))
    wanted = Q()
    for probe in probes:
        wanted |= Q(label__icontains=probe) | Q(text__icontains=probe)
    entries = PageLogEntry.objects.exclude(page_id=exclude).exclude(content_type=notices)
    entries = entries.annotate(text=Cast("data", TextField()))
    for page_id, text, label in entries.filter(wanted).values_list("page_id", "text", "label"):
        if needles.in_text(readable(text or "")) or needles.in_text(label):
            found.add(page_id)
    return sorted(found)


def hide(text: str, needles, marker: str) -> str:
    """``text`` with every run of words a needle matches replaced by ``marker``."""
    word = needles.hasher.word
    tokens = [
        (word(folded), match.start(), match.end())
        for match in TOKEN.finditer(text)
        for folded in receipts.words(match.group())
    ]
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(tokens):
        length = 0
        for needle, _notice in needles.first.get(tokens[position][0], ()):
            run = tuple(t[0] for t in tokens[position : position + len(needle)])
            if run == needle:
                length = max(length, len(needle))
        if length:
            spans.append((tokens[position][1], tokens[position + length - 1][2]))
            position += length
        else:
            position += 1
    for start, end in reversed(spans):
        text = text[:start] + marker + text[end:]
    return text


def _hidden(value, needles, marker: str):
    """Any JSON-like value with ``hide`` applied to every string, and to the strings of
    JSON kept as text (Wagtail keeps a StreamField's data in a revision that way)."""
    if isinstance(value, str):
        stripped = value.lstrip()
        if stripped[:1] in ("[", "{"):
            try:
                decoded = json.loads(stripped)
            except ValueError:
                pass
            else:
                changed = _hidden(decoded, needles, marker)
                return value if changed == decoded else json.dumps(changed)
        return hide(value, needles, marker)
    if isinstance(value, list):
        return [_hidden(item, needles, marker) for item in value]
    if isinstance(value, dict):
        return {key: _hidden(item, needles, marker) for key, item in value.items()}
    return value


def scrub(page_ids: Iterable[int], needles) -> int:
    """Rewrite the revisions and log entries of ``page_ids``, and delete the redirects to
    them from addresses that named the person; returns the rows changed."""
    page_ids = [int(pk) for pk in page_ids]
    if not page_ids or not needles:
        return 0
    changed = 0
    with translation.override(settings.LANGUAGE_CODE):
        marker = richtext.marker()
    for revision in _page_revisions().filter(object_id__in=[str(pk) for pk in page_ids]):
        content = _hidden(revision.content, needles, marker)
        title = hide(revision.object_str, needles, marker)
        if content != revision.content or title != revision.object_str:
            revision.content, revision.object_str = content, title
            revision.save(update_fields=["content", "object_str"])
            changed += 1
    for entry in PageLogEntry.objects.filter(page_id__in=page_ids):
        data = _hidden(entry.data or {}, needles, marker)
        label = hide(entry.label, needles, marker)
        if data != (entry.data or {}) or label != entry.label:
            entry.data, entry.label = data, label
            entry.save(update_fields=["data", "label"])
            changed += 1
    # An address the page had before its editor renamed it ("/naapurikiista-nimi-valitti/")
    # names the person too, and a redirect from it would keep that address answering.
    for redirect in Redirect.objects.filter(redirect_page_id__in=page_ids):
        if needles.in_text(redirect.old_path):
            redirect.delete()
            changed += 1
    return changed
