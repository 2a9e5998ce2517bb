"""Receipts of removals, and the keyed hashes ("needles") that prove them.

A receipt records that an item's personal data was removed (its kind and id, times,
counts, digests of deleted files and the needles). It never holds the removed data. A
needle is a value (a name, a phone number, a marked span) as a sequence of keyed hashes of
its words; with the key, ``verify_privacy`` can tell whether a store still holds the
value, without the value itself being kept anywhere.

Receipts are appended to a JSON-lines file outside the database, so that they survive a
database restore: the reconciler then removes the restored data again and says so. (The
file and its settings keep the names they had when notices were the only kind: an existing
deployment's receipts stay where they are, and its needles keep their key.)
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import icu

from django.conf import settings

from cms.core import names

logger = logging.getLogger(__name__)

# A word: letters and digits. An underscore parts words, as a space does: file names are
# stored so ("Matti_Meikalainen.jpg").
WORD = re.compile(r"[^\W_]+")
# A needle's word given as its stems' hashes (``Hasher.stem_needle``), not the word's own.
STEM = "~"


def _class(pattern: str) -> str:
    """A regular-expression class of the characters of an ICU set ``pattern``."""
    found = icu.UnicodeSet(pattern)
    return "".join(
        re.escape(start) + (f"-{re.escape(end)}" if end != start else "")
        for start, end in found.ranges()
    )


# Drawn as nothing inside a word: marks over a letter (what NFKD leaves of "ä"), soft
# hyphens, zero-width spaces and joiners, variation selectors. A word with one is the word
# without it, as a reader sees it.
HIDDEN_CLASS = _class("[[:Default_Ignorable_Code_Point:][:Cf:][:Mn:][:Me:]]")
HIDDEN = re.compile(f"[{HIDDEN_CLASS}]")


def _key() -> bytes:
    configured = getattr(settings, "NOTICE_RECEIPT_KEY", "") or settings.SECRET_KEY
    return hashlib.sha256(b"city-notice-receipts:" + configured.encode()).digest()[:32]


def words(text: str) -> list[str]:
    """Words as every store may hold them: case and diacritics folded, since the database
    search index keeps "Meikäläinen" as "meikalainen"."""
    return WORD.findall(HIDDEN.sub("", unicodedata.normalize("NFKD", text.casefold())))


class Hasher:
    """Keyed word hashes, each word hashed once per process (stores repeat words a lot)."""

    def __init__(self) -> None:
        self.key = _key()
        self.cache: dict[str, str] = {}

    def word(self, word: str) -> str:
        found = self.cache.get(word)
        if found is None:
            found = hashlib.blake2b(word.encode(), key=self.key, digest_size=8).hexdigest()
            if len(self.cache) < 2_000_000:
                self.cache[word] = found
        return found

    def needle(self, value: str) -> list[str] | None:
        hashed = [self.word(w) for w in words(value)]
        return hashed or None

    def stem_needle(self, value: str) -> list[str] | None:
        """A person's name as its inflected forms are written (``names.stems``): each word
        as ``STEM`` and the hashes of its stems, any of which a word of the text may begin
        with ("Matti Meikäläisen" for "Matti Meikäläinen"); None for anything else."""
        if not names.is_name(value):
            return None
        return [
            STEM + ",".join(sorted({self.word(stem) for stem in names.stems(w)}))
            for w in words(value)
        ]


def needles(values: Iterable[str], hasher: Hasher | None = None) -> list[list[str]]:
    hasher = hasher or Hasher()
    found = {tuple(n) for v in values if v for n in (hasher.needle(v), hasher.stem_needle(v)) if n}
    return [list(n) for n in sorted(found)]


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def log_path() -> Path:
    configured = getattr(settings, "NOTICE_AUDIT_LOG", None)
    return Path(configured or Path(settings.VAR_DIR) / "audit" / "notice-removals.jsonl")


def append(receipt: dict) -> None:
    """Append one receipt and flush it to disk before returning."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(receipt, sort_keys=True, separators=(",", ":")) + "\n"
    with path.open("a+b") as handle:
        if handle.tell() > 0:
            handle.seek(-1, os.SEEK_END)
            if handle.read(1) != b"\n":
                # A line torn by a crash: this receipt starts a line of its own.
                line = "\n" + line
        handle.write(line.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def read() -> Iterator[dict]:
    path = log_path()
    if not path.exists():
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                receipt = json.loads(line)
            except json.JSONDecodeError:
                receipt = None  # a line cut short by a crash: the next run writes it again
            if not valid(receipt):
                # Quarantined: every other receipt is read, and the line says where it is.
                logger.warning("%s, line %d, is not a receipt: skipped", path, number)
                continue
            yield receipt


def valid(receipt: object) -> bool:
    """A receipt this log's readers can use: an object naming its item, its needles lists
    of words' hashes, its files' digests strings."""
    if not isinstance(receipt, dict) or owner(receipt) is None:
        return False
    needles = receipt.get("needles", [])
    digests = receipt.get("file_sha256", [])
    return (
        isinstance(needles, list)
        and all(isinstance(n, list) and all(isinstance(w, str) for w in n) for n in needles)
        and isinstance(digests, list)
        and all(isinstance(d, str) for d in digests)
    )


def owner(receipt: dict) -> tuple[str, int] | None:
    """The kind and item a receipt is of (None for a line that is no receipt): receipts
    written before there were kinds are notices' (``"notice": id``)."""
    try:
        if "kind" in receipt:
            found = str(receipt["kind"]), int(receipt["item"])
        else:
            found = "notice", int(receipt["notice"])
    except (KeyError, TypeError, ValueError):
        return None
    return found if 0 < found[1] < 2**63 else None  # (a database's ids)


# (path, size, mtime) -> kind -> item -> its last receipt: the scheduler asks every round.
_last: dict[tuple, dict[str, dict[int, dict]]] = {}


def last(kind: str) -> dict[int, dict]:
    """Item id -> its last receipt, for every item of ``kind`` a removal has finished for.
    The log is read again only when it has changed."""
    path = log_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return {}
    version = (str(path), stat.st_size, stat.st_mtime_ns)
    if version not in _last:
        by_kind: dict[str, dict[int, dict]] = {}
        for receipt in read():
            found = owner(receipt)
            if found is not None:  # (a line not of this log's making is skipped)
                by_kind.setdefault(found[0], {})[found[1]] = receipt
        _last.clear()
        _last[version] = by_kind
    return _last[version].get(kind, {})
