"""What the last build produced, kept between builds so that the next one renders only what
a change affects: every record, per site every rendered file's owner and digest, and the
time the outputs were rendered for (event listings split upcoming from past by it).

Kept in memory by a long-lived worker and on disk (``OUTPUT_DIR/.state``) for the next
process. If it is missing or unreadable the next build is a full one: nothing depends on it
for correctness, only for speed.
"""

from __future__ import annotations

import logging
import os
import pickle
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings

from .export import Export

logger = logging.getLogger(__name__)
VERSION = 3
_memory: BuildState | None = None


@dataclass
class BuildState:
    export: Export
    manifests: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    # Every output is correct for this moment: no event ended between it and its render.
    now: datetime | None = None
    version: int = VERSION

    @classmethod
    def after_full(cls, export: Export, manifests: dict[str, dict], now: datetime) -> BuildState:
        previous = load_state()
        if previous is not None:
            # A partial full build (some sites) keeps what it knows of the others, and
            # their older time: events that ended since then are still to re-render.
            for site, records in previous.export.records.items():
                if site not in export.records:
                    export.records[site] = records
                    manifests.setdefault(site, previous.manifests.get(site, {}))
                    if previous.now is not None:
                        now = min(now, previous.now)
        return cls(export=export, manifests=manifests, now=now)

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


def state_path() -> Path:
    return Path(settings.OUTPUT_DIR) / ".state" / "build.pickle"


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
        with path.open("rb") as handle:
            state = pickle.load(handle)  # noqa: S301 - our own file, written by save_state
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged state only costs a full build
        logger.warning("Build state at %s is unreadable; the next build is a full one", path)
        return None
    if getattr(state, "version", None) != VERSION:
        return None
    _remember(state, path)
    return state


def save_state(state: BuildState) -> None:
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".tmp{os.getpid()}")
    with temporary.open("wb") as handle:
        pickle.dump(state, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
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
