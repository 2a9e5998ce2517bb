"""The vaults of a backup: for each item of personal data the database still holds (a notice
on view), what its tokens stood for (``sealing.py``) and its own files, encrypted with the
item's key (``cms/removal/keys.py``). A restore opens the vaults whose keys still exist;
an item whose removal destroyed its key comes back without its data.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cryptography.fernet import InvalidToken

from django.conf import settings

from cms.core.personal_data import Held
from cms.removal import keys, receipts
from cms.removal.kinds import kinds
from cms.removal.scans import Owner

from .dumps import BackupError
from .sealing import Sealer, unseal

FOLDER = "vault"
# A vault's name: its item's kind and id ("notice-83").
ITEM = re.compile(r"[a-z][a-z_]*-[0-9]{1,18}")


def held() -> dict[Owner, Held]:
    """Every item of every kind whose personal data the database holds now."""
    return {(kind.name, item): data for kind in kinds() for item, data in kind.held().items()}


def _name(owner: Owner) -> str:
    return f"{owner[0]}-{int(owner[1])}"


def sealed_files(items: dict[Owner, Held]) -> set[Path]:
    """The media files that go into the vaults rather than into the backup as they are."""
    return {path.resolve() for data in items.values() for path in data.files}


def write(folder: Path, sealer: Sealer, items: dict[Owner, Held]) -> dict[str, Path]:
    """Each item's vault, encrypted with its key, written in ``folder``: archive members
    (name -> file)."""
    media = Path(settings.MEDIA_ROOT).resolve()
    members: dict[str, Path] = {}
    for owner, data in sorted(items.items()):
        files = [p for p in data.files if p.is_file() and p.resolve().is_relative_to(media)]
        spans = sealer.spans.get(owner, {})
        if not spans and not files:
            continue
        fernet = keys.key(*owner, create=True)
        assert fernet is not None
        base = f"{FOLDER}/{_name(owner)}"
        names = [str(p.resolve().relative_to(media)) for p in files]
        index = json.dumps({"spans": spans, "files": names}).encode()
        members[f"{base}.json"] = _sealed(folder, f"{base}.json", fernet.encrypt(index))
        for number, path in enumerate(files):
            members[f"{base}/{number}"] = _sealed(
                folder, f"{base}/{number}", fernet.encrypt(path.read_bytes())
            )
    return members


def _sealed(folder: Path, name: str, data: bytes) -> Path:
    path = folder / "sealed" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@dataclass
class Opened:
    pattern: re.Pattern[str] | None
    spans: dict[str, str] = field(default_factory=dict)
    # Items whose key is gone: the backup gives nothing of their data back.
    gone: list[Owner] = field(default_factory=list)
    files: int = 0

    def unseal(self, text: str) -> str:
        return unseal(text, self.pattern, self.spans) if self.pattern else text


def open_all(folder: Path, manifest: dict) -> Opened:
    """Open the vaults of the backup unpacked in ``folder`` whose keys exist: their spans,
    and their files put back under ``folder/media``. A vault whose key exists but does not
    open it is a damaged archive (``BackupError``: nothing is restored), unless a removal
    of that item is recorded (its key was destroyed; a later item may have its id)."""
    sealed = manifest.get("sealed")
    if not sealed:
        return Opened(None)  # (format 1: nothing sealed)
    if not (
        isinstance(sealed, dict)
        and isinstance(sealed.get("nonce"), str)
        and re.fullmatch(r"[0-9a-z]{1,64}", sealed["nonce"])
        and isinstance(sealed.get("items"), list)
    ):
        raise BackupError("its manifest's sealed part is not one a backup writes")
    opened = Opened(re.compile(rf"pd{re.escape(sealed['nonce'])}x(\d+)z"))
    removed = {receipts.owner(receipt) for receipt in receipts.read()}
    for name in sealed["items"]:
        if not isinstance(name, str) or not ITEM.fullmatch(name):
            raise BackupError(f"its manifest names a vault {name!r}, which a backup never does")
        kind, item = name.rsplit("-", 1)
        fernet = keys.key(kind, int(item), create=False)
        try:
            if fernet is None:
                raise InvalidToken
            spans = _open(folder, opened, name, fernet)
        except (InvalidToken, OSError, ValueError, KeyError, TypeError) as error:
            # No key (destroyed at the item's removal, or lost): nothing to read.
            if fernet is not None and (kind, int(item)) not in removed:
                raise BackupError(
                    f"the vault of {kind} {item} does not open with its key: damaged"
                ) from error
            opened.gone.append((kind, int(item)))
            continue
        opened.spans.update(spans)
    return opened


def _open(folder: Path, opened: Opened, name: str, fernet) -> dict[str, str]:
    base = folder / FOLDER / name
    index = json.loads(fernet.decrypt(base.with_name(f"{name}.json").read_bytes()))
    for number, relative in enumerate(index["files"]):
        if ".." in PurePosixPath(relative).parts or relative.startswith("/"):
            raise InvalidToken
        target = folder / "media" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(fernet.decrypt((base / str(number)).read_bytes()))
        opened.files += 1
    return dict(index["spans"])


def item_names(items: dict[Owner, Held], members: dict[str, Path]) -> list[str]:
    """The items whose vault is in ``members``."""
    return [_name(owner) for owner in sorted(items) if f"{FOLDER}/{_name(owner)}.json" in members]
