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
decoded (repeatedly: ``%252D`` is a dash too), Unicode NFC, then each character folded:
any script's digit to its digit; every default-ignorable code point (Unicode's property,
from ICU) and the blank-looking characters an invisible one is swapped for to one
invisible marker; a combining mark drawn over a digit dropped; every dash, every character
whose skeleton is a dash's and every character drawn as a line (by its Unicode name) to a
hyphen; every other character to the ASCII letter or digit it is confusable with (its
skeleton, Unicode TR39, computed by ICU: Cyrillic ``К`` is ``K``), a small capital to its
letter, anything else to its compatibility form. ``found_in`` also drops markup (a code
split by tags is a code), reads text under a right-to-left override reversed, as it is
drawn, and reads a digit drawn as another (Bengali ``৪``, an 8 to the eye) as both. The
patterns then allow the invisible marker anywhere in a code, spaces anywhere in
a code with a sign (and dots in its date), letters but not digits touching it, the letters
a skeleton shares with ``0`` and ``1`` (``O``, ``l``, ``I``, ``|``) for those digits, and
spaces for the sign in a code written tightly.
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
_digits = lambda n, between=_hidden: between.join([_digit] * n)  # noqa: E731 (a piece)
# A century sign, or a run of lines (a reader takes "271281⎯738T", "050911_1793" and
# "200447--566H" for codes: every character drawn as a line is folded to "-"); not any
# punctuation, or every record number "4027/10.02.03/2021" would be a candidate.
_sign = r"(?:[+ABCDEFYXWVUabcdefyxwvu]|[-_~]+)"
# Characters drawn as a horizontal line, by their Unicode names (⎯ ╴ ═ ‾ ¯ ـ ⁓ ～ ‧).
_LINE = re.compile(r"DASH|HYPHEN|HORIZONTAL|BOX DRAWINGS|MACRON|OVERLINE|TILDE|LOW LINE|TATWEEL")
_check = r"[0-9A-Ya-y|]"
# A code with a sign between its date and its number: spaces (or dots in the date)
# anywhere inside it do not hide it ("160655-7 86P", "0 9 1 0 6 5 - 7 7 3 K"). Only
# digits may touch it: "asiakas121111-348Nxyz" shows a code to its reader.
_date_gap = rf"[\s.{INVISIBLE}]*"
SIGNED = re.compile(
    rf"(?<![0-9])(?P<date>{_digits(6, _date_gap)})"
    rf"(?P<sign>{_gap}{_sign}{_gap})(?P<number>{_digits(3, _gap)})"
    rf"(?P<gap>{_gap})(?P<check>{_check})(?![0-9])"
)
# A code with only spaces for its sign must be written tightly, away from other letters
# and digits (or every phone number would be a candidate): "131052 308T".
SPACED = re.compile(
    rf"(?<![0-9A-Za-z])(?P<date>{_gap.join([_digits(2)] * 3)})(?P<sign>[\s{INVISIBLE}]+)"
    rf"(?P<number>{_digits(3)})(?P<gap>{_hidden})(?P<check>{_check})(?![0-9A-Za-z])"
)
# Text drawn right to left by an override or isolate reads reversed to its reader.
_REVERSED = re.compile("[\u202e\u2067\u2068]([^\u202c\u2069]*)")


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


def _small_capital(char: str) -> str | None:
    """The letter a small capital is drawn as (ᴛ is T), else None."""
    name = unicodedata.name(char, "")
    if "SMALL CAPITAL " in name:
        letter = name.rsplit("SMALL CAPITAL ", 1)[1]
        return letter if len(letter) == 1 and letter.isascii() else None
    return None


@functools.cache
def _fold(char: str) -> str:
    """One non-ASCII character as the check reads it."""
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)  # any script's digit (Arabic-Indic, Devanagari, full-width)
    if char in _BLANKS or icu.Char.hasBinaryProperty(
        char, icu.UProperty.DEFAULT_IGNORABLE_CODE_POINT
    ):
        return INVISIBLE
    category = unicodedata.category(char)
    if category == "Cf":
        return INVISIBLE
    if category in ("Zs", "Zl", "Zp"):
        return " "
    if category in ("Mn", "Me"):
        return ""  # a mark drawn over a digit (1̲, 0̇) does not hide it
    skeleton = _skeleton(char)
    if category == "Pd" or char in _DASHES or skeleton in _dash_skeletons():
        return "-"
    if len(skeleton) == 1 and skeleton.isascii() and (skeleton.isalnum() or skeleton in "+|"):
        return skeleton
    letter = _small_capital(skeleton if len(skeleton) == 1 else char)
    if letter is not None:
        return letter
    compatible = unicodedata.normalize("NFKC", char)
    if compatible != char:
        return "".join(c if c.isascii() else _fold(c) for c in compatible)
    if _LINE.search(unicodedata.name(char, "")):
        return "-"
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
    # Composed first (a letter and its accent are one letter), then each character folded
    # (its compatibility form only where its own skeleton says nothing: NFKC makes the
    # lunate sigma Ϲ, drawn as C, a Σ).
    text = unicodedata.normalize("NFC", _decoded(text))
    if text.isascii():
        return text
    return "".join(char if char.isascii() else _fold(char) for char in text)


def _valid(match: re.Match) -> bool:
    digits = re.sub(r"\D", "", match["date"].translate(_AS_DIGIT))
    individual = re.sub(r"\D", "", match["number"].translate(_AS_DIGIT))
    sign = match["sign"].replace(INVISIBLE, "").strip().upper()
    if sign and set(sign) <= {"-"}:
        sign = "-"  # ("--", "——": a dash drawn long)
    check = match["check"]
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    # Without a sign (spaces, "_" or "~"), the century is unknown: any one giving a real
    # date will do.
    centuries = [CENTURIES[sign]] if sign in CENTURIES else [1900, 2000, 1800]
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
    code = code.strip()
    return any(
        (match := pattern.fullmatch(code)) is not None and _valid(match)
        for pattern in (SIGNED, SPACED)
    )


def _matches(text: str) -> list[re.Match]:
    found = []
    for pattern in (SIGNED, SPACED):
        for match in pattern.finditer(text):
            if match["gap"].strip(INVISIBLE) and text[match.end() : match.end() + 1].isalpha():
                continue  # "131052-308 Talo": a word after a number, not a check character
            if _valid(match) and not any(m.start() <= match.start() < m.end() for m in found):
                found.append(match)
    return sorted(found, key=lambda m: m.start())


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every valid identity code in ``text``, however written;
    positions are in ``normalise(text)``, which the caller passes when it has it."""
    return [(match.start(), match.end(), match.group()) for match in _matches(text)]


def readable(text: str) -> str:
    """``text`` normalised with its markup dropped, before and after decoding (a code
    split by tags, ``230478-<b>5885</b>``, is one code to a reader)."""
    return _MARKUP.sub("", normalise(_MARKUP.sub("", text)))


@functools.cache
def _drawn_digit(char: str) -> str | None:
    """The ASCII digit another script's digit is drawn as, where that is not its value
    (Bengali ``৪`` is 4 but looks like 8)."""
    if char.isascii() or unicodedata.decimal(char, None) is None:
        return None
    skeleton = _skeleton(char)
    if len(skeleton) == 1 and skeleton.isdigit() and skeleton.isascii():
        return None if int(skeleton) == unicodedata.decimal(char) else skeleton
    return None


def _as_drawn(text: str) -> str:
    """``text`` with each digit that looks like another digit read as it looks."""
    if text.isascii():
        return text
    return "".join(_drawn_digit(char) or char for char in text)


def found_in(text: str) -> list[str]:
    """The identity codes in ``text``, found after normalising it, both with its markup (a
    code in a link's address or an alt text) and without (a code split by tags), in any
    part drawn right to left, as its reader sees it, and with each digit of another script
    read both as its value and as the digit it is drawn as."""
    texts = [normalise(text)]
    if "<" in texts[0]:
        texts.append(readable(text))
    decoded = _decoded(text)
    texts += [normalise(part[::-1]) for part in _REVERSED.findall(decoded)]
    if _REVERSED.search(decoded):
        # The whole line as drawn: "131052-\u202eT803" shows as "131052-308T".
        texts.append(normalise(_REVERSED.sub(lambda m: m.group(1)[::-1], decoded)))
    drawn = _as_drawn(decoded)
    if drawn != decoded:
        texts.append(normalise(drawn))
    codes: list[str] = []
    for each in texts:
        codes += [code for _s, _e, code in find(each) if code not in codes]
    return codes
