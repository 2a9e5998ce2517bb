"""One key per item of personal data, sealing that item's data in every backup
(``cms/deploy/sealing.py``): made when a backup first holds the item, destroyed when the
item's removal deletes its data from the database. From then on every backup made before
holds the item's data only as ciphertext that nobody can read, and a restore of one has
nothing of it to bring back (crypto-shredding).

The keys live in ``BACKUP_KEYS_DIR`` (default ``VAR_DIR/backup-keys``), never in a backup
or the database: a copy of a key kept elsewhere outlives the removal that destroyed it.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet

from django.conf import settings


def folder() -> Path:
    configured = getattr(settings, "BACKUP_KEYS_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "backup-keys"


def _path(kind: str, item: int) -> Path:
    return folder() / f"{kind}-{int(item)}.key"


def key(kind: str, item: int, *, create: bool) -> Fernet | None:
    """The item's key; a new one if ``create`` and it has none, else None."""
    path = _path(kind, item)
    if not path.is_file():
        if not create:
            return None
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            # Written whole or not at all, readable by the owner only; a backup running at
            # the same moment that made it first keeps its key.
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(Fernet.generate_key())
                handle.flush()
                os.fsync(handle.fileno())
    return Fernet(path.read_bytes().strip())


def exists(kind: str, item: int) -> bool:
    return _path(kind, item).is_file()


def destroy(kind: str, item: int) -> bool:
    """Destroy the item's key (True if it had one): its data in every backup is
    unreadable from now on."""
    path = _path(kind, item)
    if not path.is_file():
        return False
    # Overwritten first: on most file systems the old blocks are then not the key's.
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.write(os.urandom(size))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()
    return True
