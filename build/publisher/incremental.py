"""Incremental publishing: re-export what changed, work out which outputs it affects, render
only those, write only files whose bytes differ, and switch each affected site atomically.

The result must equal a full build of the same content (a property test checks this after
random sequences of edits). Which outputs a changed record affects:

- its own page (and event.ics), and the pages of its translations (language switcher);
- its parent: a section lists its children; a listing paginates them, archives them by
  year or month, and puts them in feeds and calendars;
- its descendants, when its title or address changed (breadcrumbs, addresses);
- for news and events, the home pages of its site and of every site that syndicates it, and
  the aggregated event calendars of those sites;
- the site's own files: sitemap, site feeds, JSON API, 404 page and robots.txt;
- the search bundles that hold it, before and after the change (``search.static_index``).

A change to a site's settings or navigation re-renders that whole site. Time is a change
too: an event that ended since the last build moves from "upcoming" to "past", so it is
treated as changed, and the scheduler starts a build when one ends (``due_for_time``).
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

from records import ARTICLE, EVENT, HOME, kinds_with

from . import address_files, addresses, hooks, memo, release, reuse, schedule
from .export import Export, Exporter
from .files import digest, write_file
from .publish import (
    PublishResult,
    SiteResult,
    build_site,
    live_roots,
    publish_full,
    release_media,
    update_server_index,
)
from .render import make_generator, renderer_fingerprint
from .siteindex import SiteIndex, index_of, remember
from .state import BuildState, drop_state, load_state, save_state

if TYPE_CHECKING:
    from .site_generator import CityGenerator

logger = logging.getLogger(__name__)
# Where every page was found by the last build of this process, and the state that build
# left: the next build re-reads only the changed pages' rows (``Exporter.relocate``). A
# large batch, a site change or another process's state means reading them all.
_location: dict[str, object] = {}
RELOCATE_AT_MOST = 500


@dataclass
class ChangeSet:
    """What happened since the last build: pages that changed, sites to rebuild whole."""

    page_ids: set[int] = field(default_factory=set)
    full_sites: set[str] = field(default_factory=set)


@dataclass
class Plan:
    owners: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    site_level: set[str] = field(default_factory=set)
    full: set[str] = field(default_factory=set)
    removed: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    bundles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    gone_bundles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Pages whose record is as it was, changed by the clock alone (an event that ended):
    # what lists them by time is rendered again, not what shows their content.
    unchanged: set[int] = field(default_factory=set)

    @property
    def sites(self) -> set[str]:
        return set(self.owners) | self.site_level | self.full | set(self.removed)


class ById:
    """Records by id across the sites of an export, through each site's index."""

    def __init__(self, export: Export) -> None:
        self.indexes = {site: index_of(records) for site, records in export.records.items()}

    def get(self, page_id: int, default: dict | None = None) -> dict | None:
        for index in self.indexes.values():
            record = index.by_id.get(page_id)
            if record is not None:
                return record
        return default

    def __getitem__(self, page_id: int) -> dict:
        record = self.get(page_id)
        if record is None:
            raise KeyError(page_id)
        return record

    def __contains__(self, page_id: object) -> bool:
        return any(page_id in index.by_id for index in self.indexes.values())

    def __iter__(self):
        for index in self.indexes.values():
            yield from index.by_id


def _reexport(
    state: BuildState, changes: ChangeSet
) -> tuple[Export, Exporter, set[int], set[int], ById]:
    """A new export that reuses every unchanged record (and, for a site with none changed,
    its very list of records). Returns it with the ids that changed, the ids that are gone
    and the old records by id."""
    exporter = Exporter()
    exporter.make_renditions = False  # an image's renditions never hold a publish
    if not changes.full_sites and len(changes.page_ids) <= RELOCATE_AT_MOST:
        previous = _location.get("exporter") if _location.get("state") is state else None
        if previous is None and state.locations is not None:
            # A new process (a restarted worker): what the state's build found.
            previous = Exporter.restored(state.locations)
    else:
        previous = None
    if previous is not None:
        exporter.relocate(previous, changes.page_ids)
    else:
        exporter._locate_pages()
    old = state.export
    old_by_id = ById(old)
    changed = {pid for pid in changes.page_ids if pid in exporter.located}
    moved_sites = {
        key
        for key, info in exporter.sites.items()
        if key in old.sites and old.sites[key].base_url != info.base_url
    }
    if moved_sites:
        # A site's host or port changed: full addresses (its own and other sites' links
        # to it) are in every record, so every page is exported again. Rare, and slow.
        changed |= set(exporter.located)
    # Only the pages read again can have moved; after reading them all, any can have.
    maybe_moved = exporter.located if exporter.reread is None else exporter.reread
    for pid in maybe_moved:
        located = exporter.located.get(pid)
        if located is None:
            continue
        before = old_by_id.get(pid)
        if before is None or before["url"] != located.path or before["site"] != located.site:
            changed.add(pid)  # new, moved, or renamed (and so its descendants too)
    maybe_gone = old_by_id if exporter.reread is None else exporter.reread | changes.page_ids
    removed = {pid for pid in maybe_gone if pid not in exporter.located and pid in old_by_id}

    fresh: dict[str, list[dict]] = defaultdict(list)
    by_type: dict[type, list[int]] = defaultdict(list)
    for pid in changed:
        by_type[exporter.pages[pid].model].append(pid)
    renderers = {key: exporter._renderer(key) for key in exporter.sites}
    for model, ids in by_type.items():
        for page in model.objects.filter(pk__in=ids):
            record = exporter.record_for(page, renderers=renderers)
            fresh[record["site"]].append(record)

    gone: dict[str, set[int]] = defaultdict(set)
    for pid in removed | changed:
        before = old_by_id.get(pid)
        if before is not None:
            gone[before["site"]].add(pid)
    records: dict[str, list[dict]] = {}
    for key in exporter.sites:
        if key in old.records and key not in gone and key not in fresh:
            records[key] = old.records[key]  # untouched: the same list, and its index
            continue
        before_index = old_by_id.indexes.get(key) or SiteIndex.build([])
        records[key] = remember(before_index.updated(gone[key], fresh[key])).records
    keys = {old_by_id[pid]["key"] for pid in removed | changed if pid in old_by_id}
    keys |= {record["key"] for site_fresh in fresh.values() for record in site_fresh}
    for site_records in records.values():
        index = index_of(site_records)
        for key in keys:
            group = index.by_key.get(key, ())
            translations = {record["lang"]: record["url"] for record in group}
            for record in group:
                record["translations"] = dict(translations)
    exporter.link_sites(exporter.sites)
    # Pages that left their sites: their addresses answer "410 Gone" from now on.
    addresses.remember_removed(old_by_id[pid] for pid in removed)
    export = Export(sites=exporter.sites, records=records, addresses=addresses.collect(exporter))
    return export, exporter, changed, removed, old_by_id


def plan(
    state: BuildState,
    export: Export,
    changes: ChangeSet,
    changed: set[int],
    removed: set[int],
    old_by_id: ById,
    timed: set[int] = frozenset(),
) -> Plan:
    """What to render for the pages ``changed`` and ``removed``. ``timed`` are pages the
    clock changed (``BuildState.ended_since``) and no edit: those whose record is the same
    as before keep their site's files (sitemap, feeds, API) and search bundles."""
    result = Plan()
    for site, info in export.sites.items():
        if site in changes.full_sites or info != state.export.sites.get(site):
            result.full.add(site)  # settings, names, navigation or the statement changed
    if result.full:
        # Every site's search page lists the sites by name and address.
        result.site_level |= set(export.sites)
    new_by_id = ById(export)
    indexes = new_by_id.indexes
    result.unchanged = {
        pid for pid in timed & changed if pid in old_by_id and old_by_id[pid] == new_by_id.get(pid)
    }

    # Articles and events are listed on home pages, here and where syndicated; events on
    # the calendars of event listings too.
    homes, events = kinds_with(role=HOME), kinds_with(role=EVENT)
    syndicated, calendars = kinds_with(role=ARTICLE) | events, kinds_with(lists=EVENT)

    def add(site: str, page_id: int) -> None:
        if page_id in indexes[site].by_id:
            result.owners[site].add(page_id)

    for pid in changed | removed:
        before, after = old_by_id.get(pid), new_by_id.get(pid)
        if before is not None and (after is None or after["site"] != before["site"]):
            result.removed[before["site"]].add(pid)
        renamed = (
            before is None
            or after is None
            or (before["title"], before["url"]) != (after["title"], after["url"])
        )
        for record in (before, after):
            if record is None:
                continue
            site = record["site"]
            index = indexes[site]
            if pid not in result.unchanged:
                result.site_level.add(site)
            add(site, record["id"])
            for other in index.by_key.get(record["key"], ()):
                add(site, other["id"])  # translations: the language switcher
            parent = index.by_path.get(record["path"][:-4])
            if parent is not None:
                add(site, parent["id"])
            if renamed:
                for other in index.below(record["path"]):
                    add(site, other["id"])  # breadcrumbs and addresses below it
            if record["kind"] in syndicated:
                for target, info in export.sites.items():
                    if target != site and site not in info.syndicates:
                        continue
                    for (kind, lang), others in indexes[target].by_kind.items():
                        # Home pages and calendars list only their own language's items.
                        if lang != record["lang"]:
                            continue
                        if kind in homes or (
                            record["kind"] in events
                            and kind in calendars
                            and (target == site or info.syndicates)
                        ):
                            for other in others:
                                add(target, other["id"])
    edited = (changed - result.unchanged) | removed
    touched = {old_by_id[pid]["site"] for pid in edited if pid in old_by_id}
    touched |= {new_by_id[pid]["site"] for pid in edited if pid in new_by_id}
    for site in touched - result.full:
        rebuild, gone = hooks.affected(
            state.export.records.get(site, []),
            export.records[site],
            export.sites[site].languages,
            edited,
        )
        result.bundles[site] |= rebuild
        result.gone_bundles[site] |= gone
    return result


PAGES, SEARCH = "pages", "search"


@contextmanager
def _generator(
    export: Export,
    site: str,
    now: datetime,
    files: dict[str, bytes],
    owners: dict[str, str] | None = None,
    seed: Callable[[str], memo.Digested | None] | None = None,
) -> Iterator[CityGenerator]:
    """A generator with the worker's memo on a scratch folder: an incremental build keeps
    what it renders in ``files``, and Pelican writes nothing of its own."""
    with tempfile.TemporaryDirectory(prefix="city-incremental-") as workdir:
        yield make_generator(
            export, site, Path(workdir), now=now, files=files, owners=owners, memo=True, seed=seed
        )


def _build_site(
    state: BuildState,
    export: Export,
    site: str,
    the_plan: Plan,
    now: datetime,
    phase: str = PAGES,
) -> SiteResult:
    """One phase of a site's build, on the live release: its pages and site files (or, for
    a site rebuilt whole, everything), or its search bundles."""
    live = release.current(site)
    old_manifest = state.manifest_for(site)
    if live is None or old_manifest is None:
        # Nothing to build on (a site never built, or its release removed by hand): the
        # whole site, as a full build would make it.
        outcome = build_site(site, export, now)
        if outcome.error is not None:
            raise RuntimeError(outcome.error)
        return outcome
    outcome = SiteResult(site=site)
    files: dict[str, bytes] = {}
    owners: dict[str, str] = {}
    began = time.perf_counter()
    with _generator(export, site, now, files, owners) as generator:
        full = site in the_plan.full
        if phase == SEARCH:
            # None: no bundle touched; an empty set still refreshes the bundle manifest.
            generator.generate_selected(set(), site_level=False, bundles=the_plan.bundles[site])
        else:
            generator.generate_selected(
                None if full else the_plan.owners.get(site, set()),
                site_level=full or site in the_plan.site_level,
                bundles=None,
            )
    outcome.render_seconds = time.perf_counter() - began
    rerendered = set(owners.values())
    if phase == SEARCH:
        gone = {f"search:{name}" for name in the_plan.gone_bundles.get(site, set())}
    else:
        gone = {f"page:{pid}" for pid in the_plan.removed.get(site, set())}
    manifest = {
        path: entry
        for path, entry in old_manifest.items()
        if not full and entry[0] not in rerendered and entry[0] not in gone
    }
    changed: dict[str, bytes] = {}
    for path, data in files.items():
        entry = (owners[path], memo.digest_of(data))
        if old_manifest.get(path, (None, None))[1] != entry[1]:
            changed[path] = bytes(data)
        manifest[path] = entry
    deleted = set(old_manifest) - set(manifest)
    media = release_media(export, site)
    old_media = release_media(state.export, site) if site in state.export.records else {}
    new_media = {public: name for public, name in media.items() if public not in old_media}
    stale_media = set(old_media) - set(media)
    outcome.manifest = manifest
    memo.keep(site, manifest)
    schedule.keep(site, manifest)
    if not (changed or deleted or new_media or stale_media):
        return outcome  # nothing to publish: the live release stays
    began = time.perf_counter()
    path = release.new_release(site)
    path.rmdir()
    try:
        outcome.made_from = reuse.start(site, live, path)
        for name, data in changed.items():
            # Through a new inode: the old one is still shared with the live release.
            write_file(reuse.inside(path, name), data)
        stale = {public.lstrip("/") for public in stale_media}
        for name in deleted | stale:
            gone = reuse.inside(path, name)
            gone.unlink(missing_ok=True)
            reuse.drop_empty_folders(gone.parent, path)
        release.link_media(path, Path(settings.MEDIA_ROOT), new_media)
        touched = set(changed) | deleted | stale | {p.lstrip("/") for p in new_media}
        reuse.record(site, path, live, touched)
        outcome.files = len(changed)
        outcome.release = path
    except Exception:
        release.discard(path)
        raise
    outcome.write_seconds = time.perf_counter() - began
    return outcome


def publish_changes(changes: ChangeSet, *, now: datetime | None = None) -> PublishResult:
    """Publish what ``changes`` affects; a full build when there is no previous state."""
    state = load_state()
    if state is None:
        return publish_full(now=now)
    now = now or timezone.now()
    started = time.perf_counter()
    timed = state.ended_since(now) - changes.page_ids
    changes = ChangeSet(page_ids=changes.page_ids | timed, full_sites=changes.full_sites)
    old_sites = state.export.sites
    export, exporter, changed, removed, old_by_id = _reexport(state, changes)
    the_plan = plan(state, export, changes, changed, removed, old_by_id, timed)
    result = PublishResult(awaiting_images=set(exporter.awaiting_images))
    result.timings["plan"] = time.perf_counter() - started
    # Pages first: an edit is live as soon as its pages are. The search bundles it touched
    # follow in a second release a moment later (Pagefind re-indexes a whole bundle, the
    # slowest step). A site rebuilt whole has its bundles in the first.
    order = _edited_first(the_plan, export, old_by_id, changes.page_ids - timed)
    outcomes = _phase(state, export, the_plan, now, order, PAGES)
    result.live_at = time.perf_counter()
    result.timings["live"] = result.live_at - started
    address_files.reload_if_changed(Path(settings.OUTPUT_DIR), live_roots(outcomes))
    state = _saved(state, export, outcomes, now, exporter)
    searching = sorted(
        site
        for site in the_plan.sites
        if the_plan.bundles.get(site) is not None and site not in the_plan.full
    )
    if state is not None and searching:
        began = time.perf_counter()
        second = _phase(state, export, the_plan, now, searching, SEARCH)
        state = _saved(state, export, second, now, exporter)
        result.timings["search live"] = time.perf_counter() - began
        outcomes += second
    result.sites = _merged(outcomes)
    _location.clear()
    if state is not None:
        _location.update(state=state, exporter=exporter)
        # Gone: pages that left the export now, or in a build whose indexing failed.
        gone = removed | (changes.page_ids - the_plan.unchanged)
        indexed = changed - the_plan.unchanged
        # A search document names its site and nothing else of the site's settings: a site
        # rebuilt whole for its menu keeps its documents (re-making 20,000 of them took 15 s).
        renamed = {
            site
            for site in the_plan.full
            if site not in old_sites or old_sites[site].names != export.sites[site].names
        }
        update_server_index(
            result,
            lambda: hooks.after_changes(export, changed=indexed, gone=gone, sites=renamed),
        )
    for site in {o.site for o in outcomes if o.release is not None}:
        reuse.tidy(site)
    result.timings["total"] = time.perf_counter() - started
    return result


def _edited_first(the_plan: Plan, export: Export, old_by_id: ById, edited: set[int]) -> list[str]:
    """The plan's sites, those where an editor changed a page first: the page they are
    waiting for goes live before the home pages and calendars that syndicate it."""
    new_by_id = ById(export)
    first = {
        record["site"]
        for pid in edited
        for record in (old_by_id.get(pid), new_by_id.get(pid))
        if record is not None
    }
    return sorted(the_plan.sites, key=lambda site: (site not in first, site))


def _phase(
    state: BuildState, export: Export, the_plan: Plan, now: datetime, sites, phase: str
) -> list[SiteResult]:
    """Build one phase of every site in ``sites`` and switch each one that built live."""
    outcomes = []
    for site in sites:
        try:
            outcome = _build_site(state, export, site, the_plan, now, phase)
        except Exception as exc:  # noqa: BLE001 - a failure must leave the live site as it was
            logger.exception("Publishing changes to %s failed; the live site is unchanged", site)
            outcome = SiteResult(site=site, error=f"{type(exc).__name__}: {exc}")
        outcomes.append(outcome)
        if outcome.error is None and outcome.release is not None:
            release.activate(site, outcome.release)
    return outcomes


def _saved(
    state: BuildState,
    export: Export,
    outcomes: list[SiteResult],
    now: datetime,
    exporter: Exporter,
) -> BuildState | None:
    """The state after a phase, saved; None (and no state) if a site failed, which makes
    the next build a full one."""
    if any(outcome.error is not None for outcome in outcomes):
        # The state would no longer describe what is live.
        drop_state()
        return None
    manifests, releases = dict(state.manifests), dict(state.releases)
    for outcome in outcomes:
        manifests[outcome.site] = outcome.manifest
        if outcome.release is not None:
            releases[outcome.site] = outcome.release.name
    after = BuildState(
        export=export,
        manifests=manifests,
        now=now,
        releases=releases,
        locations=exporter.locations(),
        renderer=state.renderer,
    )
    save_state(after)
    return after


def _merged(outcomes: list[SiteResult]) -> list[SiteResult]:
    """One result per site: files of both phases, the error of either, the last release."""
    merged: dict[str, SiteResult] = {}
    for outcome in outcomes:
        known = merged.get(outcome.site)
        if known is None:
            merged[outcome.site] = outcome
            continue
        known.files += outcome.files
        known.error = known.error or outcome.error
        known.release = outcome.release or known.release
        known.manifest = outcome.manifest
        known.render_seconds += outcome.render_seconds
        known.write_seconds += outcome.write_seconds
    return list(merged.values())


def warm_up() -> BuildState | None:
    """Make what the next build asks of the saved state before any build does: the state
    read, the exporter that found its pages (``Exporter.restored``), each site's indexes,
    media list and search bundles. A worker that starts does this before it takes tasks,
    so that its first edit is as fast as the next ones."""
    state = load_state()
    if state is None:
        return None
    if state.locations is not None and _location.get("state") is not state:
        exporter = Exporter.restored(state.locations)
        exporter.sorted_paths()
        exporter.link_indexes()
        _location.clear()
        _location.update(state=state, exporter=exporter)
    for site, records in state.export.records.items():
        index = index_of(records)
        # Worked out now (each once per list of records), not by the first build.
        _ = index.media, index.ends
        if site in state.export.sites:
            for indexer in hooks.indexers():
                indexer.warm(records, state.export.sites[site].languages)
            _warm_site_files(state, site)
            _warm_listings(state, site)
    return state


def _warm_site_files(state: BuildState, site: str) -> None:
    """Render the site's files made of a part per record (sitemap, JSON API) once, into
    nothing: each record's part is then remembered (``memo.fragments``), as after a build.
    Without it the first edit after a start made those parts for every record again
    (0.6 s of a 1.0 s edit on 100,000 pages)."""
    with _generator(state.export, site, state.now or timezone.now(), {}) as generator:
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
    with _generator(state.export, site, state.now or timezone.now(), {}, seed=as_live) as made:
        made.generate_selected(ids, site_level=False, bundles=None)


def due_for_time(now: datetime | None = None) -> set[int]:
    """Events whose end has passed since the live outputs were rendered (for the scheduler)."""
    state = load_state()
    return state.ended_since(now or timezone.now()) if state is not None else set()
