"""Persons' names as a reader finds them in Finnish text: which words can be a name's, and
the stems of a name's word under the simplest Finnish inflections.

The notice form's kept-text check (``cms/notices/kept.py``) matches a name with its
inflected forms while the notice is on view; after a removal only keyed hashes of the
removed values are kept (``cms/removal/receipts.py``), and the hashes of these stems let the
proof find "Matti Meikäläisen" after "Matti Meikäläinen" was removed.
"""

from __future__ import annotations

import re

# What may follow a stem: a link vowel (Meikäläis|e|n, plural Meikäläis|i|lle), a case
# ending, and a clitic (Matille|kin). Only these: "Lahtinen" is not an inflected "Lahti",
# nor "Lakimiesnimi" an inflected "Lakimies".
_CASES = (
    "", "t", "n", "a", "ä", "ta", "tä", "na", "nä", "ksi", "ssa", "ssä", "sta", "stä",
    "lla", "llä", "lta", "ltä", "lle", "tta", "ttä", "an", "en", "in", "on", "un", "yn",
    "än", "ön", "hen", "hin", "seen", "een", "ten", "tten", "den", "jen",
)  # fmt: skip
_LINKS = ("", "e", "i")
_CLITICS = ("", "kin", "kaan", "kään")
_FOLD = str.maketrans("äö", "ao")
_ENDINGS = {link + case + clitic for link in _LINKS for case in _CASES for clitic in _CLITICS}
# (and as the removal's word hashes read them, diacritics folded: ``receipts.words``)
ENDINGS = frozenset(_ENDINGS | {e.translate(_FOLD) for e in _ENDINGS})


def _alternatives(items) -> str:
    return "|".join(sorted(map(re.escape, items), key=len, reverse=True))


# The same set as a pattern built as the endings are (link, case, clitic), not as their
# hundreds of spellings: a name's pattern compiles in well under a millisecond.
ENDING_PATTERN = "(?:{})".format(
    "|".join(
        f"(?:{_alternatives(_LINKS)})(?:{_alternatives(cases)})(?:{_alternatives(clitics)})"
        for cases, clitics in (
            (_CASES, _CLITICS),
            ([c.translate(_FOLD) for c in _CASES], [k.translate(_FOLD) for k in _CLITICS]),
        )
    )
)
LONGEST = max(map(len, ENDINGS))
_GRADATION = re.compile(r"(kk|pp|tt)([aeiouyäö]+)$")
_WEAK_E = (("hti", "hde"), ("lti", "lle"), ("rti", "rre"), ("nti", "nne"), ("mpi", "mme"))
_VOWEL_KI = re.compile(r"[aeiouyäö]ki$")


def is_name_word(word: str) -> bool:
    """A word of a person's name: letters (a double name's parts too), three or more."""
    return len(word) >= 3 and all(part.isalpha() for part in word.split("-"))


def is_name(value: str) -> bool:
    """A person's name as officers write one: two or three name words."""
    words = value.split()
    return 2 <= len(words) <= 3 and all(map(is_name_word, words))


def stems(word: str) -> list[str]:
    """The stems an inflected form of ``word`` (lower case, one part of a double name)
    begins with, each followed by one of the ``ENDINGS``: the word itself (Matti ->
    Mattia), -nen -> -s- (Meikäläinen -> Meikäläisen), a double stop made single (Matti ->
    Matin), -i -> -e- (Niemi -> Niemen) with its weak grade (Mäki -> Mäen, Lahti -> Lahden).
    Diacritics may be folded (``maki`` -> ``mae``)."""
    found = [word]
    if word.endswith("nen") and len(word) > 5:
        found.append(word[:-3] + "s")
    if weak := _GRADATION.search(word):
        found.append(word[: weak.start()] + weak.group(1)[0] + weak.group(2))
    if word.endswith("i") and len(word) > 3:
        found.append(word[:-1] + "e")
        found += [word[: -len(strong)] + weak for strong, weak in _WEAK_E if word.endswith(strong)]
        if _VOWEL_KI.search(word):
            found.append(word[:-2] + "e")
    return list(dict.fromkeys(found))


def cut(word: str) -> set[str]:
    """What ``word`` may be a stem's inflected form of: itself less each ending it has."""
    found = {word}
    for length in range(1, min(LONGEST, len(word) - 3) + 1):
        if word[-length:] in ENDINGS:
            found.add(word[:-length])
    return found
