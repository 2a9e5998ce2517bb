"""Listing pages remembered by what they were made from, in a long-lived worker.

A listing (news, press, events) is paginated, archived by year or month, and re-rendered
whole whenever one of its entries changes; on a large site that is hundreds of pages for
one edit, nearly all of them the same as before. The worker keeps unchanged records as the
same objects from build to build (``reexport.reexport``), so a page made from the very
same record objects, with the same site, language, translations and pagination, has the
same bytes as last time: those are reused instead of rendered. The memo holds the objects
it was keyed on, so an identity can never be mistaken for a freed object's.

A remembered page is handed back as it is kept (``Remembered``: compressed, with its
digest): most are the live file unchanged, which the build learns from the digest alone,
without decompressing or hashing the page again (on 100,000 pages an event listing's
month pages are some 3 MB per listing and build).

The site files made of one part per record (sitemap, JSON API) are remembered the same
way: each record's part (``fragments``), and the file's digest with the parts it was
joined from (``assembled``), so an edit that changes no part re-joins nothing.

Only incremental builds use it; a full build (or a new worker) renders everything and
fills it as listings are rendered again.
"""

from __future__ import annotations

import operator
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..context import memory
from ..files import digest


@dataclass(frozen=True, slots=True)
class Remembered:
    """A remembered page: its bytes compressed, and their digest (``files.digest``)."""

    compressed: bytes
    digest: str

    def __bytes__(self) -> bytes:
        return zlib.decompress(self.compressed)


class Memo:
    """A build context's memo: listing pages, parts of site files, and the files joined."""

    def __init__(self) -> None:
        # (site, path) -> (key, the objects the page was made from, the page as remembered)
        self.pages: dict[tuple[str, str], tuple[tuple, list, Remembered]] = {}
        # (site, output) -> record id -> (record, its translations then, its part in UTF-8)
        self.fragments: dict[tuple[str, str], dict[int, tuple[dict, object, bytes]]] = {}
        # (site, path) -> the file as last assembled
        self.assembled: dict[tuple[str, str], Assembled] = {}


def same_objects(known: list, objects: list) -> bool:
    """The two lists hold the very same objects, in the same order (not merely equal)."""
    return len(known) == len(objects) and all(map(operator.is_, known, objects))


def recall(site: str, path: str, key: tuple, sources: list) -> Remembered | None:
    entry = memory(Memo).pages.get((site, path))
    if entry is None or entry[0] != key or not same_objects(entry[1], sources):
        return None
    return entry[2]


def remember(site: str, path: str, key: tuple, sources: list, data: bytes | Digested) -> Remembered:
    """Keep the page; ``data`` may come with its digest already known (a live file the
    worker checked at its start), which is then not worked out again."""
    page = Remembered(zlib.compress(bytes(data), 1), digest_of(data))
    memory(Memo).pages[(site, path)] = (key, list(sources), page)
    return page


def keep(site: str, paths) -> None:
    """Forget the site's listing pages that are no longer outputs (a listing removed, a
    page number gone): a worker's memo holds only what the live sites still have."""
    pages = memory(Memo).pages
    for key in [key for key in pages if key[0] == site and key[1] not in paths]:
        del pages[key]


def fragments(
    site: str, output: str, records: Iterable[dict], make: Callable[[dict], str]
) -> list[bytes]:
    """``make(record)``, encoded, for each record, reused for a record object seen by the
    last call (a changed record is a new object; its translations are compared, being the
    one field an incremental build sets on records it keeps). A part made again that came
    out the same is the old object, so that ``assembled`` sees an unchanged file by
    identity alone. Holds only the last call's records."""
    known = memory(Memo).fragments.get((site, output), {})
    made: dict[int, tuple[dict, object, bytes]] = {}
    parts = []
    for record in records:
        entry = known.get(record["id"])
        translations = record.get("translations")
        if entry is None or entry[0] is not record or entry[1] != translations:
            kept = dict(translations) if isinstance(translations, dict) else translations
            part = make(record).encode("utf-8")
            if entry is not None and entry[2] == part:
                part = entry[2]
            entry = (record, kept, part)
        made[record["id"]] = entry
        parts.append(entry[2])
    memory(Memo).fragments[(site, output)] = made
    return parts


@dataclass(frozen=True, slots=True)
class Assembled:
    """A file made of parts, as the last build made it: its digest, and its bytes made
    again only if asked (when the live file is not that one)."""

    parts: list[bytes]
    frame: tuple[bytes, bytes, bytes]  # separator, prefix, suffix
    digest: str

    def __bytes__(self) -> bytes:
        return join(self.parts, self.frame)


def join(parts: list[bytes], frame: tuple[bytes, bytes, bytes]) -> bytes:
    separator, prefix, suffix = frame
    return prefix + separator.join(parts) + suffix


@dataclass(frozen=True, slots=True)
class Digested:
    """A file's bytes with the digest worked out where they were made."""

    data: bytes
    digest: str

    def __bytes__(self) -> bytes:
        return self.data


# What a worker's build may emit in place of bytes: bytes(it) are the file's bytes.
Kept = Remembered | Assembled | Digested


def digest_of(data: bytes | Kept) -> str:
    return digest(data) if isinstance(data, bytes) else data.digest


def assembled(
    site: str, path: str, parts: list[bytes], frame: tuple[bytes, bytes, bytes]
) -> Assembled | Digested:
    """``join(parts, frame)``; when made of the very same parts (``fragments``) in the
    same frame as last time, that file again, neither joined nor hashed (on 100,000 pages
    a site's sitemap and JSON API are some 28 MB, most of them the same after an edit).
    Only the parts and the digest are kept, not the bytes."""
    files = memory(Memo).assembled
    known = files.get((site, path))
    if known is not None and known.frame == frame and same_objects(known.parts, parts):
        return known
    data = join(parts, frame)
    made = Digested(data, digest(data))
    files[(site, path)] = Assembled(parts, frame, made.digest)
    return made
