"""What follows a release going live: the site parts written for its sites, and the
subscribers to ``hooks.SITES_LIVE_HOOK`` told which pages are live where."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from .. import hooks
from ..export.exporter import Export
from ..export.siteindex import ById
from ..render import parts


class Outcome(Protocol):
    @property
    def site(self) -> str: ...
    @property
    def error(self) -> str | None: ...
    @property
    def release(self) -> object | None: ...


def went_live(
    export: Export,
    outcomes: Iterable[Outcome],
    now: datetime,
    *,
    pages: set[int] | None,
    gone: Iterable[int] = (),
) -> hooks.SitesLive:
    """Parts and subscribers after these outcomes: ``pages`` published (every page of the
    sites built when None) and ``gone`` taken away."""
    sites = sorted({o.site for o in outcomes if o.error is None and o.release is not None})
    parts.write([export.sites[site] for site in sites], now)
    if pages is None:
        addresses = {r["id"]: r["full_url"] for site in sites for r in export.records[site]}
    else:
        by_id = ById(export)
        addresses = {
            page: record["full_url"]
            for page in sorted(pages)
            if (record := by_id.get(page)) is not None and record["site"] in sites
        }
    live = hooks.SitesLive(
        pages=addresses, gone=frozenset(gone), sites=tuple(sites), full=pages is None
    )
    if sites:
        hooks.sites_live(live)
    return live
