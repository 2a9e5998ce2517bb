"""Writing the publisher's files: one helper for every file it writes (releases, incremental
changes, the build state, the search memo cache).

Every file is written whole under a temporary name and renamed into place, so a reader (nginx,
another process) sees the old bytes or the new ones, never half a file; and it gets the mode
an ordinary ``open()`` gives under the process's umask (0644 under the usual 022), the same
as a full build, so a web server running as another user can read what an incremental
publish rewrote. ``tempfile`` alone would leave it 0600.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator, MutableMapping
from functools import cache
from pathlib import Path

from django.conf import settings


def site_root(site: str) -> Path:
    """The folder of a site's releases, its live link and its parts."""
    return Path(settings.OUTPUT_DIR) / site


@cache
def file_mode() -> int:
    """0666 less the umask: what ``open(path, "w")`` would create (read once a process: the
    umask is set at its start, by systemd's ``UMask=`` or the shell)."""
    return 0o666 & ~_umask()


def _umask() -> int:
    # Linux says it in /proc without changing it; setting it to read it (and straight
    # back) would race with another thread creating a file meanwhile.
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def digest(data: bytes) -> str:
    """What a manifest keeps of a file's bytes: equal digests, equal files."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ReleaseFiles(MutableMapping[str, bytes]):
    """A new release's files, written as the generator renders them: a full build of a large
    site never holds its output in memory (some 400 MB on a site of 20,000 pages, in each
    render process at once); only each file's digest is kept, for the manifest. Used where
    the generator takes a ``dict`` of path -> bytes; a path rendered twice keeps the last."""

    def __init__(self, release: Path) -> None:
        self.release = release
        self.digests: dict[str, str] = {}

    def __setitem__(self, name: str, data: bytes) -> None:
        write_file(self.release / name, data, fresh=True)
        self.digests[name] = digest(data)

    def __getitem__(self, name: str) -> bytes:
        if name not in self.digests:
            raise KeyError(name)
        return (self.release / name).read_bytes()

    def __delitem__(self, name: str) -> None:
        del self.digests[name]
        (self.release / name).unlink()

    def __iter__(self) -> Iterator[str]:
        return iter(self.digests)

    def __len__(self) -> int:
        return len(self.digests)


def write_file(path: Path, data: bytes, *, fresh: bool = False) -> None:
    """Put ``data`` at ``path`` through a new inode: a file shared by hard link with a live
    release is never changed in place. ``fresh``: the folder is a new release nobody reads
    yet, so the file is written directly (the rename would only cost time), with the same
    mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fresh:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        return
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name[:40]}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), file_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
