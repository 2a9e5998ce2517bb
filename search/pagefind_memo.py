"""The memo of Pagefind bundles: each bundle's files kept under the digest of the documents
it was made from (``OUTPUT_DIR/.search-cache``), so that a bundle made of the same
documents is not indexed again; and the entries no live bundle is made of, which a
removal of personal data drops.

An entry is one file: a magic line, a JSON header naming each file and its size, then
the files' bytes one after another.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

CACHE_DAYS = 7
MEMO_SUFFIX = ".memo"
MEMO_MAGIC = b"city-pagefind-memo 1\n"
HEADER_BYTES = 16 << 20  # a header names every file of one language's index


def stamp(path: Path) -> None:
    """Date a memo entry by this process's clock, which ``prune_cache`` and the notices'
    purge compare with, rather than by the file system's (another machine's, on a
    network file system, or a clock set apart)."""
    now = time.time()
    os.utime(path, (now, now))


def memo_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / key[:2] / f"{key}{MEMO_SUFFIX}"


def memo_entries(cache_dir: Path) -> Iterator[Path]:
    return cache_dir.glob(f"*/*{MEMO_SUFFIX}")


def memo_header(path: Path) -> list[tuple[str, int]]:
    """The (name, size) of each file an entry holds, read from its first line only;
    ValueError for anything that is not an entry."""
    with path.open("rb") as handle:
        if handle.read(len(MEMO_MAGIC)) != MEMO_MAGIC:
            raise ValueError("not a memo entry")
        line = handle.readline(HEADER_BYTES)
    if not line.endswith(b"\n"):
        raise ValueError("not a memo entry")
    entries = json.loads(line)
    if not isinstance(entries, list) or not all(
        isinstance(e, list) and len(e) == 2 and isinstance(e[0], str) and isinstance(e[1], int)
        for e in entries
    ):
        raise ValueError("not a memo entry")
    return [(name, size) for name, size in entries]


def unused_memo_entries(cache_dir: Path, live_bundles: Iterable[Path]) -> list[Path]:
    """Memo entries that no live bundle is made of. Pagefind names its data files by
    their content, so an entry is in use when every data file it holds is in a live bundle
    under the same name with the same size; it then holds nothing the live site does not.
    Only headers and file sizes are read, however large the cache."""
    live: set[tuple[str, int]] = set()
    for folder in live_bundles:
        for path in folder.rglob("*.pf_*"):
            with contextlib.suppress(OSError):
                live.add((path.name, path.stat().st_size))
    unused = []
    for path in memo_entries(cache_dir):
        try:
            data = [(Path(n).name, size) for n, size in memo_header(path) if ".pf_" in n]
        except (OSError, ValueError):
            data = []  # unreadable, or culled meanwhile: nothing to keep it for
        if not data or not all(item in live for item in data):
            unused.append(path)
    return unused


def pack_memo(files: dict[str, bytes]) -> bytes:
    """A memo entry: a JSON list of (name, size), then the files' bytes one after another.
    Plain data: reading an entry, even one planted by someone else, runs no code."""
    header = json.dumps([[name, len(data)] for name, data in files.items()]).encode()
    return b"".join([MEMO_MAGIC, header, b"\n", *files.values()])


def unpack_memo(data: bytes) -> dict[str, bytes]:
    """The files of a memo entry; ValueError for anything that is not a whole entry."""
    if not data.startswith(MEMO_MAGIC):
        raise ValueError("not a memo entry")
    header, _, body = data[len(MEMO_MAGIC) :].partition(b"\n")
    entries = json.loads(header)
    if not isinstance(entries, list):
        raise ValueError("not a memo entry")
    files, offset = {}, 0
    for name, size in entries:
        if not isinstance(name, str) or not isinstance(size, int) or size < 0:
            raise ValueError("not a memo entry")
        files[name] = body[offset : offset + size]
        offset += size
    if offset != len(body):
        raise ValueError("a truncated memo entry")
    return files


def prune_cache(cache_dir: Path, days: int = CACHE_DAYS) -> int:
    """Remove cached indexes unused for ``days``; returns how many."""
    limit = time.time() - days * 86400
    removed = 0
    for path in memo_entries(cache_dir):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
