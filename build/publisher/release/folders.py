"""Releases: every build writes a complete new folder, then the live site switches to it
in one atomic step. A build that fails leaves ``current`` pointing at the last good release.

    output/<site>/releases/<id>/   complete sites, newest last
    output/<site>/current          symlink to the live release
"""

from __future__ import annotations

import logging
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

from ..files import site_root

logger = logging.getLogger(__name__)

KEEP_RELEASES = 3


def current(site: str) -> Path | None:
    link = site_root(site) / "current"
    return link.resolve() if link.is_symlink() else None


def new_release(site: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    releases = site_root(site) / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    # Two builds in one microsecond (a clock set back, a frozen clock in tests) still get
    # two folders, named so that they sort in the order they were made.
    for number in range(1000):
        path = releases / (stamp if number == 0 else f"{stamp}-{number:03d}")
        try:
            path.mkdir()
            return path
        except FileExistsError:
            continue
    raise FileExistsError(f"no free release name for {stamp}")


def link_media(release: Path, media_root: Path, names: dict[str, str]) -> None:
    """Put media files (public path -> name under MEDIA_ROOT) into the release; hard links
    where the file system allows, so a release costs no extra space for images. A file
    deleted since the export read its name (a removal of personal data deleting an
    attachment while a full build runs) is left out with a warning: the build that follows
    the removal publishes its pages without it, and this one must not fail for it."""
    for public, name in names.items():
        source = media_root / name
        target = release / public.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            try:
                os.link(source, target)
            except OSError:  # another file system (a source gone fails the copy too)
                shutil.copy2(source, target)
        except FileNotFoundError:
            logger.warning("Media file %s was deleted during the build: left out", name)


def media_delta(
    live: Path, media: dict[str, str], old_media: dict[str, str]
) -> tuple[dict[str, str], set[str]]:
    """The media files (public path -> name under MEDIA_ROOT) to link into a release made
    from ``live``, and the public paths to take out of it. A file replaced under its old
    name goes out and comes in again."""
    from django.conf import settings

    kept = {public: name for public, name in media.items() if public in old_media}
    replaced = replaced_media(live, Path(settings.MEDIA_ROOT), kept)
    new = {p: name for p, name in media.items() if p not in old_media or p in replaced}
    return new, (set(old_media) - set(media)) | replaced


def replaced_media(live: Path, media_root: Path, names: dict[str, str]) -> set[str]:
    """The public paths of ``names`` whose file in the live release is no longer the media
    file: replaced under the same name (a document given a new file, a redacted version
    put in place of one that still named a person). Hard links tell by inode; a copy (across
    file systems) by size and modification time, which ``copy2`` keeps."""
    replaced = set()
    for public, name in names.items():
        try:
            shipped = (live / public.lstrip("/")).stat()
            source = (media_root / name).stat()
        except OSError:
            continue  # (gone from either: the build's other steps deal with it)
        same_file = (shipped.st_dev, shipped.st_ino) == (source.st_dev, source.st_ino)
        same_copy = (shipped.st_size, shipped.st_mtime_ns) == (source.st_size, source.st_mtime_ns)
        if not (same_file or same_copy):
            replaced.add(public)
    return replaced


def activate(site: str, release: Path, base_url: str | None = None) -> None:
    """Point ``current`` at ``release`` atomically (rename of a new symlink over the old);
    with the site's ``base_url``, frontend caches then forget what changed (``purge.py``)."""
    before = current(site)
    _switch(site, release)
    if base_url is not None:
        from .purge import purge

        purge(before, release, base_url)


def _switch(site: str, release: Path) -> None:
    link = site_root(site) / "current"
    temporary = link.with_name(f".current-{os.getpid()}")
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(release.relative_to(link.parent), target_is_directory=True)
    os.replace(temporary, link)


def prune(site: str, keep: int = KEEP_RELEASES) -> None:
    """Keep the live release and the ones before it (for rollback), up to ``keep`` in all;
    remove older ones and any newer leftovers of builds that were killed before going live."""
    live = current(site)
    # Half-made links and spare copies of killed builds (the caller holds the build lock,
    # so no other build is making one now).
    for leftover in site_root(site).glob(".current-*"):
        leftover.unlink(missing_ok=True)
    for leftover in site_root(site).glob(".spare-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    releases = sorted((site_root(site) / "releases").iterdir())
    if live is None or live not in releases:
        return
    position = releases.index(live)
    for old in releases[: max(0, position + 1 - keep)] + releases[position + 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def discard(release: Path) -> None:
    shutil.rmtree(release, ignore_errors=True)
