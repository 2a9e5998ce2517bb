"""The proof that no store holds removed personal data (``manage.py verify_privacy``, and
the last step of each removal).

What is looked for comes from the receipts and journals: needles (keyed hashes of the
words of each removed value, see ``receipts.py``) and the SHA-256 of every deleted file.
Each store of ``stores.stores()`` is searched (``scans.py``: text read the way a reader of
the store would see it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from . import places, stores
from .kinds import kind
from .scans import Finding, Needles, all_needles, pending


def verify(now: datetime) -> list[Finding]:
    """Every finding of every store, for every item whose removal is due or done."""
    needles = all_needles()
    findings = pending(now)
    if needles:
        findings += stores.verify(needles, stores.Scope())
    return findings


def verify_item(*, kind_name: str, item: int, needles: Needles, counts: dict[str, Any]) -> set[str]:
    """Stores that still hold one item's data: what its kind says it touched (its rows, its
    live files), the caches, and what else the kind knows of (``PersonalData.left``)."""
    findings = stores.verify(needles, stores.Scope(owner=(kind_name, item)))
    left = kind(kind_name).left(item, counts)
    if not findings:
        return left
    named = places.Namer()  # (reads every page's place: only when something was found)
    return {f"{f.store} ({named(f.where)})" for f in findings} | left
