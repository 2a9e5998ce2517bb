"""The build state on disk: MessagePack, a head file naming one segment per site (its
records and manifest) and one of page rows, each checked for its shape when read (see
``state.py`` for what the state is for).

Whoever can write the folder can at worst cause a full build, never run code in the
publisher (a pickle would run whatever it was made to). A build rewrites only the
segments of the sites it changed.
"""

from __future__ import annotations

import dataclasses
import gc
import re
import secrets
from datetime import datetime
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

import msgpack

from django.conf import settings

from ..context import memory
from ..export.exporter import Export, Locations, PageRow, SiteInfo
from ..files import write_file
from ..render.memo import same_objects

if TYPE_CHECKING:
    from .state import BuildState

VERSION = 6


class StateError(ValueError):
    """The file is not a build state this version wrote."""


def state_path() -> Path:
    """The head: version, time, sites, releases, and which segment holds each site."""
    return Path(settings.OUTPUT_DIR) / ".state" / "build.msgpack"


# One segment per site (its records and manifest), so that a build writes only the sites it
# changed: on 100,000 pages the whole state is some 200 MB. Names are made here, and
# checked when read, so a planted head cannot point outside the folder.
SEGMENT_NAME = re.compile(r"[a-z0-9_-]{1,64}\.[0-9a-f]{16}\.msgpack")


class Segments(dict[str, tuple[str, list]]):
    """A build context's segments: segment key -> (segment name, the objects it was written
    from or read into)."""


PAGES_SEGMENT = "_pages"


def _pack(value) -> bytes:
    return msgpack.packb(value, use_bin_type=True)


def _unpack(data: bytes):
    # Hundreds of thousands of small objects at once: the cyclic garbage collector would
    # walk them again and again while they are made (a third of the time), yet none of
    # them can be garbage.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return msgpack.unpackb(data, raw=False, strict_map_key=True)
    except (ValueError, msgpack.ExtraData, msgpack.FormatError, msgpack.StackError) as exc:
        raise StateError(f"not MessagePack: {exc}") from exc
    finally:
        if collecting:
            gc.enable()


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise StateError(what)


def _unchanged(key: str, objects: list) -> str | None:
    """The segment already on disk for exactly these objects, if any. A build replaces
    the manifest of every site it built, and keeps the very record objects of the others
    (and the page rows it did not re-read)."""
    known = memory(Segments).get(key)
    return known[0] if known is not None and same_objects(known[1], objects) else None


def _segment(folder: Path, key: str, objects: list, make) -> str:
    name = _unchanged(key, objects)
    if name is None or not (folder / name).is_file():
        # The site's key only names the file for whoever looks in the folder.
        label = re.sub(r"[^a-z0-9_-]", "-", key.strip("_").lower())[:64] or "site"
        name = f"{label}.{secrets.token_hex(8)}.msgpack"
        write_file(folder / name, _pack(make()))
    memory(Segments)[key] = (name, objects)
    return name


def write_state(state: BuildState) -> None:
    """Write the segments that changed, then the head that names them (the one atomic step:
    a reader sees the old state or the new one), then remove segments no head names."""
    folder = state_path().parent
    segments = {}
    for site in sorted(set(state.export.records) | set(state.manifests)):
        records = state.export.records.get(site, [])
        manifest = state.manifests.get(site, {})
        segments[site] = _segment(
            folder,
            site,
            [manifest, *records],
            lambda records=records, manifest=manifest: {"records": records, "manifest": manifest},
        )
    locations = state.locations
    pages = None
    if locations is not None:
        rows = list(locations.rows.values())
        pages = _segment(folder, PAGES_SEGMENT, rows, lambda: rows)
    head = {
        "version": state.version,
        "now": state.now.isoformat() if state.now else None,
        "sites": {key: dataclasses.asdict(info) for key, info in state.export.sites.items()},
        "releases": state.releases,
        "renderer": state.renderer,
        "segments": segments,
        "pages": pages,
        "homes": None if locations is None else locations.homes,
        "home_url_paths": None if locations is None else locations.home_url_paths,
    }
    write_file(state_path(), _pack(head))
    for path in folder.glob("*.msgpack"):
        if path != state_path() and path.name not in {*segments.values(), pages}:
            path.unlink(missing_ok=True)


def _checked_head(raw) -> tuple[dict, dict[str, str]]:
    _expect(isinstance(raw, dict) and raw.get("version") == VERSION, "another version")
    sites, releases, segments = raw.get("sites"), raw.get("releases"), raw.get("segments")
    _expect(
        isinstance(releases, dict) and all(isinstance(v, str) for v in releases.values()),
        "releases",
    )
    _expect(isinstance(sites, dict) and all(isinstance(v, dict) for v in sites.values()), "sites")
    _expect(
        isinstance(segments, dict)
        and all(isinstance(v, str) and SEGMENT_NAME.fullmatch(v) for v in segments.values()),
        "segments",
    )
    return raw, segments


def _only(values, kind: type) -> bool:
    """Every value is exactly of ``kind`` (checked at C speed: 100,000 records at load)."""
    return set(map(type, values)) <= {kind}


def _checked_segment(raw) -> tuple[list, dict[str, tuple[str, str]]]:
    _expect(isinstance(raw, dict), "segment")
    records, manifest = raw.get("records"), raw.get("manifest")
    _expect(isinstance(records, list) and _only(records, dict), "records")
    _expect(_only(map(dict.get, records, repeat("id")), int), "record ids")
    _expect(isinstance(manifest, dict) and _only(manifest.values(), list), "manifest")
    _expect(set(map(len, manifest.values())) <= {2}, "manifest entries")
    return records, dict(zip(manifest, map(tuple, manifest.values()), strict=True))


def read_parts(path: Path) -> dict:
    """The parts (``BuildState``'s fields) of the state whose head is at ``path``;
    StateError for anything not one of ours, FileNotFoundError when a segment went
    (another process saved meanwhile)."""
    raw, segments = _checked_head(_unpack(path.read_bytes()))
    try:
        infos = {key: SiteInfo(**fields) for key, fields in raw["sites"].items()}
    except TypeError as exc:
        raise StateError(f"sites: {exc}") from exc
    records, manifests, read = {}, {}, {}
    for site, name in segments.items():
        records[site], manifests[site] = _checked_segment(
            _unpack((path.parent / name).read_bytes())
        )
        read[site] = (name, [manifests[site], *records[site]])
    now = raw.get("now")
    try:
        moment = datetime.fromisoformat(now) if now is not None else None
    except (TypeError, ValueError) as exc:
        raise StateError(f"now: {exc}") from exc
    _expect(moment is None or moment.tzinfo is not None, "now without a time zone")
    renderer = raw.get("renderer")
    _expect(renderer is None or isinstance(renderer, str), "renderer")
    locations = _read_locations(path.parent, raw, read)
    kept = memory(Segments)
    kept.clear()
    kept.update(read)
    return {
        "export": Export(sites=infos, records=records),
        "manifests": manifests,
        "now": moment,
        "releases": raw["releases"],
        "locations": locations,
        "renderer": renderer,
    }


def _read_locations(folder: Path, raw: dict, read: dict) -> Locations | None:
    name, homes, home_url_paths = raw.get("pages"), raw.get("homes"), raw.get("home_url_paths")
    if name is None or homes is None or home_url_paths is None:
        return None
    _expect(isinstance(name, str) and bool(SEGMENT_NAME.fullmatch(name)), "pages segment")
    _expect(
        isinstance(homes, dict)
        and all(
            isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v)
            for v in homes.values()
        ),
        "homes",
    )
    _expect(
        isinstance(home_url_paths, dict)
        and all(isinstance(v, str) for v in home_url_paths.values()),
        "home paths",
    )
    entries = _unpack((folder / name).read_bytes())
    _expect(isinstance(entries, list) and _only(entries, list), "page rows")
    _expect(set(map(len, entries)) <= {len(PageRow._fields)}, "page rows")
    columns = list(zip(*entries, strict=True)) or [()] * len(PageRow._fields)
    for column, kind in zip(columns, (int, str, int, str, str, str, int), strict=True):
        _expect(_only(column, kind), "page rows")
    rows = dict(zip(columns[0], map(PageRow._make, entries), strict=True))
    read[PAGES_SEGMENT] = (name, list(rows.values()))
    return Locations(
        homes={path: (site, lang) for path, (site, lang) in homes.items()},
        home_url_paths=home_url_paths,
        rows=rows,
    )


def head_sites() -> set[str]:
    """The sites the saved state holds, from its head alone (none when unreadable)."""
    try:
        _raw, segments = _checked_head(_unpack(state_path().read_bytes()))
    except (OSError, StateError):
        return set()
    return set(segments)


def forget_segments() -> None:
    """Forget which segments are on disk for which objects (the state was dropped)."""
    memory(Segments).clear()
