"""Pages left out of a build, left out of everything: a page that cannot be rendered
(``pages.isolated_page_outputs``) is built around as if it were not published, so that no
listing, home page, calendar, sitemap, API, search bundle or server index points to an
address that has no page. A build that meets one starts again without it (full and
incremental builds alike, so they agree), before any of its sites went live; it costs a
second render only when a page fails."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from records import ARTICLE, EVENT, kinds_with

from ..export.exporter import Export
from ..export.siteindex import ById

if TYPE_CHECKING:
    from .full import SiteResult

# A page that fails only once the pages it failed beside are gone is left out in the next
# round; more rounds than this mean the fault is the code's, and the build fails.
ROUNDS = 3


class LeftOut(Exception):
    """A site's build met pages it cannot render: page id -> why."""

    def __init__(self, site: str, failures: Mapping[int, str]) -> None:
        super().__init__(f"{site}: pages {sorted(failures)} cannot be rendered")
        self.site = site
        self.failures = dict(failures)
        # The sites the same round switched live before this one (an incremental build's).
        self.live: list[SiteResult] = []


def without(export: Export, left: Mapping[int, str]) -> Export:
    """``export`` with these pages taken out of their sites' records, and out of the
    language links of their translations (as ``reexport`` would link them had the pages
    been unpublished). A site that loses none keeps its very list, and so its index."""
    if not left:
        return export
    records = dict(export.records)
    for site, rs in export.records.items():
        keys = {r["key"] for r in rs if r["id"] in left}
        if not keys:
            continue
        records[site] = [r for r in rs if r["id"] not in left]
        groups: dict[object, list[dict]] = {}
        for record in records[site]:
            if record["key"] in keys:
                groups.setdefault(record["key"], []).append(record)
        for group in groups.values():
            links = {record["lang"]: record["url"] for record in group}
            for record in group:
                record["translations"] = dict(links)
    return replace(export, records=records)


class Before(ById):
    """The records as they were before the build (``ById``), with the pages left out as
    they were in this build's first round: the planner takes them out of every output
    that the first round may have listed them in (a new page was in no output before)."""

    def __init__(self, old: ById, first: ById, left: Iterable[int]) -> None:
        self.old, self.indexes = old, old.indexes
        self.extra = {pid: first[pid] for pid in left if pid not in old and pid in first}

    def get(self, page_id: int, default: dict | None = None) -> dict | None:
        return self.old.get(page_id) or self.extra.get(page_id, default)

    def __contains__(self, page_id: object) -> bool:
        return page_id in self.old or page_id in self.extra

    def __iter__(self) -> Iterator[int]:
        yield from self.old
        yield from (pid for pid in self.extra if pid not in self.old)


def by_site(export: Export, left: Mapping[int, str]) -> dict[str, dict[int, str]]:
    """The pages left out, by the site whose records held them."""
    found: dict[str, dict[int, str]] = {}
    if not left:
        return found  # (every build asks: no walk of every record for nothing)
    for site, records in export.records.items():
        for record in records:
            if record["id"] in left:
                found.setdefault(site, {})[record["id"]] = left[record["id"]]
    return found


def syndicated(export: Export, left: Mapping[int, str]) -> bool:
    """Whether a page left out is of a kind every site's home page may list."""
    kinds = kinds_with(role=ARTICLE) | kinds_with(role=EVENT)
    return any(r["kind"] in kinds for rs in export.records.values() for r in rs if r["id"] in left)
