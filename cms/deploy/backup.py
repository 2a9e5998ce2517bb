"""Backup and restore of what the platform cannot make again: the database, the media files
(images, documents) and the notices' audit log. The static sites, search indexes and caches
are made again from those after a restore.

A backup is one ``.tar.gz`` with a manifest (what it holds, each member's SHA-256), written
whole and renamed into place, readable by its owner only. The personal data of notices still
on view is sealed in it (``sealing.py``, ``vaults.py``): encrypted with each notice's own
key, which the notice's removal destroys, so that no backup holds a removed notice's data
in a form anyone can read. A restore checks every digest before it changes anything.

The audit log is never rolled back: the receipts of removals made after the backup stay,
and the restored database is then brought to them (``due.due`` takes every notice a
receipt names whose removal the database does not know of).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import connection

from cms.removal import receipts
from cms.removal.privacy import lawful
from cms.removal.scans import all_needles

from . import audit, dumps, media_files, vaults
from .dumps import BackupError
from .sealing import Sealer

logger = logging.getLogger(__name__)
# 2: personal values sealed (``sealing.py``), the database of PostgreSQL as SQL.
FORMAT = 2
READABLE = (1, 2)
AUDIT = "audit/notice-removals.jsonl"
# Room left on the disk after a restore's unpacking.
MARGIN_BYTES = 256 * 1024 * 1024
__all__ = ["BackupError", "create", "prune", "read", "restore"]


@dataclass
class Made:
    path: Path
    files: int
    size: int
    sealed: int = 0
    # Where a value was left readable (``dumps.dump``), and the media folder's entries that
    # are no file to read (a named pipe, a device, a link to nothing): none, or the backup
    # says so loudly, and its name says it is incomplete.
    left: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class _Hashing(io.RawIOBase):
    """A file read through SHA-256: the digest is of exactly the bytes the archive got,
    however the file changes while it is read."""

    def __init__(self, handle) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _removed(now: datetime):
    """What removals took away and no item lawfully holds now: the proof's needles."""
    needles = all_needles()
    return needles.split(lawful(now, needles.hasher))[0] if needles else None


def create(output: Path, now: datetime) -> Made:
    """Write a backup to ``output``: a ``.tar.gz`` file, or a folder to name one in."""
    if not output.name.endswith(".tar.gz"):
        output.mkdir(parents=True, exist_ok=True)
        output = output / f"kaislahti-{now:%Y%m%dT%H%M%S}.tar.gz"
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=output.parent) as scratch:
        folder = Path(scratch)
        items = vaults.held()
        sealer = Sealer(items, removed=_removed(now))
        database, left = dumps.dump(folder, sealer)
        members = {database: folder / database, **vaults.write(folder, sealer, items)}
        sealed_files = vaults.sealed_files(items)
        if receipts.log_path().is_file():
            # A copy: a removal may append a receipt while the media are read.
            members[AUDIT] = Path(shutil.copy(receipts.log_path(), folder / "audit.jsonl"))
        skipped = media_files.read(members, sealed_files)
        # A file's name may name a person of a notice on view (an image uploaded as
        # "Matti_Meikalainen.jpg"): sealed as the database's text is, the name comes back
        # from the restore only while the notice's key exists.
        members = {media_files.sealed_name(name, sealer): path for name, path in members.items()}
        digests, sizes = {}, {}
        partial = folder / "backup.tar.gz"
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            for name, path in members.items():
                info = tar.gettarinfo(path.resolve(), arcname=name)  # (a link: its file)
                with path.open("rb") as handle:
                    reader = _Hashing(handle)
                    tar.addfile(info, reader)
                digests[name] = reader.digest.hexdigest()
                sizes[name] = info.size
            manifest = {
                "format": FORMAT,
                "created": now.isoformat(),
                "engine": connection.vendor,
                "database": database,
                "files": digests,
                "sizes": sizes,
                "sealed": {"nonce": sealer.nonce, "items": vaults.item_names(items, members)},
                "left_readable": left,
            }
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime, info.mode = len(data), int(now.timestamp()), 0o600
            tar.addfile(info, io.BytesIO(data))
        if left or skipped:
            # (Not under a good backup's name: whoever restores it later sees what it is.)
            output = output.with_name(output.name.removesuffix(".tar.gz") + "-incomplete.tar.gz")
        partial.replace(output)
    sealed = len(vaults.item_names(items, members))
    return Made(output, len(members), output.stat().st_size, sealed, left, skipped)


def prune(folder: Path, keep_days: float, now: datetime) -> list[Path]:
    """Delete the backups in ``folder`` older than ``keep_days``: each holds the personal
    data of notices that were on view when it was made."""
    cutoff = now.timestamp() - keep_days * 86400
    gone = []
    for path in sorted(folder.glob("kaislahti-*.tar.gz")):
        if path.stat().st_mtime < cutoff:
            path.unlink()
            gone.append(path)
    return gone


def _safe_members(tar: tarfile.TarFile) -> dict[str, tarfile.TarInfo]:
    members = {}
    for member in tar.getmembers():
        name = member.name
        if name.startswith("/") or ".." in Path(name).parts:
            raise BackupError(f"the archive holds {name!r}, a path outside its own folder")
        if not member.isfile():
            raise BackupError(f"the archive holds {name!r} as a {_type(member)}, not a file")
        if name in members:
            raise BackupError(f"the archive holds {name!r} twice")
        members[name] = member
    return members


def _type(member: tarfile.TarInfo) -> str:
    kinds = {"issym": "symbolic link", "islnk": "hard link", "isdir": "folder"}
    kinds |= {"ischr": "device", "isblk": "device", "isfifo": "named pipe"}
    return next((label for test, label in kinds.items() if getattr(member, test)()), "special")


def _checked(manifest: dict, members: dict[str, tarfile.TarInfo], into: Path) -> None:
    """The manifest names only this archive's own members, each where a backup puts it and
    of the size it says; and all of them fit on the disk. Nothing is written before."""
    if manifest.get("format") not in READABLE:
        raise BackupError(f"backup format {manifest.get('format')!r}")
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise BackupError("its manifest lists no files")
    held = set(members) - {"manifest.json"}
    if set(files) != held:
        missing, extra = sorted(set(files) - held)[:3], sorted(held - set(files))[:3]
        raise BackupError(
            f"its files differ from its manifest: missing {missing}, not listed {extra}"
        )
    if manifest.get("database") not in dumps.DATABASES or manifest["database"] not in files:
        raise BackupError(f"its database is named {manifest.get('database')!r}")
    for name in files:
        known = name in (manifest["database"], AUDIT) or name.startswith(("media/", "vault/"))
        if not known or name in ("media/", "vault/"):
            raise BackupError(f"the archive holds {name!r}, which a backup never does")
    sizes = manifest.get("sizes")
    if manifest["format"] >= 2 and (not isinstance(sizes, dict) or set(sizes) != set(files)):
        # (Checked before unpacking: a member far larger than it should be fills no disk.)
        raise BackupError("its manifest does not give the size of each file")
    for name, size in (sizes or {}).items():
        if name not in members or members[name].size != size:
            raise BackupError(f"{name} is not of the size its manifest says")
    needed = sum(member.size for member in members.values())
    free = shutil.disk_usage(into).free
    if needed > free - MARGIN_BYTES:
        raise BackupError(f"it needs {needed} bytes unpacked; {free} are free")


def read(archive: Path, into: Path) -> dict:
    """Unpack ``archive`` into the folder ``into`` after checking it (``_checked``), then
    every member's digest. Returns the manifest."""
    try:
        with tarfile.open(archive, mode="r:gz") as tar:
            members = _safe_members(tar)
            if "manifest.json" not in members:
                raise BackupError(f"{archive} has no manifest: not a backup of this platform")
            manifest = json.load(tar.extractfile(members["manifest.json"]))
            if not isinstance(manifest, dict):
                raise BackupError(f"{archive}: its manifest is not one")
            _checked(manifest, members, into)
            tar.extractall(into, filter="data")
    except BackupError as error:
        raise BackupError(f"{archive}: {error}") from error
    except (tarfile.TarError, OSError, json.JSONDecodeError, KeyError) as error:
        raise BackupError(f"{archive} cannot be read: {error}") from error
    for name, digest in manifest["files"].items():
        if receipts.file_digest(into / name) != digest:
            raise BackupError(f"{archive}: {name} does not match its digest (damaged)")
    return manifest


@dataclass
class Restored:
    created: str
    media_files: int
    receipts_added: int
    # Items whose data the backup sealed under a key destroyed since (or lost).
    gone: list[tuple[str, int]] = field(default_factory=list)
    # The backup's audit-log lines that are no receipt, kept aside (``audit.merge``).
    quarantined: int = 0
    quarantine: Path | None = None


def restore(archive: Path) -> Restored:
    """Bring back the database, media and audit log of ``archive``. The caller then
    migrates, replays removals and publishes (``manage.py restore`` does)."""
    with tempfile.TemporaryDirectory(dir=Path(settings.VAR_DIR)) as scratch:
        folder = Path(scratch)
        manifest = read(archive, folder)
        opened = vaults.open_all(folder, manifest)
        dumps.restore(folder, manifest, opened.unseal)
        media = media_files.restore(folder, opened.unseal)
        merged = audit.merge(folder / AUDIT, Path(settings.VAR_DIR) / "quarantine")
    return Restored(
        manifest["created"], media, merged.added, opened.gone, merged.refused, merged.kept
    )
