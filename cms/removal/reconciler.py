"""The reconciler: brings every store to "no removed personal data", for every kind.

It runs at each item's deadline (a task scheduled for that moment), from the scheduler's
periodic round, and as ``manage.py expire_notices``. For each item whose lifetime ended it

1. has the item's kind remove its data from the database and writes the journal
   (``Removal``) with the files to delete and the needles, in one transaction
   (``database.py``); the publish is queued;
2. deletes the item's files under MEDIA_ROOT;
3. publishes what the kinds queued (pages, listings, feeds, sitemap, search);
   frontend caches and CDNs (if configured) forget every address it changed (the
   publisher purges them whenever a release goes live: ``publisher/release/purge.py``);
4. removes every older release, every search memo entry no live bundle is made of, and
   the file cache entries holding the removed data; on SQLite, merges the full-text
   indexes and truncates the write-ahead log (what no query shows, but the file holds);
5. verifies what the item touched (its kind says which rows and files), lets the kind
   clean up what it does only once nothing live holds the data (a notice: other pages'
   history that named the person);
6. searches every store once for all the values the round took away (the proof of
   ``verify_privacy``, values some item lawfully holds now left to the items' own proofs),
   and appends a receipt, with the time each step took, for each item found nowhere; an
   item found somewhere is an incident naming each place.

Every step is idempotent and checks the state it leaves, so a run killed anywhere is
finished by the next one. After a database restore the journal is gone with the rest of
the database, and the item, ended again, goes through every step again.
"""

from __future__ import annotations

import io
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from cms.core.personal_data import PUBLISH_REASON

from . import incidents, keys, leftovers, receipts, stores
from .database import needles_of, redact
from .due import due
from .kinds import kind
from .models import Removal
from .scans import Owner

logger = logging.getLogger(__name__)


class ReconcileError(RuntimeError):
    """A step could not finish (a failed build, data found after redaction): retried later."""


@dataclass
class Outcome:
    kind: str
    item: int
    receipt: dict = field(default_factory=dict)


def delete_files(journal: Removal) -> None:
    """Step 2: the personal files (the rows went in step 1). A file's name can be personal
    too ("kuuleminen-matti-meikalainen.pdf"): the task queued to delete the file keeps it,
    so it is scrubbed there, and the journal forgets the names once the files are gone."""
    if not journal.pending_files:
        return
    media_root = Path(settings.MEDIA_ROOT).resolve()
    for name in journal.pending_files:
        path = (media_root / name).resolve()
        # (A restored backup's document whose sealed name could not be read has none.)
        if path != media_root and path.is_relative_to(media_root):
            path.unlink(missing_ok=True)
    leftovers.scrub_task_results(journal.pending_files, journal.redacted_at)
    journal.pending_files = []
    journal.save(update_fields=["pending_files"])


def publish() -> None:
    """Step 3: build what is queued (pages, listings, feeds, sitemap, search)."""
    from publisher.public import PublishRequest, process_pending

    # This run's requests: another removal (a notice deleted meanwhile) may queue its own
    # after this build has read the queue, and is not this run's to wait for.
    ours = PublishRequest.objects.filter(reason=PUBLISH_REASON)
    last = ours.order_by("-id").values_list("id", flat=True).first()
    for _build in range(3):  # a build another process started may have read the queue first
        result = process_pending()
        if result is not None and (not result.ok or result.index_error):
            raise ReconcileError("the publish failed; the next run tries again")
        if last is None or not ours.filter(id__lte=last).exists():
            return
    raise ReconcileError("the removal's publish is still queued")


def purge(needles) -> None:
    """Step 4: purge every store (``stores.py``): every copy older than the live release,
    every search memo entry no live bundle is made of, the file cache entries that hold
    removed data; on SQLite, the full-text indexes' old segments and the log."""
    stores.purge(needles)


def prove(journal: Removal, needles) -> dict:
    """Step 5: verify what this item touched, then what its kind cleans up only once
    nothing live holds the data (more counts for the receipt)."""
    from .privacy import verify_item

    problems = verify_item(
        kind_name=journal.kind, item=journal.item_id, needles=needles, counts=journal.counts
    )
    if problems:
        raise ReconcileError(
            f"{journal.kind} {journal.item_id}: personal data still in "
            f"{', '.join(sorted(problems))}"
        )
    more = kind(journal.kind).after_proof(journal.item_id, journal.counts, needles)
    if any(more.values()):
        # Rows it rewrote keep their old text in the write-ahead log until a checkpoint.
        leftovers.compact_sqlite()
    return more


def finish(
    journal: Removal, more: dict, now: datetime, seconds: dict[str, float] | None = None
) -> dict:
    """Step 6, once every store was searched: the receipt; the journal closed."""
    seconds = seconds or {}
    receipt = {
        "kind": journal.kind,
        "item": journal.item_id,
        "reference": journal.reference,
        "policy": journal.policy,
        "deadline": journal.ends_at.isoformat(),
        "started": journal.started_at.isoformat(),
        "redacted": journal.redacted_at.isoformat(),
        "finished": now.isoformat(),
        "counts": {**journal.counts, **more},
        "file_sha256": journal.file_digests,
        "needles": journal.needles,
        # Its data in every backup made so far becomes unreadable (``keys.py``): once its
        # needles are in a receipt, which a restore of any backup keeps looking for.
        "backup_key_destroyed": keys.destroy(journal.kind, journal.item_id)
        or not keys.exists(journal.kind, journal.item_id),
        # How long each step of this run took (a run that finished an earlier one's work
        # has only its own steps).
        "seconds": {step: round(value, 3) for step, value in seconds.items()},
    }
    owner = (journal.kind, journal.item_id)
    earlier = [r for r in receipts.read() if receipts.owner(r) == owner]
    if not any(r.get("redacted") == receipt["redacted"] for r in earlier):
        # (One with this journal's times was written by a run killed before it could
        # close the journal: not written twice.)
        if earlier:
            receipt["replayed"] = True  # removed before: a database restore brought it back
        receipts.append(receipt)
    journal.finished_at = now
    journal.save(update_fields=["finished_at"])
    return receipt


def reconcile(kind_name: str, item: int, now: datetime | None = None) -> Outcome:
    """Every step for one item; raises what stopped it."""
    outcomes, failures = reconcile_together([(kind_name, item)], now or timezone.now())
    if failures:
        raise failures[(kind_name, item)]
    return outcomes[0]


def _redacted(owners: list[Owner], now: datetime, seconds, failures) -> dict[Owner, Removal]:
    """Steps 1 and 2 for each item; one that fails is in ``failures`` and the others go on."""
    journals: dict[Owner, Removal] = {}
    for owner in owners:
        times = seconds[owner] = {}
        began = time.perf_counter()
        try:
            journal = Removal.objects.filter(kind=owner[0], item_id=owner[1]).first()
            if journal is None or journal.redacted_at is None:
                journal = redact(kind_name=owner[0], item=owner[1], now=now)
                times["database"] = time.perf_counter() - began
            began = time.perf_counter()
            delete_files(journal)
            times["files"] = time.perf_counter() - began
        except Exception as exc:  # noqa: BLE001 - an incident; the next item goes on
            failures[owner] = exc
            continue
        journals[owner] = journal
    return journals


def reconcile_together(
    owners: list[Owner], now: datetime
) -> tuple[list[Outcome], dict[Owner, Exception]]:
    """Every step for items ended together, each step for all of them before the next.
    Notices by one officer share values (the contact's name and number): verified one by
    one, the first would find its values in the pages of the others, not yet redacted.
    One publish and one purge serve them all. An item that fails is returned with what
    stopped it, and the others go on."""
    failures: dict[Owner, Exception] = {}
    seconds: dict[Owner, dict[str, float]] = {}
    journals = _redacted(owners, now, seconds, failures)
    if journals:
        try:
            shared = time.perf_counter()
            needles = needles_of(journals.values())
            declared = [kind(name) for name in sorted({owner[0] for owner in journals})]
            for found in declared:
                found.before_publish(needles)
            if any(found.publishes for found in declared):
                publish()  # (a kind whose data never reached the sites waits for no build)
            published = time.perf_counter()
            purge(needles)
            for owner in journals:
                seconds[owner].update(
                    publish=published - shared, purge=time.perf_counter() - published
                )
        except Exception as exc:  # noqa: BLE001 - each item's incident (reconcile_due)
            failures.update(dict.fromkeys(journals, exc))
            journals = {}
    proven: dict[Owner, dict] = {}
    for owner, journal in journals.items():
        began = time.perf_counter()
        try:
            proven[owner] = prove(journal, needles_of([journal]))
        except Exception as exc:  # noqa: BLE001 - an incident (reconcile_due); the others go on
            failures[owner] = exc
        seconds[owner]["verify"] = time.perf_counter() - began
    return _receipts({o: journals[o] for o in proven}, proven, seconds, failures), failures


def _receipts(journals: dict[Owner, Removal], proven: dict[Owner, dict], seconds, failures):
    """Every store searched once for all the round's values; a receipt for each item found
    nowhere, an incident naming each place for the others."""
    from .privacy import verify_round

    began = time.perf_counter()
    left = verify_round(needles_of(journals.values()), timezone.now()) if journals else {}
    outcomes = []
    for owner, journal in journals.items():
        seconds[owner]["verify_everywhere"] = time.perf_counter() - began
        if left.get(owner):
            failures[owner] = ReconcileError(
                f"{owner[0]} {owner[1]}: personal data still in {', '.join(sorted(left[owner]))}"
            )
            continue
        outcomes.append(
            Outcome(*owner, finish(journal, proven[owner], timezone.now(), seconds[owner]))
        )
    return outcomes


def reconcile_due(now: datetime | None = None) -> list[Outcome]:
    """Publish what is scheduled to go live, then reconcile every item whose lifetime
    ended. An item that fails is an incident (``incidents.py``: recorded, alerted, shown)
    and is tried again next run; the others go on."""
    call_command("publish_scheduled", stdout=io.StringIO())
    now = now or timezone.now()
    outcomes, failures = reconcile_together(due(now), now)
    for (name, item), exc in failures.items():
        # A step's own finding says it all; what no step expected gets its traceback.
        expected = isinstance(exc, ReconcileError)
        logger.error(
            "%s %s: removal not finished, retried next run: %s",
            name,
            item,
            exc,
            exc_info=None if expected else exc,
        )
        problem = str(exc) if expected else repr(exc)
        incidents.record(kind_name=name, item=item, problem=problem, now=timezone.now())
    for outcome in outcomes:
        incidents.resolve(kind_name=outcome.kind, item=outcome.item, now=timezone.now())
    # Removals finished by an earlier release, which kept the deleted files' names.
    kept_names = Removal.objects.filter(finished_at__isnull=False).exclude(pending_files=[])
    for journal in kept_names:
        delete_files(journal)
    return outcomes
