"""Redaction of one notice's data, as pure functions on values and revision contents.

The same rules apply to the live page, to every revision and to anything else in the
database that quotes the notice (log entries, workflow comments): personal fields become
empty, marked spans become the neutral marker, personal attachments give way to their
redacted version or go, and any string that still quotes a removed value has it replaced.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from django.utils.text import slugify

from cms.core import names, numbers

from . import richtext, scanner

PERSONAL_FIELDS = ("persons_concerned", "contact_name", "contact_phone", "contact_email")
# Values shorter than this are not replaced inside other strings (too likely to hit
# ordinary words); they are still emptied where they are a whole personal field.
MIN_SCRUB = 3


# What separates the values one field holds: lines, commas, semicolons, slashes, a role's
# colon or brackets ("Hakija: Matti Meikäläinen", "Matti Meikäläinen (hakija)") and the
# words for "and" ("Matti Meikäläinen, Kuusitie 7"; "Liisa ja Pekka Virtanen").
_PARTS = re.compile(r"\s*(?:[\n,;/&:()\[\]]|\s(?:ja|och|and|sekä|samt)\s)\s*", re.IGNORECASE)
_AND = re.compile(r"\s(?:ja|och|and|sekä|samt)\s", re.IGNORECASE)
# A part stands as a value of its own only when it is two words or more (a name with its
# surname, a street with its number), long enough and with a letter: a first name alone
# or "as 3" would be found in every other text of the city.
MIN_PART = 5


def _names_shared(value: str, found: list[str]) -> list[str]:
    """Names written together: "Liisa ja Pekka Virtanen" holds "Liisa Virtanen" too, and
    "Virtanen, Liisa" is "Liisa Virtanen"."""
    names = []
    for chunk in re.split(r"[\n,;/&:()\[\]]", value):
        pieces = [p.strip() for p in _AND.split(chunk)]
        if len(pieces) == 2 and len(pieces[0].split()) == 1 and len(pieces[1].split()) >= 2:
            names.append(f"{pieces[0]} {pieces[1].split()[-1]}")
    single = [p for p in found if len(p.split()) == 1]
    if len(found) == 2 and len(single) == 2 and all(p.isalpha() for p in single):
        names.append(f"{single[1]} {single[0]}")
    return names


def parts(value: str) -> list[str]:
    """Each name or address inside one personal field's text."""
    found = [part.strip() for part in _PARTS.split(value) if part.strip()]
    whole = [
        p
        for p in found
        if len(p) >= MIN_PART and len(p.split()) >= 2 and any(c.isalpha() for c in p)
    ]
    return whole + _names_shared(value, found)


def _surname_first(value: str) -> str | None:
    if not names.is_name(value):
        return None
    words = value.split()
    return " ".join([words[-1], *words[:-1]])


def personal_values(content: dict) -> list[str]:
    """Every personal value in a notice's field values or revision content: each field and
    marked span whole, each name or address inside them (``parts``) and each phone number,
    e-mail address and property identifier."""
    values = [str(content.get(name) or "") for name in PERSONAL_FIELDS]
    values += richtext.marked_texts(str(content.get("body") or ""))
    values += [part for value in values for part in parts(value)]
    # A phone number, e-mail address or property identifier inside a span or a field is
    # a value of its own: written alone elsewhere, it still names the person.
    values += [m.group() for v in values for _kind, p in scanner.PATTERNS for m in p.finditer(v)]
    # ...and in its canonical form: "0503217788" is "050 321 7788" (``numbers``).
    values += [form for value in values for form in numbers.forms(value)]
    # A name with its last word first ("Meikäläinen Matti"): after the removal only the
    # needles of these values are known, and the notice form reads that order too.
    values += [turned for value in values if (turned := _surname_first(value))]
    return sorted({v.strip() for v in values if v and v.strip()}, key=lambda v: (-len(v), v))


def _matcher(removed: Iterable[str]) -> re.Pattern | None:
    """One pattern for every removed value, ignoring case and how it is spaced."""
    texts = sorted({r for r in removed if len(r) >= MIN_SCRUB}, key=lambda r: (-len(r), r))
    if not texts:
        return None
    # Between words: spaces or markup ("<b>Matti</b> Meikäläinen" is read as the name).
    parts = [_BETWEEN.join(map(re.escape, text.split())) for text in texts]
    # Whole words only: a short name must not cut into a longer word.
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)", re.IGNORECASE)


_BETWEEN = r"(?:\s|<[^<>]{0,500}>)+"
_TAG = re.compile(r"<[^<>]{0,500}>")


def _replaced(match: re.Match, marker: str) -> str:
    # The markup inside the copy stays (after the marker), so the HTML stays balanced.
    return marker + "".join(_TAG.findall(match.group()))


def scrub(value, removed: Iterable[str], marker: str):
    """``value`` (any JSON-like data) with every occurrence of a removed value replaced
    (in any case, however spaced, and split by markup)."""
    pattern = _matcher(removed)
    if pattern is None:
        return value

    def walk(item):
        if isinstance(item, str):
            return pattern.sub(lambda match: _replaced(match, marker), item)
        if isinstance(item, list):
            return [walk(x) for x in item]
        if isinstance(item, dict):
            return {k: walk(v) for k, v in item.items()}
        return item

    return walk(value)


def slugged(text: str) -> str:
    """``text`` as a slug, with any punctuation a word break (``documents/a-b.pdf``)."""
    return slugify(re.sub(r"[\W_]+", " ", text))


def variants(values: Iterable[str]) -> list[str]:
    """The values as they may also be written: without diacritics ("Meikalainen"), and
    as a slug or file name writes them ("maija-meikalainen")."""
    found = []
    for value in values:
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c)
        )
        found += [plain] if plain != value else []
        slug = slugged(value)
        found += [slug] if "-" in slug else []
    return found


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
    # Every kept text (the title too: it keeps the matter, not a name typed into it).
    return scrub(result, removed, marker)


def naming(texts: Iterable[str], values: Iterable[str]) -> list[str]:
    """The ``texts`` (a document's title or file name) sharing a word of four letters or
    more with one of ``values``: those name the person; "Päätös" or "Hakemus" do not, and
    looked for or sealed everywhere they would strike every page that says the word."""
    words = {w for v in values for w in slugged(v).split("-") if len(w) > 3}
    return [t for t in texts if words & set(slugged(t.replace("_", " ")).split("-"))]
