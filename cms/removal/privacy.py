"""The proof that no store holds personal data of an ended notice (``manage.py
verify_privacy``, and the last step of each removal).

What is looked for comes from the receipts and journals: needles (keyed hashes of the
words of each removed value, see ``receipts.py``) and the SHA-256 of every deleted file.
Each store of ``stores.stores()`` is searched (``scans.py``: text read the way a reader of
the store would see it).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from . import places, stores
from .scans import Finding, Needles, all_needles, pending


def verify(now: datetime) -> list[Finding]:
    """Every finding of every store, for every notice whose removal is due or done."""
    needles = all_needles()
    findings = pending(now)
    if needles:
        findings += stores.verify(needles, stores.Scope())
    return findings


def verify_notice(page_id: int, needles: Needles, document_ids: Iterable[int] = ()) -> set[str]:
    """Stores of one notice that still hold its data: its rows, its section's files, the
    caches, and any page of any site still shipping one of its removed attachments."""
    findings = stores.verify(needles, stores.Scope(page_id=page_id))
    if not findings:
        return places.shipped(document_ids)
    named = places.Namer()  # (reads every page's place: only when something was found)
    return {f"{f.store} ({named(f.where)})" for f in findings} | places.shipped(document_ids)
