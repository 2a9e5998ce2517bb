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

from . import places, receipts, stores
from .kinds import kind, kinds
from .scans import Finding, Needles, all_needles, pending, scan_database


def lawful(now: datetime, hasher: receipts.Hasher) -> set[tuple[str, ...]]:
    """The word hashes of every value some item of some kind lawfully holds now."""
    values = [value for found in kinds() for value in found.in_use(now)]
    return {tuple(needle) for needle in receipts.needles(values, hasher)}


def verify(now: datetime) -> list[Finding]:
    """Every finding of every store, for every item whose removal is due or done. A value
    that an item still lawfully holds (the same contact person on a notice on view now) is
    looked for only in the removed item's own rows: elsewhere it is that item's."""
    needles = all_needles()
    findings = pending(now)
    if needles:
        general, own = needles.split(lawful(now, needles.hasher))
        findings += stores.verify(general, stores.Scope())
        for (name, item), theirs in own.items():
            findings += scan_database(theirs, kind(name).tables(item))
    return findings


def verify_item(*, kind_name: str, item: int, needles: Needles, counts: dict[str, Any]) -> set[str]:
    """Stores that still hold one item's data: what its kind says it touched (its rows, its
    live files), the caches, and what else the kind knows of (``PersonalData.left``)."""
    findings = stores.verify(needles, stores.Scope(owner=(kind_name, item)))
    left = kind(kind_name).left(item, counts)
    if not findings:
        return left
    # A site's shared files (its front page, feeds, sitemap) say only that some page quotes
    # the data: the pages whose rows hold it are the ones to fix, named with their editors.
    findings += [f for f in scan_database(needles) if " (page " in f.where]
    named = places.Namer(needles)  # (reads every page's place: only when something was found)
    return {f"{f.store} ({named(f.where)})" for f in findings} | left


def verify_round(needles: Needles, now: datetime) -> dict[tuple[str, int], set[str]]:
    """Every store searched once for the values a round of removals took away (the items'
    own proofs passed): what each item still has anywhere, named without its data. Values
    some item lawfully holds now are left to the items' own proofs."""
    general, _own = needles.split(lawful(now, needles.hasher))
    findings = stores.verify(general, stores.Scope()) if general else []
    if not findings:
        return {}
    named = places.Namer(general)
    left: dict[tuple[str, int], set[str]] = {}
    for f in findings:
        left.setdefault((f.kind, f.item), set()).add(f"{f.store} ({named(f.where)})")
    return left
