"""A full publish: export, render every site, write a release, switch it live.

Each site renders in a process of its own (forked after the export, so it shares it
without copying and never touches the database; ``renderpool.py``), as many at once as
the workers and the memory budget allow; each writes its site's new release and the
parent switches the finished ones live. A site whose build fails keeps its live release;
the others still go live.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .. import hooks
from ..context import memory
from ..export.exporter import Export, Exporter
from ..export.siteindex import index_of
from ..files import ReleaseFiles
from ..plan.state import BuildState, drop_state, save_state
from ..release import folders as release
from ..release import reuse
from ..release.golive import went_live
from ..render import address_files
from ..render.run import render_site, renderer_fingerprint
from . import leftout, renderpool

logger = logging.getLogger(__name__)


@dataclass
class Handover:
    """The export (and time) a forked render process renders from, set in the parent's
    build context before forking: the child has a copy of it."""

    export: Export | None = None
    now: datetime | None = None


@dataclass
class SiteResult:
    site: str
    release: Path | None = None
    files: int = 0
    error: str | None = None
    render_seconds: float = 0.0
    write_seconds: float = 0.0
    # How an incremental release began: "recycled", "spare" or "copied" (``reuse.start``).
    made_from: str = ""
    # path -> (owner, digest) of every rendered file: what incremental builds start from.
    manifest: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Page id -> why it was left out of this build (the rest of the site went live).
    failures: dict[int, str] = field(default_factory=dict)


def release_media(export: Export, site: str) -> dict[str, str]:
    """Public path -> name under MEDIA_ROOT of every media file and document the site's
    pages use; worked out once per list of records (``SiteIndex.media``). The answer is
    shared: callers only read it."""
    return index_of(export.records[site]).media


@dataclass
class PublishResult:
    sites: list[SiteResult] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    # time.perf_counter() when the last site's pages switched live (incremental builds switch
    # the search bundles in a moment later): what "publish to live" measures.
    live_at: float = 0.0
    # Set when the server search index could not be updated: the change stays queued.
    index_error: str | None = None
    # Images published without their renditions, which are yet to be made (images.py).
    awaiting_images: set[int] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return all(result.error is None for result in self.sites)


def live_roots(outcomes: list[SiteResult]) -> dict[str, Path]:
    """The live release of every site these builds switched live."""
    roots = {o.site: release.current(o.site) for o in outcomes if o.release is not None}
    return {site: root for site, root in roots.items() if root is not None}


def update_server_index(result: PublishResult, update: Callable[[], object]) -> None:
    """Run ``update`` on the server search index after the sites went live. A failure (an
    unreachable Elasticsearch, say) is recorded, not raised: the static sites are live, and
    the queue keeps the change so that the next run indexes it again."""
    began = time.perf_counter()
    try:
        update()
    except Exception as exc:
        logger.exception("The server search index was not updated; the change stays queued")
        result.index_error = f"{type(exc).__name__}: {exc}"
    result.timings["server index"] = time.perf_counter() - began


def build_site(site: str, export: Export | None = None, now: datetime | None = None) -> SiteResult:
    """Render ``site`` into a new release folder; does not switch it live."""
    handover = memory(Handover)
    export = export or handover.export
    now = now or handover.now
    assert export is not None, "build_site needs an export (given, or the pool's)"
    outcome = SiteResult(site=site)
    path = release.new_release(site)
    try:
        began = time.perf_counter()
        owners: dict[str, str] = {}
        # Each file is written as soon as it is rendered: the render time includes writing.
        files = ReleaseFiles(path)
        render_site(
            export, site, path, owners=owners, now=now, files=files, failures=outcome.failures
        )
        outcome.render_seconds = time.perf_counter() - began
        began = time.perf_counter()
        outcome.files = len(files)
        release.link_media(path, Path(settings.MEDIA_ROOT), release_media(export, site))
        outcome.manifest = {name: (owners[name], sum_) for name, sum_ in files.digests.items()}
        outcome.write_seconds = time.perf_counter() - began
        outcome.release = path
    except Exception as exc:
        logger.exception("Publishing %s failed; the live site is unchanged", site)
        release.discard(path)
        outcome.error = f"{type(exc).__name__}: {exc}"
    return outcome


def worker_count(sites: int) -> int:
    wanted = int(getattr(settings, "PUBLISH_WORKERS", 0) or os.cpu_count() or 1)
    return max(1, min(wanted, sites))


def _built(export: Export, now: datetime, only: set[str] | None = None) -> list[SiteResult]:
    sites = [site for site in export.records if only is None or site in only]
    workers = worker_count(len(sites))
    if workers == 1:
        return [build_site(site, export, now) for site in sites]
    handover = memory(Handover)
    handover.export, handover.now = export, now
    # The children share the parent's memory until they write to it. A garbage collection
    # in a child writes to every object it walks (its header), so each child would soon
    # hold a copy of the whole export (some 470 MB each at 100,000 pages): frozen objects
    # are never walked. (Reading a record still copies the page holding it.)
    gc.freeze()
    try:
        return renderpool.render_all(
            sites,
            build_site,
            lambda site, why: SiteResult(site=site, error=why),
            workers=workers,
            budget=renderpool.Budget(
                records={site: len(export.records[site]) for site in sites},
                limit_mb=float(settings.PUBLISH_MEMORY_MB),
            ),
        )
    finally:
        handover.export, handover.now = None, None
        gc.unfreeze()


def _built_around_failures(
    export: Export, now: datetime, only: set[str] | None = None
) -> tuple[Export, list[SiteResult]]:
    """Every site (of ``only``) built, again without the pages that cannot be rendered
    (``leftout.py``): their own sites, and every site when one is syndicated to the others'
    home pages."""
    first, left = export, dict[int, str]()
    outcomes = _built(export, now, only)
    for _round in range(leftout.ROUNDS):
        failing = leftout.by_site(first, {p: e for o in outcomes for p, e in o.failures.items()})
        if not failing:
            for site, failures in leftout.by_site(first, left).items():
                next(o for o in outcomes if o.site == site).failures.update(failures)
            # The sites only read for their items are not built: the state keeps what their
            # last build left (``BuildState.after_full``), which is what is live there.
            kept = {k: v for k, v in export.records.items() if only is None or k in only}
            return replace(export, records=kept), outcomes
        left |= {pid: why for failures in failing.values() for pid, why in failures.items()}
        export = leftout.without(first, left)
        again = set(export.records) if leftout.syndicated(first, left) else set(failing)
        again &= only or again
        for outcome in outcomes:
            if outcome.site in again and outcome.release is not None:
                release.discard(outcome.release)
        rebuilt = {o.site: o for o in _built(export, now, again)}
        outcomes = [rebuilt.get(o.site, o) for o in outcomes]
    raise RuntimeError(f"Pages that cannot be rendered, round after round: {sorted(left)}")


def _with_syndicated(exporter: Exporter, sites: list[str] | None) -> list[str] | None:
    """``sites`` and the sites whose news and events they show: a site built alone lists
    them as a build of every site does. None: every site."""
    if sites is None:
        return None
    shows = {profile.key: profile.syndicates for profile in exporter.profiles}
    return sorted({*sites, *(key for site in sites for key in shows.get(site, ()))})


def publish_full(
    *,
    sites: list[str] | None = None,
    progress: Callable[[str, str], None] | None = None,
    now: datetime | None = None,
) -> PublishResult:
    """Build the given sites (all by default) and switch each successful one live."""
    now = now or timezone.now()
    result = PublishResult()
    started = time.perf_counter()
    exporter = Exporter()
    export = exporter.export(_with_syndicated(exporter, sites))
    # Every page was located, whichever sites are built: the next process reads where they
    # are from the state. The rest of what the exporter found is let go before rendering.
    locations = exporter.locations()
    del exporter
    result.timings["export"] = time.perf_counter() - started
    began = time.perf_counter()
    export, outcomes = _built_around_failures(export, now, set(sites) if sites else None)
    result.timings["render+write"] = time.perf_counter() - began
    for outcome in outcomes:
        if outcome.error is None and outcome.release is not None:
            release.activate(outcome.site, outcome.release, export.sites[outcome.site].base_url)
        result.sites.append(outcome)
        if progress:
            progress(outcome.site, "done" if outcome.error is None else "failed")
    result.live_at = time.perf_counter()
    result.timings["live"] = result.live_at - started
    address_files.reload_if_changed(Path(settings.OUTPUT_DIR), live_roots(outcomes))

    if result.ok:
        save_state(
            BuildState.after_full(
                export,
                {o.site: o.manifest for o in outcomes},
                now=now,
                releases={o.site: o.release.name for o in outcomes if o.release is not None},
                renderer=renderer_fingerprint(),
                locations=locations,
            )
        )
        update_server_index(result, lambda: hooks.after_full(export))
    else:
        drop_state()
    went_live(export, outcomes, now, pages=None)
    # Removing old releases happens after everything is live: it delays no reader.
    began = time.perf_counter()
    for outcome in outcomes:
        if outcome.error is None:
            reuse.tidy(outcome.site)
    if result.ok:
        hooks.tidy()
    result.timings["cleanup"] = time.perf_counter() - began
    # Summed over sites: with parallel workers these add up to more than the wall time.
    result.timings["render (cpu)"] = sum(o.render_seconds for o in outcomes)
    result.timings["write (cpu)"] = sum(o.write_seconds for o in outcomes)
    result.timings["total"] = time.perf_counter() - started
    return result
