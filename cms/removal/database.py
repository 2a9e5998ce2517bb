"""Step 1 of a removal (``reconciler.py``): the kind's database step and the journal, in one
transaction. The kind removes the item's data from its rows (``PersonalData.redact``); the
journal (``Removal``) keeps the needles of what it removed, the files to delete and their
digests, and the counts; the publish is queued in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction

from cms.core.personal_data import PUBLISH_REASON

from . import receipts
from .kinds import kind
from .models import Removal
from .scans import Needles


def needles_of(journals: Iterable[Removal]) -> Needles:
    """What the journals' removals look for: their needles and deleted files' digests."""
    journals = list(journals)
    owners = {digest: (j.kind, j.item_id) for j in journals for digest in j.file_digests}
    return Needles({(j.kind, j.item_id): j.needles for j in journals}, owners=owners)


def redact(*, kind_name: str, item: int, now: datetime, deleting: bool = False) -> Removal:
    """Step 1, in one transaction; returns the journal. ``deleting``: the item is being
    deleted before its lifetime ended: its data goes now, and the deletion removes it."""
    from publisher.public import request_publish

    declared = kind(kind_name)
    with transaction.atomic():
        journals = Removal.objects.select_for_update().filter(kind=kind_name, item_id=item)
        journal = journals.first()
        if journal is not None and journal.redacted_at is not None:
            return journal
        earlier = receipts.last(kind_name).get(item)
        done = declared.redact(item, now=now, deleting=deleting, earlier=earlier)
        journal = journal or Removal(kind=kind_name, item_id=item, started_at=now)
        media_root = Path(settings.MEDIA_ROOT)
        hasher = receipts.Hasher()
        found = receipts.needles(done.values, hasher) + receipts.needles(done.also, hasher)
        # Removed before (a restore brought it back, its values sealed away): what that
        # removal looked for is looked for again, whatever the restored rows still hold.
        before = [list(n) for n in (earlier or {}).get("needles", [])]
        journal.needles = found + [n for n in before if n not in found]
        journal.pending_files = sorted(set(done.files))
        # (The files are still there: a deleted document's file goes when this commits.)
        journal.file_digests = sorted(
            receipts.file_digest(media_root / name)
            for name in journal.pending_files
            if (media_root / name).is_file()
        )
        journal.reference, journal.policy = done.reference, done.policy
        journal.ends_at, journal.redacted_at, journal.counts = done.ends_at, now, done.counts
        journal.save()
        if done.publish:
            request_publish(reason=PUBLISH_REASON, page_ids=sorted(set(done.publish)))
    # Outside the transaction: what the kind reads widely must not hold the write lock.
    # (A run killed here leaves that undone, and verify_privacy names what it left.)
    more = declared.settle(item, values=done.values, needles=needles_of([journal]))
    if more:
        journal.counts = {**journal.counts, **more}
        journal.save(update_fields=["counts"])
    return journal
