"""Incremental publishing: re-export what changed (``reexport``), work out which outputs it
affects (``plan``), render only those, write only files whose bytes differ into a release
made from the live one (``release.patched``), and switch each affected site atomically.
The result must equal a full build of the same content (a property test checks this after
random sequences of edits).
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from django.conf import settings
from django.utils import timezone

from .. import hooks
from ..context import memory
from ..export.exporter import Export
from ..export.siteindex import ById
from ..plan.changes import ChangeSet, Plan, plan
from ..plan.state import BuildState, drop_state, load_state
from ..release import folders as release
from ..release import reuse
from ..release.golive import went_live
from ..render import address_files, memo, schedule
from ..render.run import make_generator
from . import leftout, phases
from .full import (
    PublishResult,
    SiteResult,
    build_site,
    live_roots,
    publish_full,
    release_media,
    update_server_index,
)
from .manifest import PAGES, SEARCH, new_manifest
from .reexport import Location, reexport, with_linking_pages

if TYPE_CHECKING:
    from ..render.site_generator import CityGenerator

logger = logging.getLogger(__name__)


@contextmanager
def generator_for(
    export: Export,
    site: str,
    now: datetime,
    files: dict[str, bytes],
    owners: dict[str, str] | None = None,
    seed: Callable[[str], memo.Digested | None] | None = None,
    failures: dict[int, str] | None = None,
) -> Iterator[CityGenerator]:
    """A generator with the worker's memo on a scratch folder: an incremental build keeps
    what it renders in ``files``, and Pelican writes nothing of its own."""
    with tempfile.TemporaryDirectory(prefix="city-incremental-") as workdir:
        yield make_generator(
            export,
            site,
            Path(workdir),
            now=now,
            files=files,
            owners=owners,
            memo=True,
            seed=seed,
            failures=failures,
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
        if outcome.failures:
            if outcome.release is not None:
                release.discard(outcome.release)
            raise leftout.LeftOut(site, outcome.failures)
        return outcome
    outcome = SiteResult(site=site)
    files: dict[str, bytes] = {}
    owners: dict[str, str] = {}
    began = time.perf_counter()
    full = site in the_plan.full
    _render_phase(export, site, the_plan, now, phase, files, owners, outcome.failures)
    outcome.render_seconds = time.perf_counter() - began
    if outcome.failures:
        raise leftout.LeftOut(site, outcome.failures)  # (built again without them: leftout.py)
    manifest, changed = new_manifest(old_manifest, the_plan, site, phase, files, owners, full=full)
    deleted = set(old_manifest) - set(manifest)
    media = release_media(export, site)
    old_media = release_media(state.export, site) if site in state.export.records else {}
    new_media, stale_media = release.media_delta(live, media, old_media)
    outcome.manifest = manifest
    memo.keep(site, manifest)
    schedule.keep(site, manifest)
    if not (changed or deleted or new_media or stale_media):
        return outcome  # nothing to publish: the live release stays
    began = time.perf_counter()
    outcome.release, outcome.made_from = reuse.patched(
        site, live, changed, deleted, new_media, stale_media
    )
    outcome.files = len(changed)
    outcome.write_seconds = time.perf_counter() - began
    return outcome


def _render_phase(
    export: Export,
    site: str,
    the_plan: Plan,
    now: datetime,
    phase: str,
    files: dict[str, bytes],
    owners: dict[str, str],
    failures: dict[int, str],
) -> None:
    """Render what the plan says of ``site`` in this phase into ``files`` and ``owners``
    (a page that cannot be rendered into ``failures``)."""
    with generator_for(export, site, now, files, owners, failures=failures) as generator:
        if phase == SEARCH:
            # None: no bundle touched; an empty set still refreshes the bundle manifest.
            generator.generate_selected(set(), site_level=False, bundles=the_plan.bundles[site])
        else:
            full = site in the_plan.full
            generator.generate_selected(
                None if full else the_plan.owners.get(site, set()),
                site_level=full or site in the_plan.site_level,
                bundles=None,
            )


def publish_changes(changes: ChangeSet, *, now: datetime | None = None) -> PublishResult:
    """Publish what ``changes`` affects; a full build when there is no previous state."""
    state = load_state()
    if state is None:
        return publish_full(now=now)
    now = now or timezone.now()
    started = time.perf_counter()
    changes = with_linking_pages(changes, state)
    timed = state.ended_since(now) - changes.page_ids
    changes = ChangeSet(page_ids=changes.page_ids | timed, full_sites=changes.full_sites)
    old_sites = state.export.sites
    first, exporter, changed, removed, old_by_id = reexport(state, changes)
    result = PublishResult(awaiting_images=set(exporter.awaiting_images))
    rounds = _pages_live(state, first, changes, changed, removed, old_by_id, timed, now)
    state, export, the_plan, outcomes, left = rounds[:5]
    changed, removed = changed - set(left), removed | (set(left) & set(old_by_id))
    result.timings["plan"] = rounds.planned - started
    result.live_at = time.perf_counter()
    result.timings["live"] = result.live_at - started
    address_files.reload_if_changed(Path(settings.OUTPUT_DIR), live_roots(outcomes))
    state = phases.saved(state, export, outcomes, now, exporter)
    searching = sorted(
        site
        for site in the_plan.sites
        if the_plan.bundles.get(site) is not None and site not in the_plan.full
    )
    if state is not None and searching:
        began = time.perf_counter()
        second = _phase(state, export, the_plan, now, searching, SEARCH)
        state = phases.saved(state, export, second, now, exporter)
        result.timings["search live"] = time.perf_counter() - began
        outcomes += second
    result.sites = phases.merged(outcomes)
    # Gone: pages that left the export now, or in a build whose indexing failed.
    gone = removed | (changes.page_ids - the_plan.unchanged)
    indexed = changed - the_plan.unchanged
    memory(Location).keep(state, exporter)
    if state is not None:
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
    went_live(export, result.sites, now, pages=indexed, gone=removed)
    for site in {o.site for o in outcomes if o.release is not None}:
        reuse.tidy(site)
    result.timings["total"] = time.perf_counter() - started
    return result


class _Rounds(NamedTuple):
    state: BuildState
    export: Export
    plan: Plan
    outcomes: list[SiteResult]
    left: dict[int, str]
    planned: float


def _pages_live(
    state: BuildState,
    first: Export,
    changes: ChangeSet,
    changed: set[int],
    removed: set[int],
    old_by_id: ById,
    timed: set[int],
    now: datetime,
) -> _Rounds:
    """The pages phase, built again without the pages that cannot be rendered until every
    page of it renders (``leftout.py``)."""
    left: dict[int, str] = {}
    for _round in range(leftout.ROUNDS):
        # Pages first: an edit is live as soon as its pages are. The search bundles it
        # touched follow in a second release a moment later (Pagefind re-indexes a whole
        # bundle, the slowest step). A site rebuilt whole has its bundles in the first.
        export = leftout.without(first, left)
        before = leftout.Before(old_by_id, ById(first), left)
        gone = removed | set(left)
        the_plan = plan(state, export, changes, changed - set(left), gone, before, timed)
        planned = time.perf_counter()
        order = _edited_first(the_plan, export, before, changes.page_ids - timed)
        try:
            outcomes = _phase(state, export, the_plan, now, order, PAGES)
        except leftout.LeftOut as out:
            left |= out.failures
            state = phases.moved_on(state, out.live)
            continue
        phases.noted(state, outcomes, leftout.by_site(first, left))
        return _Rounds(state, export, the_plan, outcomes, left, planned)
    drop_state()  # (sites may have gone live that the saved state does not describe)
    raise RuntimeError(f"Pages that cannot be rendered, round after round: {sorted(left)}")


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
    outcomes: list[SiteResult] = []
    for site in sites:
        try:
            outcome = _build_site(state, export, site, the_plan, now, phase)
        except leftout.LeftOut as out:
            out.live = outcomes  # (the sites this round has switched live already)
            raise
        except Exception as exc:
            logger.exception("Publishing changes to %s failed; the live site is unchanged", site)
            outcome = SiteResult(site=site, error=f"{type(exc).__name__}: {exc}")
        outcomes.append(outcome)
        if outcome.error is None and outcome.release is not None:
            release.activate(site, outcome.release, export.sites[site].base_url)
    return outcomes
