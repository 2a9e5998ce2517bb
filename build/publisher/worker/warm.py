"""A worker's start: what the next build asks of the saved state, made before any build
asks (so that the first edit after a start is as fast as the next ones), and the events
whose end has passed since the live outputs were rendered (for the scheduler)."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from records import ARTICLE, EVENT, kinds_with

from .. import hooks
from ..builds.incremental import generator_for
from ..builds.reexport import Location
from ..context import memory
from ..export.exporter import Exporter
from ..export.siteindex import index_of
from ..files import digest
from ..plan.state import BuildState, load_state
from ..release import folders as release
from ..render import memo
from ..render.run import renderer_fingerprint


def warm_up() -> BuildState | None:
    """Make what the next build asks of the saved state before any build does: the state
    read, the exporter that found its pages (``Exporter.restored``), each site's indexes,
    media list and search bundles. A worker that starts does this before it takes tasks,
    so that its first edit is as fast as the next ones."""
    state = load_state()
    if state is None:
        return None
    location = memory(Location)
    if state.locations is not None and location.state is not state:
        exporter = Exporter.restored(state.locations)
        exporter.sorted_paths()
        exporter.link_indexes()
        location.keep(state, exporter)
    for site, records in state.export.records.items():
        index = index_of(records)
        # Worked out now (each once per list of records), not by the first build.
        _ = index.media, index.ends
        if site in state.export.sites:
            hooks.warm(records, state.export.sites[site].languages)
            _warm_site_files(state, site)
            _warm_listings(state, site)
    return state


def _warm_site_files(state: BuildState, site: str) -> None:
    """Render the site's files made of a part per record (sitemap, JSON API) once, into
    nothing: each record's part is then remembered (``memo.fragments``), as after a build.
    Without it the first edit after a start made those parts for every record again
    (0.6 s of a 1.0 s edit on 100,000 pages)."""
    with generator_for(state.export, site, state.now or timezone.now(), {}) as generator:
        generator.per_record_site_files()


def _warm_listings(state: BuildState, site: str) -> None:
    """Remember the site's listing pages (``memo.py``) as they are live, without rendering
    them: the live files are what the state's records rendered to at the state's time, if
    the same themes, translations and code rendered every one of them. Without it the first
    edit after a start that touched a listing rendered every page of it again (2–3 s on
    100,000 pages, for an event that ended). A file whose digest is not the manifest's is
    rendered, not trusted."""
    live, manifest = release.current(site), state.manifest_for(site)
    if live is None or manifest is None or state.renderer != renderer_fingerprint():
        return

    def as_live(path: str) -> memo.Digested | None:
        entry = manifest.get(path)
        if entry is None:
            return None
        try:
            data = (live / path).read_bytes()
        except OSError:
            return None
        # With its digest: the memo keeps it without hashing the page a second time.
        return memo.Digested(data, entry[1]) if digest(data) == entry[1] else None

    listings = kinds_with(lists=ARTICLE) | kinds_with(lists=EVENT)
    ids = {record["id"] for record in state.export.records[site] if record["kind"] in listings}
    with generator_for(state.export, site, state.now or timezone.now(), {}, seed=as_live) as made:
        made.generate_selected(ids, site_level=False, bundles=None)


def due_for_time(now: datetime | None = None) -> set[int]:
    """Events whose end has passed since the live outputs were rendered (for the scheduler)."""
    state = load_state()
    return state.ended_since(now or timezone.now()) if state is not None else set()
