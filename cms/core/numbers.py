"""Phone numbers and property identifiers however they are written: one canonical form
each, so that "050 321 7788", "0503217788", "+358 50 321 7788" and "+358503217788" are one
value, and "398-403-2-21" is "39840300020021" (the 14-digit form of a kiinteistötunnus).
The notices' scanner finds them with these patterns; the notice form and the removal's
proof compare texts in this form."""

from __future__ import annotations

import re

# 398-401-12-34; also the 14-digit form 39840100120034.
PROPERTY_ID = re.compile(r"(?<![\d-])(?:\d{1,3}-\d{1,3}-\d{1,4}-\d{1,4}|\d{14})(?![\d-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# +358 40 123 4567, +358401234567, 040 123 4567, 040-1234567, 09 310 1234.
PHONE = re.compile(
    r"(?<![\w+])(?:\+358[\s-]?(?:\(0\))?\s?[1-9]\d{0,2}|0[1-9]\d{0,2})(?:[\s-]?\d){5,8}(?!\d)"
)
_INTERNATIONAL = re.compile(r"^\+358[\s-]*(?:\(0\)\s*)?")


def phone(number: str) -> str:
    """A phone number as its national digits ("0503217788")."""
    national = _INTERNATIONAL.sub("0", number)
    return re.sub(r"\D", "", national)


def property_id(identifier: str) -> str:
    """A property identifier in its 14-digit form."""
    if "-" not in identifier:
        return identifier
    widths = (3, 3, 4, 4)
    return "".join(
        part.zfill(width) for part, width in zip(identifier.split("-"), widths, strict=False)
    )


def canonical(text: str) -> str:
    """``text`` with every phone number and property identifier in its canonical form."""
    text = PROPERTY_ID.sub(lambda match: property_id(match.group()), text)
    return PHONE.sub(lambda match: phone(match.group()), text)


def forms(text: str) -> list[str]:
    """The canonical form of each phone number and property identifier in ``text``."""
    found = [property_id(m.group()) for m in PROPERTY_ID.finditer(text)]
    return found + [phone(m.group()) for m in PHONE.finditer(text)]
