"""Finnish personal identity codes (henkilötunnus): find and validate them, however written.

A code is ``DDMMYYCNNNT``: date of birth, a century sign, an individual number and a
check character. Century signs: ``+`` for the 1800s; ``-`` and, since 2023, ``Y X W V U``
for the 1900s; ``A`` and, since 2023, ``B C D E F`` for the 2000s. The check character is
the remainder of the nine digits ``DDMMYYNNN`` divided by 31, looked up in
``0123456789ABCDEFHJKLMNPRSTUVWXY``. Individual numbers run from 002 to 899 (900-999 are
temporary codes, which are personal data too and are accepted).

The law allows no code on a public page, so the platform looks for them in every text it
publishes, written any way a person (or a copy and paste, or someone hiding one) writes
them. ``normalise`` reads text as a reader sees it: HTML references and percent-escapes
decoded (repeatedly: ``%252D`` is a dash too), Unicode NFKC, every default-ignorable code
point (Unicode's property, from ICU) and the blank-looking characters an invisible one is
swapped for turned into one invisible marker, every dash and dash look-alike a hyphen, and
every other character folded to the ASCII letter or digit it is confusable with (its
skeleton, Unicode TR39, computed by ICU: Cyrillic ``К`` is ``K``). ``found_in`` also drops
markup, so a code split by tags is a code. The pattern then allows the invisible marker
anywhere in a code, any run of spaces inside the date, the letters a skeleton shares with
``0`` and ``1`` (``O``, ``l``, ``I``, ``|``) for those digits, and spaces for the sign.
"""

from __future__ import annotations

import functools
import html
import re
import sys
import unicodedata
from datetime import date
from urllib.parse import unquote

import icu

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURIES = {"+": 1800, **dict.fromkeys("-YXWVU", 1900), **dict.fromkeys("ABCDEF", 2000)}
INVISIBLE = "\u200b"
# Dashes that are not of category Pd (which are all hyphens here too).
_DASHES = {"\u2212", "\u2043", "\u02d7", "\ufe63", "\u2796"}
# Characters drawn blank that are neither default-ignorable nor spaces (Braille's blank).
_BLANKS = {"\u2800"}
# A skeleton's letters that stand for digits (TR39 folds 0 to O, and 1 and | to l).
_AS_DIGIT = str.maketrans("OlI|", "0111")
_MARKUP = re.compile(r"<[^<>]*>")

_hidden = f"{INVISIBLE}*"
_gap = rf"[\s{INVISIBLE}]*"
_digit = r"[\dOlI|]"
_digits = lambda n: _hidden.join([_digit] * n)  # noqa: E731 (a pattern piece)
_date = _gap.join([_digits(2)] * 3)
_sign = r"[+\-ABCDEFYXWVUabcdefyxwvu]"
# The separator: a century sign with spaces or invisible characters around it, or only
# spaces or invisible characters in its place (the century then is unknown).
_separator = rf"{_gap}{_sign}{_gap}|[\s{INVISIBLE}]+"
# Anything that looks like a code, valid or not: validation decides. Word boundaries keep
# it from matching inside longer numbers; lower case is accepted since people type it.
CANDIDATE = re.compile(
    rf"(?<![0-9A-Za-z])({_date})({_separator})({_digits(3)}){_hidden}([0-9A-Ya-y|])"
    r"(?![0-9A-Za-z])"
)


@functools.cache
def _spoof() -> icu.SpoofChecker:
    return icu.SpoofChecker()


def _skeleton(char: str) -> str:
    return _spoof().getSkeleton(0, char)


@functools.cache
def _dash_skeletons() -> frozenset[str]:
    """The skeletons of every dash: a character with one of them is drawn as a dash."""
    dashes = {chr(i) for i in range(sys.maxunicode + 1) if unicodedata.category(chr(i)) == "Pd"}
    found = {_skeleton(char) for char in dashes | _DASHES}
    return frozenset(s for s in found if len(s) == 1 and s != "=")


@functools.cache
def _fold(char: str) -> str:
    """One non-ASCII character as the check reads it."""
    if char in _BLANKS or icu.Char.hasBinaryProperty(
        char, icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT
    ):
        return INVISIBLE
    category = unicodedata.category(char)
    if category == "Cf":
        return INVISIBLE
    if category in ("Zs", "Zl", "Zp"):
        return " "
    skeleton = _skeleton(char)
    if category == "Pd" or char in _DASHES or skeleton in _dash_skeletons():
        return "-"
    if len(skeleton) == 1 and skeleton.isascii() and (skeleton.isalnum() or skeleton in "+|"):
        return skeleton
    return char


def _decoded(text: str) -> str:
    """HTML references and percent-escapes decoded until nothing changes (an escape of an
    escape is read as its reader's browser finally shows it)."""
    for _round in range(5):
        before = text
        if "&" in text:
            text = html.unescape(text)
        if "%" in text:
            text = unquote(text)
        if text == before:
            break
    return text


def normalise(text: str) -> str:
    """``text`` as the check reads it (see the module's docstring)."""
    text = unicodedata.normalize("NFKC", _decoded(text))
    if text.isascii():
        return text
    return "".join(char if char.isascii() else _fold(char) for char in text)


def _valid(digits: str, separator: str, individual: str, check: str) -> bool:
    digits = re.sub(r"\D", "", digits.translate(_AS_DIGIT))
    individual = individual.replace(INVISIBLE, "").translate(_AS_DIGIT)
    sign = separator.replace(INVISIBLE, "").strip().upper()
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    # Without a sign, the century is unknown: any one giving a real date will do.
    centuries = [CENTURIES[sign]] if sign else [1900, 2000, 1800]
    if not any(_is_date(century + year, month, day) for century in centuries):
        return False
    if int(individual) < 2:
        return False
    expected = CHECK[int(digits + individual) % 31]
    # A check character written as a skeleton letter may stand for a digit (l for 1).
    return expected in {check.upper(), check.translate(_AS_DIGIT)}


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


def readable(text: str) -> str:
    """``text`` normalised with its markup dropped, before and after decoding (a code
    split by tags, ``230478-<b>5885</b>``, is one code to a reader)."""
    return _MARKUP.sub("", normalise(_MARKUP.sub("", text)))


def found_in(text: str) -> list[str]:
    """The identity codes in ``text``, found after normalising it, both with its markup (a
    code in a link's address or an alt text) and without (a code split by tags)."""
    normal = normalise(text)
    codes = [code for _start, _end, code in find(normal)]
    if "<" in normal:
        codes += [code for _s, _e, code in find(readable(text)) if code not in codes]
    return codes
