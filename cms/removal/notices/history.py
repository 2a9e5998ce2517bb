"""Other pages' history that named a notice's person: their revisions, log entries, the
redirects from their old addresses and the removed addresses the sites answer "410 Gone".

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

from cms.notices import richtext
from cms.removal import receipts

# Words as they are written: combining marks belong to their letter ("a" + U+0308).
TOKEN = re.compile(r"[\w\u0300-\u036f]+")
ASCII_RUN = re.compile(r"[A-Za-z0-9]{3,}")


def _page_revisions():
    return Revision.objects.filter(base_content_type=ContentType.objects.get_for_model(Page))


def _notice_type() -> ContentType:
    from cms.notices.models import NoticePage

    return ContentType.objects.get_for_model(NoticePage)


def _probe(value: str) -> str | None:
    """The longest plain-ASCII run of a value: what SQL can look for in any case, whether
    the database keeps JSON text escaped (SQLite: "\\u00e4") or not (PostgreSQL)."""
    runs = ASCII_RUN.findall(value)
    return max(runs, key=len) if runs else None


def pages_naming(values: Iterable[str], needles, exclude: int) -> list[int]:
    """Pages other than ``exclude`` whose revisions or log entries hold one of ``values``
    (``needles``: the same values hashed, for the exact match SQL's cannot make)."""
    probes = sorted({p for p in map(_probe, values) if p})
    if not probes or not needles:
        return []
    # Not notices: each one's own removal reads its history for the values to remove (the
    # same contact person on many notices), so another's must not rewrite it first.
    notices = _notice_type()
    revisions = _page_revisions().exclude(object_id=str(exclude)).exclude(content_type=notices)
    entries = PageLogEntry.objects.exclude(page_id=exclude).exclude(content_type=notices)
    found = _naming(revisions, "object_id", "content", "object_str", probes, needles)
    found |= _naming(entries, "page_id", "data", "label", probes, needles)
    return sorted(found)


def _naming(rows, page_field: str, data_field: str, title_field: str, probes, needles) -> set[int]:
    """The pages of ``rows`` whose JSON data or title a needle matches; SQL first picks
    the rows holding one of the ``probes``."""
    from cms.removal.reading import readable

    wanted = Q()
    for probe in probes:
        wanted |= Q(**{f"{title_field}__icontains": probe}) | Q(text__icontains=probe)
    rows = rows.annotate(text=Cast(data_field, TextField())).filter(wanted)
    return {
        int(page)
        for page, text, title in rows.values_list(page_field, "text", title_field)
        if needles.in_text(readable(text or "")) or needles.in_text(title)
    }


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
    with translation.override(settings.LANGUAGE_CODE):
        marker = richtext.marker()
    revisions = _page_revisions().filter(object_id__in=[str(pk) for pk in page_ids])
    changed = _rewrite(revisions, "content", "object_str", needles, marker)
    changed += _rewrite(
        PageLogEntry.objects.filter(page_id__in=page_ids), "data", "label", needles, marker
    )
    return changed + forget_named_addresses(needles)


def forget_named_addresses(needles) -> int:
    """Delete the redirects from, and the removed addresses at, an address that names a
    removed value: the address a page had before its editor renamed it
    ("/naapurikiista-nimi-valitti/") names the person too. The static sites publish both
    (nginx's maps and a redirect page at the old address), so they go before the publish
    that must leave no copy, and that publish writes the sites' old addresses again."""
    from cms.core.models import SiteProfile
    from publisher.public import RemovedAddress, request_publish

    forgotten = 0
    for redirect in Redirect.objects.all():
        if needles.in_text(redirect.old_path):
            redirect.delete()  # its signal queues the publish of its site's addresses
            forgotten += 1
    named = [row for row in RemovedAddress.objects.all() if needles.in_text(row.path)]
    if named:
        RemovedAddress.objects.filter(pk__in=[row.pk for row in named]).delete()
        sites = SiteProfile.objects.filter(key__in={row.site_key for row in named})
        request_publish(
            reason="addresses", page_ids=list(sites.values_list("site__root_page_id", flat=True))
        )
        forgotten += len(named)
    return forgotten


def _rewrite(rows, data_field: str, title_field: str, needles, marker: str) -> int:
    """Each of ``rows`` with ``hide`` applied to its JSON data and its title, saved when
    that changed anything; returns how many were."""
    changed = 0
    for row in rows:
        data, title = getattr(row, data_field) or {}, getattr(row, title_field)
        hidden, hidden_title = _hidden(data, needles, marker), hide(title, needles, marker)
        if hidden != data or hidden_title != title:
            setattr(row, data_field, hidden)
            setattr(row, title_field, hidden_title)
            row.save(update_fields=[data_field, title_field])
            changed += 1
    return changed
