"""A restore's audit log: the receipts of the backup that the live log lacks are appended
to it (the live log may be newer than the backup, or lost with the machine). A line that is
no receipt of a registered kind (torn, not UTF-8, not JSON, a foreign or malformed one) is
never merged and never stops the restore: it is kept aside in a quarantine file, named in
the restore's output with its line number and why, for the operator to look at."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cms.removal import receipts
from cms.removal.kinds import kinds

logger = logging.getLogger(__name__)


@dataclass
class Merged:
    added: int = 0
    refused: int = 0
    kept: Path | None = None  # the quarantine file of the refused lines


def merge(backed_up: Path, quarantine: Path) -> Merged:
    """Append the receipts of ``backed_up`` that the live log lacks; refused lines go to a
    new file under ``quarantine``."""
    merged = Merged()
    if not backed_up.is_file():
        return merged
    have = {line.strip() for _n, line, _why in _lines(receipts.log_path()) if line is not None}
    known = {kind.name for kind in kinds()}
    refused: list[str] = []
    for number, line, why in _lines(backed_up):
        if line is not None and line.strip() in have:
            continue
        why = why or _refusal(line or "", known)
        if why:
            refused.append(json.dumps({"line": number, "why": why, "text": (line or "")[:2000]}))
            continue
        receipts.append(json.loads(line or ""))
        merged.added += 1
    if refused:
        quarantine.mkdir(parents=True, exist_ok=True, mode=0o700)
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S%f")
        merged.kept = quarantine / f"receipts-{stamp}.jsonl"
        merged.kept.write_text("\n".join(refused) + "\n", encoding="utf-8")
        merged.kept.chmod(0o600)
        merged.refused = len(refused)
        logger.error(
            "%d audit-log line(s) of the backup were not merged: %s", len(refused), merged.kept
        )
    return merged


def _refusal(line: str, known: set[str]) -> str:
    """Why ``line`` is no receipt this platform merges ("" when it is one)."""
    try:
        receipt = json.loads(line)
    except ValueError:
        return "not JSON (a torn or damaged line)"
    if not receipts.valid(receipt):
        return "not a receipt"
    found = receipts.owner(receipt)
    if found is None or found[0] not in known:
        return "a receipt of a kind this platform does not register"
    if not isinstance(receipt.get("finished"), str) or "needles" not in receipt:
        # (Merged, a bare line would make the item's data be removed again after the
        # restore, though the item may be on view: only a removal's own receipt is.)
        return "a receipt without its finish time or needles"
    return ""


def _lines(path: Path) -> list[tuple[int, str | None, str]]:
    """(number, text or None, why it is unreadable) of each non-blank line."""
    if not path.is_file():
        return []
    found: list[tuple[int, str | None, str]] = []
    for number, raw in enumerate(path.read_bytes().splitlines(), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            found.append((number, None, "not UTF-8"))
            continue
        if line.strip():
            found.append((number, line, ""))
    return found
