"""What the last build produced, kept between builds so that the next one renders only what
a change affects: every record, per site every rendered file's owner and digest, and the
time the outputs were rendered for (event listings split upcoming from past by it).

Kept in memory by a long-lived worker and on disk (``OUTPUT_DIR/.state``) for the next
process. If it is missing or unreadable the next build is a full one: nothing depends on it
for correctness, only for speed.

On disk it is MessagePack: plain data, checked for its shape when read, so whoever can
write the folder can at worst cause a full build, never run code in the publisher (a
pickle would run whatever it was made to).
"""

from __future__ import annotations

import dataclasses
import gc
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import msgpack

from django.conf import settings

from . import release
from .export import Export, SiteInfo
from .files import write_file

logger = logging.getLogger(__name__)
VERSION = 4
_memory: BuildState | None = None


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
    version: int = VERSION

    @classmethod
    def after_full(
        cls,
        export: Export,
        manifests: dict[str, dict],
        now: datetime,
        releases: dict[str, str],
    ) -> BuildState:
        previous = load_state()
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
        return cls(export=export, manifests=manifests, now=now, releases=releases)

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
            for record in records:
                end = record.get("end") or record.get("ends_at")
                if end and self.now <= datetime.fromisoformat(end) < now:
                    ended.add(record["id"])
        return ended


class StateError(ValueError):
    """The file is not a build state this version wrote."""


def state_path() -> Path:
    return Path(settings.OUTPUT_DIR) / ".state" / "build.msgpack"


def encode(state: BuildState) -> bytes:
    return msgpack.packb(
        {
            "version": state.version,
            "now": state.now.isoformat() if state.now else None,
            "sites": {key: dataclasses.asdict(info) for key, info in state.export.sites.items()},
            "records": state.export.records,
            "manifests": state.manifests,
            "releases": state.releases,
        },
        use_bin_type=True,
    )


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise StateError(what)


def decode(data: bytes) -> BuildState:
    """The state in ``data``; StateError for anything that is not one of ours."""
    # Hundreds of thousands of small objects at once: the cyclic garbage collector would
    # walk them again and again while they are made (a third of the time), yet none of
    # them can be garbage.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _checked(msgpack.unpackb(data, raw=False, strict_map_key=True))
    except (ValueError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError) as exc:
        if isinstance(exc, StateError):
            raise
        raise StateError(f"not MessagePack: {exc}") from exc
    finally:
        if collecting:
            gc.enable()


def _checked(raw) -> BuildState:
    _expect(isinstance(raw, dict) and raw.get("version") == VERSION, "another version")
    sites, records, manifests = raw.get("sites"), raw.get("records"), raw.get("manifests")
    releases = raw.get("releases", {})
    _expect(
        isinstance(releases, dict) and all(isinstance(v, str) for v in releases.values()),
        "releases",
    )
    _expect(isinstance(sites, dict) and all(isinstance(v, dict) for v in sites.values()), "sites")
    try:
        infos = {key: SiteInfo(**fields) for key, fields in sites.items()}
    except TypeError as exc:
        raise StateError(f"sites: {exc}") from exc
    _expect(isinstance(records, dict), "records")
    for site_records in records.values():
        _expect(isinstance(site_records, list), "records")
        for record in site_records:
            _expect(isinstance(record, dict) and isinstance(record.get("id"), int), "record")
    _expect(isinstance(manifests, dict), "manifests")
    checked: dict[str, dict[str, tuple[str, str]]] = {}
    for site, manifest in manifests.items():
        _expect(isinstance(manifest, dict), "manifest")
        checked[site] = {}
        for path, entry in manifest.items():
            _expect(isinstance(entry, list) and len(entry) == 2, "manifest entry")
            checked[site][path] = (entry[0], entry[1])
    now = raw.get("now")
    try:
        moment = datetime.fromisoformat(now) if now is not None else None
    except (TypeError, ValueError) as exc:
        raise StateError(f"now: {exc}") from exc
    _expect(moment is None or moment.tzinfo is not None, "now without a time zone")
    return BuildState(
        export=Export(sites=infos, records=records),
        manifests=checked,
        now=moment,
        releases=releases,
    )


def load_state() -> BuildState | None:
    path = state_path()
    try:
        stamp = _stamp(path)
    except FileNotFoundError:
        return None
    # Another process (the worker) may have written a newer state since: compare the file.
    if _memory is not None and _memory_path == path and _memory_stamp == stamp:
        return _memory
    try:
        state = decode(path.read_bytes())
    except FileNotFoundError:
        return None
    except StateError as exc:  # a damaged or foreign state only costs a full build
        logger.warning(
            "Build state at %s is unusable (%s); the next build is a full one", path, exc
        )
        return None
    _remember(state, path)
    return state


def save_state(state: BuildState) -> None:
    path = state_path()
    write_file(path, encode(state))
    _remember(state, path)


def drop_state() -> None:
    forget()
    state_path().unlink(missing_ok=True)


def forget() -> None:
    """Drop the in-memory copy (tests, or after the output folder is replaced)."""
    global _memory, _memory_path, _memory_stamp
    _memory, _memory_path, _memory_stamp = None, None, None


_memory_path: Path | None = None
_memory_stamp: tuple[int, int] | None = None


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_ino, info.st_mtime_ns


def _remember(state: BuildState, path: Path) -> None:
    global _memory, _memory_path, _memory_stamp
    _memory, _memory_path = state, path
    try:
        _memory_stamp = _stamp(path)
    except FileNotFoundError:
        _memory_stamp = None
