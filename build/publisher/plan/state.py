"""What the last build produced, kept between builds so that the next one renders only what
a change affects: every record, per site every rendered file's owner and digest, and the
time the outputs were rendered for (event listings split upcoming from past by it).

Kept in memory by a long-lived worker and on disk (``OUTPUT_DIR/.state``) for the next
process. If it is missing or unreadable the next build is a full one: nothing depends on it
for correctness, only for speed.

On disk it is MessagePack, checked for its shape when read (``state_file.py``).
"""

from __future__ import annotations

import logging
import shutil
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..context import memory
from ..export.exporter import Export, Locations
from ..export.siteindex import index_of
from ..release import folders as release
from .state_file import (
    VERSION,
    StateError,
    forget_segments,
    head_sites,
    read_parts,
    state_path,
    write_state,
)

logger = logging.getLogger(__name__)


@dataclass
class BuildState:
    export: Export
    manifests: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    # Every output is correct for this moment: no event ended between it and its render.
    now: datetime | None = None
    # site -> the release folder its manifest describes. A build killed after switching a
    # site live but before saving the state leaves another release live: that manifest is
    # then not trusted, and the site is rebuilt whole (see ``manifest_for``).
    releases: dict[str, str] = field(default_factory=dict)
    # Where every page was found (``Exporter.locations``): a new process then re-reads only
    # the queued pages' rows, as the worker that wrote the state would (without them, the
    # first edit after a start located all pages again: 0.3 s on 10,000 pages).
    locations: Locations | None = None
    # ``render.renderer_fingerprint()`` of the build that rendered every live file (a full
    # build of all sites); None when unknown, or when some files may be from another.
    renderer: str | None = None
    version: int = VERSION

    @classmethod
    def after_full(
        cls,
        export: Export,
        manifests: dict[str, dict],
        now: datetime,
        releases: dict[str, str],
        renderer: str | None = None,
        locations: Locations | None = None,
    ) -> BuildState:
        # Only a build of some sites needs the state of the others: reading all of it
        # (hundreds of MB of records on a large corpus) for nothing would double the
        # build's memory at its end.
        previous = load_state() if head_sites() - set(export.records) else None
        if previous is not None:
            # A partial full build (some sites) keeps what it knows of the others, and
            # their older time: events that ended since then are still to re-render.
            for site, records in previous.export.records.items():
                if site not in export.records:
                    export.records[site] = records
                    manifests.setdefault(site, previous.manifests.get(site, {}))
                    if site in previous.releases:
                        releases.setdefault(site, previous.releases[site])
                    if previous.now is not None:
                        now = min(now, previous.now)
            if previous.renderer != renderer:
                renderer = None  # the sites not built now were rendered by another
        if set(export.sites) - set(export.records):
            # Pages located on a site that has no records here would be taken for pages
            # the state holds: the next build then locates every page itself.
            locations = None
        return cls(
            export=export,
            manifests=manifests,
            now=now,
            releases=releases,
            locations=locations,
            renderer=renderer,
        )

    def manifest_for(self, site: str) -> dict[str, tuple[str, str]] | None:
        """The site's manifest if it describes the live release, else None."""
        live = release.current(site)
        if live is None or self.releases.get(site) != live.name:
            return None
        return self.manifests.get(site)

    def ended_since(self, now: datetime) -> set[int]:
        """Events that were upcoming when the outputs were rendered and are past at ``now``,
        and notices whose display period ended since then: every page, listing, calendar
        and feed that shows one of them is out of date."""
        if self.now is None:
            return set()
        ended = set()
        for records in self.export.records.values():
            ends = index_of(records).ends  # made once per list of records
            first = bisect_left(ends, (self.now, -1))
            for end, page_id in ends[first:]:
                if end >= now:
                    break
                ended.add(page_id)
        return ended


def read_state(path: Path) -> BuildState:
    """The state whose head is at ``path`` (``state_file.read_parts``)."""
    return BuildState(**read_parts(path))


def load_state() -> BuildState | None:
    path = state_path()
    for _attempt in range(3):
        try:
            stamp = _stamp(path)
        except FileNotFoundError:
            return None
        # Another process (the worker) may have written a newer state since: compare.
        kept = memory(KeptState)
        if kept.state is not None and kept.path == path and kept.stamp == stamp:
            return kept.state
        try:
            state = read_state(path)
        except FileNotFoundError:
            continue  # saved anew while this read: read the new head
        except StateError as exc:  # a damaged or foreign state only costs a full build
            logger.warning(
                "Build state at %s is unusable (%s); the next build is a full one", path, exc
            )
            return None
        _remember(state, path)
        return state
    return None


def save_state(state: BuildState) -> None:
    write_state(state)
    _remember(state, state_path())


def drop_state() -> None:
    forget()
    shutil.rmtree(state_path().parent, ignore_errors=True)


def forget() -> None:
    """Drop the in-memory copy (after the output folder is replaced, or a build was cut
    short with the copy half updated)."""
    kept = memory(KeptState)
    kept.state, kept.path, kept.stamp = None, None, None
    forget_segments()


@dataclass
class KeptState:
    """A build context's copy of the state it last read or saved, and of which file."""

    state: BuildState | None = None
    path: Path | None = None
    stamp: tuple[int, int] | None = None


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def _remember(state: BuildState, path: Path) -> None:
    kept = memory(KeptState)
    kept.state, kept.path = state, path
    try:
        kept.stamp = _stamp(path)
    except FileNotFoundError:
        kept.stamp = None
