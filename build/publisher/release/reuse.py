"""Where an incremental build's new release comes from, at a cost that follows the change,
not the size of the site.

A new release must start as an exact copy of the live one. Copying a site of 50,000 files
(even as hard links) takes seconds, and deleting the oldest release as many again. Instead
the oldest kept release, which pruning would delete anyway, is *caught up*: each release
records which paths it touched compared with the one it was made from (its delta), so the
old release becomes the live one again by re-linking just those paths from the live
release. Only the builder ever changes a release, and only before it goes live, so the
deltas are the whole difference.

Where no such chain of deltas reaches back (after a full build, or after the notices'
removal deleted every old release), a hard-link copy made ahead of time (the spare, see
``prepare_spare``) or made now is used.

    output/<site>/deltas/<release>.json   {"base": <release it was made from>, "inode": ...,
                                           "paths": [...]}
    output/<site>/spare/                  hard-link copy of the live release, and .mirrors
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from django.conf import settings

from ..files import site_root, write_file
from . import folders as release

logger = logging.getLogger(__name__)
# A longer chain would cost more re-linking than it saves.
CHAIN_AT_MOST = release.KEEP_RELEASES - 1


def _deltas(site: str) -> Path:
    return site_root(site) / "deltas"


def record(site: str, made: Path, base: Path, touched: Iterable[str]) -> None:
    """Remember that ``made`` is ``base`` with ``touched`` paths written or removed."""
    # The folder's inode ties the delta to this very folder: a later release that got the
    # same name after this one was deleted is not mistaken for it.
    data = {"base": base.name, "inode": made.stat().st_ino, "paths": sorted(set(touched))}
    write_file(_deltas(site) / f"{made.name}.json", json.dumps(data).encode())


def _safe(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


def _delta(site: str, name: str) -> tuple[str, list[str]] | None:
    """A release's recorded delta, or None when missing or not well formed (it is read
    from disk, so it is checked: paths must stay inside the release)."""
    try:
        data = json.loads((_deltas(site) / f"{name}.json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    base, paths = data.get("base"), data.get("paths")
    if not isinstance(base, str) or not isinstance(paths, list):
        return None
    try:
        if data.get("inode") != (site_root(site) / "releases" / name).stat().st_ino:
            return None
    except OSError:
        return None
    if not all(isinstance(p, str) and _safe(p) for p in paths):
        return None
    return base, paths


def chain(site: str, live: Path) -> tuple[Path, set[str]] | None:
    """The oldest release that deltas lead from to ``live`` (at most ``CHAIN_AT_MOST``
    steps), with every path those steps touched; None when there is none."""
    releases = live.parent
    touched: set[str] = set()
    name, oldest = live.name, None
    for _ in range(CHAIN_AT_MOST):
        delta = _delta(site, name)
        if delta is None or not (releases / delta[0]).is_dir() or delta[0] == live.name:
            break
        name = delta[0]
        touched.update(delta[1])
        oldest = releases / name
    return (oldest, touched) if oldest is not None else None


def inside(folder: Path, name: str) -> Path:
    """``folder / name``, refusing (OSError) a path whose folders lead elsewhere through a
    symbolic link: whoever can write an old release must not make the publisher write or
    delete files outside it."""
    target = folder / name
    root = folder.resolve()
    if not target.parent.resolve().is_relative_to(root):
        raise OSError(f"{name} leads outside {folder}")
    return target


def _catch_up(folder: Path, live: Path, touched: set[str]) -> None:
    """Make ``folder`` equal to ``live`` where ``touched`` says they may differ."""
    for name in touched:
        source, target = live / name, inside(folder, name)
        if source.is_file() and not source.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name[:40]}.link")
            temporary.unlink(missing_ok=True)
            os.link(source, temporary)
            os.replace(temporary, target)
        elif target.is_file() or target.is_symlink():
            target.unlink()
            drop_empty_folders(target.parent, folder)


def drop_empty_folders(folder: Path, root: Path) -> None:
    """Remove ``folder`` and its parents up to ``root`` while they are empty: a removed or
    renamed page leaves no folder behind (its name may be all that is left of it)."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return  # not empty (or already gone with its files)
        folder = folder.parent


def start(site: str, live: Path, target: Path) -> str:
    """Make ``target`` (not yet existing) an exact copy of ``live`` the cheapest way; says
    which: "recycled", "spare" or "copied"."""
    found = chain(site, live)
    if found is not None:
        oldest, touched = found
        # Renamed first: from here on it is a new release nobody trusts until it is live,
        # so a build killed while catching it up leaves only a leftover for ``prune``.
        os.replace(oldest, target)
        try:
            _catch_up(target, live, touched)
            return "recycled"
        except OSError:
            logger.warning("Could not reuse release %s of %s; copying", oldest.name, site)
            shutil.rmtree(target, ignore_errors=True)
    if _take_spare(site, live, target):
        return "spare"
    link_farm(live, target)
    return "copied"


def link_farm(source: Path, target: Path) -> None:
    """A copy of ``source`` that shares every file with it (hard links): only files that
    change are then written. ``cp -al`` does it at C speed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    cp = shutil.which("cp")
    if cp:
        subprocess.run([cp, "-al", str(source), str(target)], check=True)  # noqa: S603
    else:  # pragma: no cover - every supported system has cp
        shutil.copytree(source, target, copy_function=os.link)


def _spare(site: str) -> Path:
    return site_root(site) / "spare"


def prepare_spare(site: str) -> None:
    """After a release goes live, when the next build could not recycle an old one, make
    the hard-link copy it will build in, so that copying is not on the path from "publish"
    to "live". The copy remembers which release it mirrors and is used only if that
    release is still the live one."""
    live = release.current(site)
    spare = _spare(site)
    marker = spare / ".mirrors"
    if live is not None and marker.is_file() and marker.read_text() == live.name:
        return
    # A copy of an older release is of no use, and may hold what has since been removed.
    shutil.rmtree(spare, ignore_errors=True)
    if live is None or chain(site, live) is not None:
        return
    staging = spare.with_name(f".spare-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    link_farm(live, staging)
    write_file(staging / ".mirrors", live.name.encode())
    os.replace(staging, spare)


def _take_spare(site: str, live: Path, target: Path) -> bool:
    spare = _spare(site)
    marker = spare / ".mirrors"
    if not marker.is_file() or marker.read_text() != live.name:
        return False
    marker.unlink()
    os.replace(spare, target)
    return True


def tidy(site: str) -> None:
    """After a build switched ``site`` live: remove old releases, forget their deltas, and
    make a spare copy if the next build could not recycle a release."""
    release.prune(site)
    forget_missing(site)
    prepare_spare(site)


def forget_missing(site: str) -> None:
    """Drop the deltas of releases that no longer exist (pruned, or removed by hand)."""
    folder = _deltas(site)
    if not folder.is_dir():
        return
    releases = site_root(site) / "releases"
    for path in folder.glob("*.json"):
        if not (releases / path.stem).is_dir():
            path.unlink(missing_ok=True)


def drop_all(site: str) -> None:
    """Forget every delta and the spare copy (the notices' removal, after deleting the old
    releases: a delta names the paths a build removed, which may name a person)."""
    shutil.rmtree(_deltas(site), ignore_errors=True)
    shutil.rmtree(_spare(site), ignore_errors=True)


def patched(
    site: str,
    live: Path,
    changed: dict[str, bytes],
    deleted: set[str],
    new_media: dict[str, str],
    stale_media: set[str],
) -> tuple[Path, str]:
    """A new release of ``site``: the live one with ``changed`` files written, ``deleted``
    ones gone, and media files linked or unlinked; returned with what ``reuse`` made it
    from. Not yet live (``release.activate``); nothing is left behind if it fails."""
    path = release.new_release(site)
    path.rmdir()
    try:
        made_from = start(site, live, path)
        for name, data in changed.items():
            # Through a new inode: the old one is still shared with the live release.
            write_file(inside(path, name), data)
        stale = {public.lstrip("/") for public in stale_media}
        for name in deleted | stale:
            gone = inside(path, name)
            gone.unlink(missing_ok=True)
            drop_empty_folders(gone.parent, path)
        release.link_media(path, Path(settings.MEDIA_ROOT), new_media)
        touched = set(changed) | deleted | stale | {p.lstrip("/") for p in new_media}
        record(site, path, live, touched)
    except Exception:
        release.discard(path)
        raise
    return path, made_from
