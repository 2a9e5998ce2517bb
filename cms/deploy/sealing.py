"""Personal data sealed out of a backup's text: each place a backup's database holds a
personal value of an item (a notice on view) becomes a token, and what the token stood for
goes into the item's vault, encrypted with the item's own key (``cms/removal/keys.py``).
A restore puts the values back while the key exists; once the item's removal destroyed it,
the tokens become empty text and the backup gives nothing of the item back.

Values are found the way the removal's proof finds them (``cms/removal/scans.py``): as
words, case and diacritics folded, in the text as a reader sees it (JSON and HTML escapes,
percent-encoding and escaped line breaks decoded, tags read as spaces), so
``Meik\\u00e4l\\u00e4inen`` in a revision's JSON and ``Matti <b>Meikäläinen</b>`` in rich text
are sealed whole; the exact characters they took are what the vault keeps. A token is
ASCII letters and digits only, valid wherever it lands (SQL, JSON, HTML, a slug), and holds
a number that is new for every backup, so that a token typed into a page before the backup
cannot ask a restore for another item's value.
"""

from __future__ import annotations

import html
import re
import secrets
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import unquote

from cms.core.personal_data import Held
from cms.removal import receipts
from cms.removal.reading import readable
from cms.removal.scans import Needles, Owner

# What a value's text becomes once its key is gone: nothing. (Any word would be read as the
# item's value by the removal that runs again after the restore, and then looked for, and
# found, wherever that word is written.)
GONE = ""
# A word as a reader sees it: with what is drawn as nothing inside it (a soft hyphen, a
# decomposed letter's mark), which the word's hash leaves out (``receipts.words``).
WORD = re.compile(rf"(?:[^\W_]|[{receipts.HIDDEN_CLASS}])+")
ESCAPED = re.compile(
    r"\\+u[0-9a-fA-F]{4}|\\+[ntr]|&#?[0-9A-Za-z]{1,32};|(?:%[0-9A-Fa-f]{2})+|<[^<>]{0,2000}>"
)


def _decoded(escape: str) -> str:
    if escape.startswith("\\"):
        body = escape.lstrip("\\")
        if body[0] != "u":
            return " "
        char = chr(int(body[1:], 16))
        return " " if 0xD800 <= ord(char) <= 0xDFFF else char
    if escape.startswith("&"):
        return html.unescape(escape)
    if escape.startswith("%"):
        return unquote(escape, errors="replace")
    return " "  # a tag: words on either side stay apart


def view(text: str) -> tuple[str, list[int]]:
    """``text`` as read, and for each of its characters (and its end) where it starts in
    ``text``."""
    if not ESCAPED.search(text):
        return text, list(range(len(text) + 1))
    parts: list[str] = []
    starts: list[int] = []
    done = 0
    for match in ESCAPED.finditer(text):
        parts.append(text[done : match.start()])
        starts.extend(range(done, match.start()))
        decoded = _decoded(match.group())
        parts.append(decoded)
        # A decoded character stands for the whole escape: a span ending on it ends after it.
        starts.extend([match.start()] + [match.end()] * (len(decoded) - 1))
        done = match.end()
    parts.append(text[done:])
    starts.extend(range(done, len(text) + 1))
    return "".join(parts), starts


class Sealer:
    """Seals the values of ``held`` (by owner) in every text given to ``seal``."""

    def __init__(self, held: dict[Owner, Held], removed: Needles | None = None) -> None:
        self.nonce = secrets.token_hex(8)
        hasher = receipts.Hasher()
        # What removals took away (their receipts' and journals' needles): never sealed (it
        # must not exist at all), but a backup that still shows it says so (``left``).
        self.removed = removed
        best: dict[tuple[str, ...], Owner] = {}
        # A value items share (a notice and its translation, one contact person) is sealed
        # in the vault of each: readable as long as one of them may lawfully show it.
        self.holders: dict[tuple[str, ...], list[Owner]] = {}
        for owner, data in sorted(held.items(), key=lambda pair: _ends(pair[1].ends_at)):
            for needle in receipts.needles(data.values, hasher):
                best[tuple(needle)] = owner
                self.holders.setdefault(tuple(needle), []).append(owner)
        by_owner: dict[Owner, list[list[str]]] = {}
        for needle, owner in best.items():
            by_owner.setdefault(owner, []).append(list(needle))
        self.needles = Needles(by_owner)
        self.needles.hasher = hasher
        # Needles by their first two words (one-word needles by their word): a street name
        # that starts many values ("Kuusitie 5", "Kuusitie 7") leads to one, not all.
        self.index: dict[tuple[str, ...], list[tuple[tuple[str, ...], Owner]]] = {}
        for needle, owner in best.items():
            self.index.setdefault(needle[:2], []).append((needle, owner))
        self.spans: dict[Owner, dict[str, str]] = {owner: {} for owner in held}
        self._numbers: dict[tuple[Owner, str], str] = {}
        self.pattern = re.compile(rf"pd{self.nonce}x(\d+)z")

    def _token(self, owners: list[Owner], span: str) -> str:
        key = (owners[-1], span)
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = str(len(self._numbers))
            for owner in owners:
                self.spans[owner][number] = span
        return f"pd{self.nonce}x{number}z"

    def seal(self, text: str) -> str:
        """``text`` with every value of ``held`` replaced by its token."""
        if not self.needles.first:
            return text
        found = list(self._found(text))
        for start, end, needle in reversed(found):
            token = self._token(self.holders[needle], text[start:end])
            text = text[:start] + token + text[end:]
        return text

    def _found(self, text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        word = self.needles.hasher.word
        # Most texts hold no value's first two words at all: looked at closer only if one does.
        read = [word(w) for w in receipts.words(ESCAPED.sub(lambda m: _decoded(m.group()), text))]
        if not any(self._candidates(read, position) for position in range(len(read))):
            return
        seen, starts = view(text)
        words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(seen)]
        hashes = [word("".join(receipts.words(w))) for _, _, w in words]
        position = 0
        while position < len(words):
            match = self._longest(hashes, position)
            if match is None:
                position += 1
                continue
            needle = match
            start, end = words[position][0], words[position + len(needle) - 1][1]
            yield starts[start], starts[end], needle
            position += len(needle)

    def _candidates(self, hashes: list[str], position: int) -> list:
        found = self.index.get((hashes[position],), [])
        if position + 1 < len(hashes):
            found = found + self.index.get((hashes[position], hashes[position + 1]), [])
        return found

    def _longest(self, hashes: list[str], position: int) -> tuple[str, ...] | None:
        best = None
        for needle, _owner in self._candidates(hashes, position):
            longer = best is None or len(needle) > len(best)
            if longer and tuple(hashes[position : position + len(needle)]) == needle:
                best = needle
        return best

    def left(self, text: str) -> set[Owner]:
        """The owners whose values ``text`` (already sealed) still shows to a reader: what
        the proof would find."""
        found = self.needles.in_text(readable(text)) if self.needles.first else set()
        if self.removed:
            found |= self.removed.in_text(readable(text))
        return found


def _ends(ends_at: datetime | None) -> tuple[int, str]:
    return (1, "") if ends_at is None else (0, ends_at.isoformat())


def unseal(text: str, pattern: re.Pattern[str], spans: dict[str, str]) -> str:
    """``text`` with each token of ``pattern`` back to its span (``GONE`` for a token
    whose item's key is gone)."""
    return pattern.sub(lambda m: spans.get(m.group(1), GONE), text)
