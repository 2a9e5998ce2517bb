"""Finnish personal identity codes (henkilötunnus): find and validate them.

A code is ``DDMMYYCNNNT``: date of birth, a century sign, an individual number and a
check character. Century signs: ``+`` for the 1800s; ``-`` and, since 2023, ``Y X W V U``
for the 1900s; ``A`` and, since 2023, ``B C D E F`` for the 2000s. The check character is
the remainder of the nine digits ``DDMMYYNNN`` divided by 31, looked up in
``0123456789ABCDEFHJKLMNPRSTUVWXY``. Individual numbers run from 002 to 899 (900-999 are
temporary codes, which are personal data too and are accepted).
"""

from __future__ import annotations

import re
from datetime import date

CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURIES = {"+": 1800, **dict.fromkeys("-YXWVU", 1900), **dict.fromkeys("ABCDEF", 2000)}
# Anything that looks like a code, valid or not: validation decides. Word boundaries keep
# it from matching inside longer numbers; lower case is accepted since people type it.
CANDIDATE = re.compile(
    r"(?<![0-9A-Za-z])(\d{6})([+\-ABCDEFYXWVUabcdefyxwvu])(\d{3})([0-9A-Ya-y])(?![0-9A-Za-z])"
)


def is_valid(code: str) -> bool:
    match = CANDIDATE.fullmatch(code.strip())
    if match is None:
        return False
    digits, sign, individual, check = match.groups()
    sign, check = sign.upper(), check.upper()
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    try:
        date(CENTURIES[sign] + year, month, day)
    except ValueError:
        return False
    if int(individual) < 2:
        return False
    return CHECK[int(digits + individual) % 31] == check


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of every valid identity code in ``text``."""
    return [
        (match.start(), match.end(), match.group())
        for match in CANDIDATE.finditer(text)
        if is_valid(match.group())
    ]
