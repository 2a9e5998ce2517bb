"""Django's file cache as a store of personal data: its entries read as text, so the
reconciler can drop those holding removed personal data and ``verify_privacy`` can read
them all.

Nothing in the platform puts page content in the cache today, but Wagtail and later code
may, and a cache outlives the page it was filled from. Only the file-based backend (the
production default) can be read entry by entry; a memory cache lives and dies with its
process, and other backends (Redis, Memcached) are not searched.
"""

from __future__ import annotations

import io
import pickle
import zlib
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.cache.backends.filebased import FileBasedCache
from django.utils.module_loading import import_string

# Deep enough for a model instance in a dict in a list; a cycle stops here too.
MAX_DEPTH = 8


def folders() -> list[Path]:
    """The folders of every configured file-based cache."""
    found = []
    for config in settings.CACHES.values():
        try:
            backend = import_string(config["BACKEND"])
        except ImportError:
            continue
        if issubclass(backend, FileBasedCache) and config.get("LOCATION"):
            found.append(Path(config["LOCATION"]))
    return found


def entries() -> list[Path]:
    return [
        path
        for folder in folders()
        if folder.is_dir()
        for path in sorted(folder.rglob(f"*{FileBasedCache.cache_suffix}"))
    ]


def value_strings(value, depth: int = 0) -> Iterator[str]:
    """Every string inside a value (decoded JSON, a search document, a cached object):
    containers walked, keys too, objects by their attributes (a cached model instance keeps
    its field values in ``__dict__``)."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, bytes | bytearray):
        yield bytes(value).decode("utf-8", errors="replace")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from value_strings(key, depth + 1)
            yield from value_strings(item, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from value_strings(item, depth + 1)
    elif hasattr(value, "__dict__"):
        yield from value_strings(vars(value), depth + 1)


def entry_text(data: bytes) -> str | None:
    """The text of one cache file, or None when it cannot be read as one. Django writes the
    expiry time pickled, then the value pickled and zlib-compressed."""
    handle = io.BytesIO(data)
    try:
        pickle.load(handle)  # noqa: S301 - the expiry, written by Django's own cache
        value = pickle.loads(zlib.decompress(handle.read()))  # noqa: S301 - likewise
    except Exception:  # noqa: BLE001 - a half-written or foreign file is read as bytes
        return None
    return "\n".join(value_strings(value))
