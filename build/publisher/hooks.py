"""The publisher's extension points, all through the one mechanism of the platform: Wagtail
hooks (``wagtail.hooks``; docs/architecture.md lists every hook). An app registers in its
``wagtail_hooks.py``; the publisher names no app.

- ``INDEXERS_HOOK``: ``fn()`` gives an ``Indexer``, a search index every build keeps in
  step with the sites (the search app's, ``search/wagtail_hooks.py``).
- ``SITE_PARTS_HOOK``: ``fn()`` gives a ``SitePart``, a fragment written for every site and
  language apart from the pages, which every page includes (``parts.py``).
- ``SITES_LIVE_HOOK``: ``fn(live)`` is called with a ``SitesLive`` once a release with
  these pages is live (a media mailing waits for it: Wagtail's ``page_published`` comes
  before the static page exists). A subscriber that fails is logged; publishing goes on.

With nothing registered a build makes the sites alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from wagtail import hooks

from .export.exporter import Export, SiteInfo

logger = logging.getLogger(__name__)

INDEXERS_HOOK = "register_search_indexer"
SITE_PARTS_HOOK = "register_site_part"
SITES_LIVE_HOOK = "after_sites_live"


class Indexer(Protocol):
    def site_files(
        self, site: SiteInfo, records: list[dict], wanted: set[str] | None
    ) -> Iterable[tuple[str, str, bytes]]:
        """(path, owner, bytes) of the site's search files: the groups ``wanted`` (all
        when None) and whatever lists them."""

    def affected(
        self,
        before: list[dict],
        after: list[dict],
        languages: list[str],
        edited: set[int],
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


class SitePart(Protocol):
    """A fragment of every page of every site, kept apart from the pages so that it can
    change on all of them at once (nginx includes it: ``parts.py``)."""

    # The part's name: the templates include it as ``part("<name>", lang)``; letters,
    # digits and "-" only.
    name: str

    def render(self, site: SiteInfo, lang: str, now: datetime) -> str:
        """The fragment's HTML on ``site`` in ``lang`` at ``now`` ("" when it has nothing
        to show)."""


@dataclass(frozen=True)
class SitesLive:
    """What has just gone live: the pages published (id -> their live address) and the
    pages gone, on these sites; ``full`` when every page of these sites was built."""

    pages: Mapping[int, str]
    gone: frozenset[int] = frozenset()
    sites: tuple[str, ...] = ()
    full: bool = False


def indexers() -> list[Indexer]:
    return [make() for make in hooks.get_hooks(INDEXERS_HOOK)]


def site_parts() -> dict[str, SitePart]:
    """The registered parts by name (a name given twice: the later registration)."""
    return {part.name: part for part in (make() for make in hooks.get_hooks(SITE_PARTS_HOOK))}


def sites_live(live: SitesLive) -> None:
    """Tell every subscriber; one that fails is logged and the others are still told."""
    for subscriber in hooks.get_hooks(SITES_LIVE_HOOK):
        try:
            subscriber(live)
        except Exception:  # a subscriber's failure is its own: the sites are live
            logger.exception("A subscriber to sites going live failed: %r", subscriber)


def site_files(
    site: SiteInfo, records: list[dict], wanted: set[str] | None
) -> Iterator[tuple[str, str, bytes]]:
    for indexer in indexers():
        yield from indexer.site_files(site, records, wanted)


def affected(
    before: list[dict], after: list[dict], languages: list[str], edited: set[int]
) -> tuple[set[str], set[str]]:
    rebuild: set[str] = set()
    gone: set[str] = set()
    for indexer in indexers():
        more, less = indexer.affected(before, after, languages, edited)
        rebuild |= more
        gone |= less
    return rebuild, gone


def after_full(export: Export) -> None:
    for indexer in indexers():
        indexer.after_full(export)


def after_changes(export: Export, *, changed: set[int], gone: set[int], sites: set[str]) -> None:
    for indexer in indexers():
        indexer.after_changes(export, changed=changed, gone=gone, sites=sites)


def warm(records: list[dict], languages: list[str]) -> None:
    for indexer in indexers():
        indexer.warm(records, languages)


def tidy() -> None:
    for indexer in indexers():
        indexer.tidy()
