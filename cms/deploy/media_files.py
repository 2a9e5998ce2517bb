"""The media folder (images, documents) in a backup and back: read and written through the
links an operator made (the folder, or one under it, moved to another disk and linked back),
which a restore keeps as links."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from .sealing import Sealer


def read(members: dict[str, Path], sealed_files: set[Path]) -> list[str]:
    """Every file of the media folder into ``members`` (through links: a folder the operator
    moved to another disk and linked back is the media's too); returns the entries that are
    no file to read, or a link to a file outside those folders."""
    media = Path(settings.MEDIA_ROOT)
    skipped: list[str] = []
    seen: set[str] = set()
    found: list[Path] = []
    for top, folders, names in os.walk(media, followlinks=True) if media.is_dir() else ():
        seen.add(os.path.realpath(top))
        # (A link back to a folder already read would be walked for ever.)
        folders[:] = sorted(f for f in folders if os.path.realpath(Path(top, f)) not in seen)
        for name in sorted(names):
            path = Path(top) / name
            if not path.is_file():  # (follows a link: a link to nothing is no file)
                skipped.append(str(path.relative_to(media)))
            else:
                found.append(path)
    for path in found:
        # A link to a single file is followed only into the folders read: one to
        # /etc/shadow, say, would put a file of the machine into every backup.
        if path.is_symlink() and os.path.dirname(os.path.realpath(path)) not in seen:
            skipped.append(str(path.relative_to(media)))
        elif path.resolve() not in sealed_files:
            members["media/" + str(path.relative_to(media))] = path
    return skipped


def sealed_name(name: str, sealer: Sealer) -> str:
    """A backup member's name with what it holds of a personal value sealed (media only)."""
    return sealer.seal(name) if name.startswith("media/") else name


def restore(folder: Path, unseal: Callable[[str], str] = str) -> int:
    """The backup's media files (unpacked in ``folder``) in place of the live ones; how many
    there are. A linked folder stays the link, the files written through it and the old
    ones there deleted as everywhere else (else a removed notice's attachment would stay
    on a disk nobody looks at, and the site would read a folder the operator never meant)."""
    media = Path(settings.MEDIA_ROOT)
    restored = folder / "media"
    media.mkdir(parents=True, exist_ok=True)
    _empty(media, set())
    for top, _folders, names in os.walk(restored):
        for name in names:
            path = Path(top, name)
            # (The same text as the database's unsealed name for it: a removed notice's
            # name is gone from both. A name that was nothing else is no file's.)
            relative = unseal(str(path.relative_to(restored)))
            if not relative.rpartition("/")[2] or ".." in Path(relative).parts:
                continue
            target = media / relative
            target.parent.mkdir(parents=True, exist_ok=True)  # (through a link: kept)
            shutil.move(path, target)
    return sum(len(names) for _top, _folders, names in os.walk(media, followlinks=True))


def _empty(folder: Path, seen: set[str]) -> None:
    """Every file under ``folder`` deleted, through linked folders; a link to a folder
    stays, a link to a file (or to nothing) goes, not its target."""
    seen.add(os.path.realpath(folder))
    for entry in folder.iterdir():
        if not entry.is_dir():
            entry.unlink()
        elif os.path.realpath(entry) not in seen:  # (a link back up is walked once)
            _empty(entry, seen)
            if not entry.is_symlink():
                with contextlib.suppress(OSError):  # (one holding a link back up stays)
                    entry.rmdir()
