"""Finnish personal identity codes (henkilötunnus): find and validate them, however written.

A code is ``DDMMYYCNNNT``: date of birth, a century sign, an individual number and a
check character. Century signs: ``+`` for the 1800s; ``-`` and, since 2023, ``Y X W V U``
for the 1900s; ``A`` and, since 2023, ``B C D E F`` for the 2000s. The check character is
the remainder of the nine digits ``DDMMYYNNN`` divided by 31, looked up in
``0123456789ABCDEFHJKLMNPRSTUVWXY``. Individual numbers run from 002 to 899 (900-999 are
temporary codes, which are personal data too and are accepted).

The law allows no code on a public page, so the platform looks for them in every text it
publishes, written any way a person (or a copy and paste) writes them: in lower case,
with full-width digits, with any dash for the hyphen (U+2010, en dash, minus sign...),
with spaces or invisible characters (zero-width space, soft hyphen) around or in place of
the separator, percent-encoded in a link, or as HTML character references. Text is
normalised first (``normalise``: NFKC, entities and percent-escapes decoded, every dash
a hyphen, every invisible character a zero-width space), and the pattern allows the
invisible characters anywhere in the code.
"""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import date
from urllib.parse import unquote

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURIES = {"+": 1800, **dict.fromkeys("-YXWVU", 1900), **dict.fromkeys("ABCDEF", 2000)}
INVISIBLE = "\u200b"
# Dashes that are not of category Pd (which are all hyphens here too).
_DASHES = {"\u2212", "\u2043", "\u02d7", "\ufe63", "\u2796"}

_hidden = f"{INVISIBLE}*"
_digits = lambda n: rf"\d(?:{_hidden}\d){{{n - 1}}}"  # noqa: E731 (a pattern piece)
_sign = r"[+\-ABCDEFYXWVUabcdefyxwvu]"
# The separator: a century sign with spaces or invisible characters around it, or only
# spaces or invisible characters in its place (the century then is unknown).
_separator = rf"[\s{INVISIBLE}]*{_sign}[\s{INVISIBLE}]*|[\s{INVISIBLE}]+"
# Anything that looks like a code, valid or not: validation decides. Word boundaries keep
# it from matching inside longer numbers; lower case is accepted since people type it.
CANDIDATE = re.compile(
    rf"(?<![0-9A-Za-z])({_digits(6)})({_separator})({_digits(3)}){_hidden}([0-9A-Ya-y])"
    r"(?![0-9A-Za-z])"
)


def normalise(text: str) -> str:
    """``text`` as the check reads it (see the module's docstring)."""
    if "&" in text:
        text = html.unescape(text)
    if "%" in text:
        text = unquote(text)
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return text
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            out.append(INVISIBLE)
        elif category == "Pd" or char in _DASHES:
            out.append("-")
        elif category == "Zs":
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


def _valid(digits: str, separator: str, individual: str, check: str) -> bool:
    digits, individual = digits.replace(INVISIBLE, ""), individual.replace(INVISIBLE, "")
    sign = separator.replace(INVISIBLE, "").strip().upper()
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    # Without a sign, the century is unknown: any one giving a real date will do.
    centuries = [CENTURIES[sign]] if sign else [1900, 2000, 1800]
    if not any(_is_date(century + year, month, day) for century in centuries):
        return False
    if int(individual) < 2:
        return False
    return CHECK[int(digits + individual) % 31] == check.upper()


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def is_valid(code: str) -> bool:
    """``code`` (normalised) is a valid identity code."""
    match = CANDIDATE.fullmatch(code.strip())
    return match is not None and _valid(*match.groups())


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every valid identity code in ``text``, however written;
    positions are in ``normalise(text)``, which the caller passes when it has it."""
    return [
        (match.start(), match.end(), match.group())
        for match in CANDIDATE.finditer(text)
        if _valid(*match.groups())
    ]


def found_in(text: str) -> list[str]:
    """The identity codes in ``text``, found after normalising it."""
    return [code for _start, _end, code in find(normalise(text))]
