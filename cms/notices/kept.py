"""Personal values that would outlive the display period in a notice's kept fields.

When the period ends, the personal fields are emptied and the marked spans replaced; the
fields that describe the matter are kept (title, slug, lead, SEO fields, the body outside
the marks, the kept attachments' titles and file names). A personal value typed again in
one of those (a title naming the applicant, an unmarked copy of a marked name in the body,
``kuuleminen-matti-meikalainen.pdf``) would stay public. ``leaks`` finds them, read as
the identity check reads text (``identity.normalise``), ignoring case and spacing, and as
a slug (so ``matti-meikalainen`` is ``Matti Meikäläinen``); the notice form refuses to
publish with one, and the reconciler scrubs whatever an older notice still has.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cms.core import identity, names, numbers

from .redaction import MIN_SCRUB, slugged

# The page's own fields that stay after the period besides those an officer types in the
# notice (its ``SCANNED_FIELDS`` that are not personal); the body is read outside its marks.
PROMOTED = ("slug", "seo_title", "search_description")


def kept_fields(model) -> list[str]:
    """The notice model's fields that stay public after the period."""
    personal = set(model.PERSONAL_FIELDS)
    return [*(name for name in model.SCANNED_FIELDS if name not in personal), *PROMOTED]


@dataclass(frozen=True)
class Leak:
    field: str  # a form field's name, or "" for an attachment or a translation
    label: str  # what the officer is told: the field's label (and which attachment)
    value: str  # the personal value found there


# A house number with a staircase letter and a flat number, however spaced: "5 A 1",
# "5A 1" and "5A1" are one address.
HOUSE = re.compile(r"(?<!\w)(\d+) ?([a-zåäö])(?: ?(\d+))?(?!\w)")


def folded(text: str) -> str:
    """``text`` as compared: normalised, invisible characters gone, phone numbers and
    property identifiers in their canonical form, case and runs of spaces ignored, and a
    house number's letter and flat joined to it."""
    text = identity.normalise(text).replace(identity.INVISIBLE, "")
    # Phone numbers and property identifiers however spaced or prefixed (``numbers``).
    text = " ".join(numbers.canonical(text).casefold().split())
    return HOUSE.sub(lambda m: m[1] + m[2] + (m[3] or ""), text)


def _pattern(text: str, word: str) -> re.Pattern | None:
    if len(text) < MIN_SCRUB:
        return None  # too short to tell from ordinary words
    return re.compile(rf"(?<!{word}){re.escape(text)}(?!{word})")


# A name's word inflected the simplest Finnish ways (``names.stems``) and, in a double
# name, only its last part (Kivi-Mäen).
_ENDING = names.ENDING_PATTERN
# A surname in -nen is rare as an ordinary word: found alone too ("Meikäläiselle").
MIN_SURNAME = 7


def _inflected(word: str) -> list[str]:
    return [re.escape(stem) + _ENDING for stem in names.stems(word)]


def _word(word: str) -> str:
    head, dash, last = word.rpartition("-")
    return f"{re.escape(head + dash)}(?:{'|'.join(_inflected(last))})"


def _name_pattern(text: str) -> re.Pattern | None:
    """A name of two or three words (folded) in its own order or with the last word
    first ("Meikäläinen Matti", "Meikäläinen, Matti"), each word inflected the simplest
    Finnish ways, and a surname in -nen alone; None for anything else (an address, a
    phone number), which is matched as typed."""
    words = text.split()
    if not names.is_name(text):
        return None
    orders = [words, [words[-1], *words[:-1]]]
    alternatives = [r",?\s+".join(map(_word, order)) for order in orders]
    if words[-1].endswith("nen") and len(words[-1]) >= MIN_SURNAME:
        alternatives.append(_word(words[-1]))
    return re.compile(rf"(?<!\w)(?:{'|'.join(alternatives)})(?!\w)")


def leaks(values: Iterable[str], kept: Mapping[str, tuple[str, str]]) -> list[Leak]:
    """Each personal value found in a kept text; ``kept`` maps a field's name to its label
    and text."""
    found: list[Leak] = []
    read = {name: (label, folded(text), slugged(text)) for name, (label, text) in kept.items()}
    for value in values:
        as_text = _name_pattern(folded(value)) or _pattern(folded(value), r"\w")
        as_slug = _pattern(slugged(value), "[a-z0-9]")
        for name, (label, text, slug) in read.items():
            if (as_text and as_text.search(text)) or (as_slug and as_slug.search(slug)):
                found.append(Leak(name, label, value))
    return found
