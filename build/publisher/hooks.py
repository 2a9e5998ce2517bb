"""The publisher's extension point: the search indexes a build keeps in step with the sites,
registered by the search app (``search/apps.py``) without the publisher naming it.

An indexer adds files to each site's release (the static search bundles), says which of
them a change affects, and is told when a build has gone live (the server index). With no
indexer registered a build makes the sites alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from .export import Export, SiteInfo


class Indexer(Protocol):
    def site_files(
        self, site: SiteInfo, records: list[dict], wanted: set[str] | None
    ) -> Iterable[tuple[str, str, bytes]]:
        """(path, owner, bytes) of the site's search files: the groups ``wanted`` (all
        when None) and whatever lists them."""

    def affected(
        self, before: list[dict], after: list[dict], languages: list[str], edited: set[int]
    ) -> tuple[set[str], set[str]]:
        """The groups of files to make again after the pages ``edited`` changed, and the
        groups that are gone."""

    def warm(self, records: list[dict], languages: list[str]) -> None:
        """Work out, before any build asks, what the next one needs of these records."""

    def after_full(self, export: Export) -> None:
        """Every site was built from ``export`` and is live."""

    def after_changes(
        self, export: Export, *, changed: set[int], gone: set[int], sites: set[str]
    ) -> None:
        """These pages changed or went (and these sites were renamed), and are live."""

    def tidy(self) -> None:
        """A full build is live: drop what no build will use again."""


_indexers: list[Indexer] = []


def register_indexer(indexer: Indexer) -> None:
    # One of each: an app made ready twice (a test's settings) registers no second one.
    if not any(type(known) is type(indexer) for known in _indexers):
        _indexers.append(indexer)


def site_files(
    site: SiteInfo, records: list[dict], wanted: set[str] | None
) -> Iterator[tuple[str, str, bytes]]:
    for indexer in _indexers:
        yield from indexer.site_files(site, records, wanted)


def affected(
    before: list[dict], after: list[dict], languages: list[str], edited: set[int]
) -> tuple[set[str], set[str]]:
    rebuild: set[str] = set()
    gone: set[str] = set()
    for indexer in _indexers:
        more, less = indexer.affected(before, after, languages, edited)
        rebuild |= more
        gone |= less
    return rebuild, gone


def after_full(export: Export) -> None:
    for indexer in _indexers:
        indexer.after_full(export)


def after_changes(export: Export, *, changed: set[int], gone: set[int], sites: set[str]) -> None:
    for indexer in _indexers:
        indexer.after_changes(export, changed=changed, gone=gone, sites=sites)


def warm(records: list[dict], languages: list[str]) -> None:
    for indexer in _indexers:
        indexer.warm(records, languages)


def tidy() -> None:
    for indexer in _indexers:
        indexer.tidy()
