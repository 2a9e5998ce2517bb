"""Listing pages remembered by what they were made from, in a long-lived worker.

A listing (news, press, events) is paginated, archived by year or month, and re-rendered
whole whenever one of its entries changes; on a large site that is hundreds of pages for
one edit, nearly all of them the same as before. The worker keeps unchanged records as the
same objects from build to build (``incremental._reexport``), so a page made from the very
same record objects, with the same site, language, translations and pagination, has the
same bytes as last time: those are reused instead of rendered. The memo holds the objects
it was keyed on, so an identity can never be mistaken for a freed object's.

A remembered page is handed back as it is kept (``Remembered``: compressed, with its
digest): most are the live file unchanged, which the build learns from the digest alone,
without decompressing or hashing the page again (on 100,000 pages an event listing's
month pages are some 3 MB per listing and build).

Only incremental builds use it; a full build (or a new worker) renders everything and
fills it as listings are rendered again.
"""

from __future__ import annotations

import operator
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .files import digest


@dataclass(frozen=True, slots=True)
class Remembered:
    """A remembered page: its bytes compressed, and their digest (``files.digest``)."""

    compressed: bytes
    digest: str

    def __bytes__(self) -> bytes:
        return zlib.decompress(self.compressed)


def digest_of(data: bytes | Remembered) -> str:
    return data.digest if isinstance(data, Remembered) else digest(data)


# (site, path) -> (key, the objects the page was made from, the page as remembered)
_pages: dict[tuple[str, str], tuple[tuple, list, Remembered]] = {}


def same_objects(known: list, objects: list) -> bool:
    """The two lists hold the very same objects, in the same order (not merely equal)."""
    return len(known) == len(objects) and all(map(operator.is_, known, objects))


def recall(site: str, path: str, key: tuple, sources: list) -> Remembered | None:
    entry = _pages.get((site, path))
    if entry is None or entry[0] != key or not same_objects(entry[1], sources):
        return None
    return entry[2]


def remember(site: str, path: str, key: tuple, sources: list, data: bytes) -> Remembered:
    page = Remembered(zlib.compress(data, 1), digest(data))
    _pages[(site, path)] = (key, list(sources), page)
    return page


def keep(site: str, paths) -> None:
    """Forget the site's listing pages that are no longer outputs (a listing removed, a
    page number gone): a worker's memo holds only what the live sites still have."""
    for key in [key for key in _pages if key[0] == site and key[1] not in paths]:
        del _pages[key]


# (site, output) -> record id -> (record, its translations then, the record's JSON text)
_fragments: dict[tuple[str, str], dict[int, tuple[dict, object, str]]] = {}


def fragments(
    site: str, output: str, records: Iterable[dict], make: Callable[[dict], str]
) -> list[str]:
    """``make(record)`` for each record, reused for a record object seen by the last call
    (a changed record is a new object; its translations are compared, being the one field
    an incremental build sets on records it keeps). Holds only the last call's records."""
    known = _fragments.get((site, output), {})
    made: dict[int, tuple[dict, object, str]] = {}
    texts = []
    for record in records:
        entry = known.get(record["id"])
        translations = record.get("translations")
        if entry is None or entry[0] is not record or entry[1] != translations:
            kept = dict(translations) if isinstance(translations, dict) else translations
            entry = (record, kept, make(record))
        made[record["id"]] = entry
        texts.append(entry[2])
    _fragments[(site, output)] = made
    return texts


def forget() -> None:
    _pages.clear()
    _fragments.clear()
