"""The stores that may hold removed personal data, each able to verify and purge itself.
The reconciler purges them all after its publish and verifies, for each item it removed,
what that item's kind says it touched; ``verify_privacy`` verifies every store for every
removal. Both walk ``stores()``: the platform's own (``BUILT_IN``) and any an app registers
through the one extension mechanism (``STORES_HOOK``: ``fn()`` gives a ``Store``, in the
app's ``wagtail_hooks.py``); a store registered is purged and proven by both.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from wagtail import hooks

from . import caches, leftovers
from .kinds import kind
from .scans import Finding, Needles, Owner, scan_database, scan_files, scan_search_server, tree


@dataclass
class Scope:
    """What a verification looks at: every removal (``owner`` None), or what the item
    ``owner`` (its kind's name and its id) touched. ``known``: what each file content held,
    read once for all the file stores (a memo entry and the live bundle it made hold the
    same bytes)."""

    owner: Owner | None = None
    known: dict[bytes, set[Owner]] = field(default_factory=dict)


@dataclass(frozen=True)
class Store:
    name: str
    verify: Callable[[Needles, Scope], list[Finding]]
    # Drops what no reader needs and may still hold removed data: after the publish, under
    # the build lock (``locked``), or after it.
    purge: Callable[[Needles], None] | None = None
    locked: bool = True


def _database(needles: Needles, scope: Scope) -> list[Finding]:
    if scope.owner is None:
        return scan_database(needles)
    name, item = scope.owner
    return scan_database(needles, kind(name).tables(item))


def _compact(needles: Needles) -> None:
    # On SQLite, the full-text indexes' old segments and the write-ahead log hold what
    # no query shows.
    leftovers.compact_sqlite()


def _media(needles: Needles, scope: Scope) -> list[Finding]:
    if scope.owner is not None:
        return []  # an item's files are deleted by name (step 2) and found by digest here
    return scan_files(tree(Path(settings.MEDIA_ROOT)), needles, "media files", scope.known)


def _output(needles: Needles, scope: Scope) -> list[Finding]:
    if scope.owner is None:
        return scan_files(tree(Path(settings.OUTPUT_DIR)), needles, "static output", scope.known)
    # An item's files: its live site files, and media files it keeps public (named so).
    media = Path(settings.MEDIA_ROOT)
    paths = kind(scope.owner[0]).files(scope.owner[1])
    kept = [p for p in paths if media in p.parents]
    output = [p for p in paths if media not in p.parents]
    return scan_files(output, needles, "static output", scope.known) + scan_files(
        kept, needles, "media files", scope.known
    )


def _purge_output(needles: Needles) -> None:
    """Every release older than the live one, and every search memo entry no live bundle
    is made of. The memo is not read: an entry a live bundle is made of holds only what
    the live site shows (verified apart), and any other may hold removed data from
    before its removal. Losing those costs at most an index made again."""
    from publisher.public import current_release, drop_reused
    from search import static_index
    from search.pagefind_memo import unused_memo_entries

    live_bundles = []
    for root in Path(settings.OUTPUT_DIR).iterdir():
        releases = root / "releases"
        live = current_release(root.name)
        if not releases.is_dir() or live is None:
            continue
        for old in releases.iterdir():
            if old != live:
                shutil.rmtree(old, ignore_errors=True)
        drop_reused(root.name)
        live_bundles.append(live / "pagefind")
    for entry in unused_memo_entries(static_index.cache_dir(), live_bundles):
        entry.unlink(missing_ok=True)


def _cache(needles: Needles, scope: Scope) -> list[Finding]:
    return scan_files(caches.entries(), needles, "cache", scope.known)


def _purge_cache(needles: Needles) -> None:
    leftovers.drop_holding(caches.entries(), needles)


def _search_server(needles: Needles, scope: Scope) -> list[Finding]:
    # An item's own search document holds no personal data (a notice's holds its matter
    # only); the database index is a table, verified with the database.
    return [] if scope.owner is not None else scan_search_server(needles)


STORES_HOOK = "register_personal_data_store"

BUILT_IN: tuple[Store, ...] = (
    Store("database", _database, purge=_compact, locked=False),
    Store("media files", _media),
    Store("static output", _output, purge=_purge_output),
    Store("cache", _cache, purge=_purge_cache),
    Store("search index", _search_server),
)


def stores() -> list[Store]:
    """The platform's stores, then those the apps registered."""
    return [*BUILT_IN, *(make() for make in hooks.get_hooks(STORES_HOOK))]


def verify(needles: Needles, scope: Scope) -> list[Finding]:
    return [finding for store in stores() for finding in store.verify(needles, scope)]


def purge(needles: Needles) -> None:
    """Purge every store: those that share files with builds under the build lock."""
    from publisher.public import build_lock

    every = stores()
    with build_lock():
        for store in every:
            if store.purge is not None and store.locked:
                store.purge(needles)
    for store in every:
        if store.purge is not None and not store.locked:
            store.purge(needles)
