"""The reconciler: brings every store to "no personal data of any ended notice".

It runs at each notice's deadline (a task scheduled for that moment), from the scheduler's
periodic round, and as ``manage.py expire_notices``. For each ended notice page it

1. redacts the database in one transaction (``redact.py``): the page, every revision, log entries,
   workflow comments; deletes review comments, preview form states and personal documents;
   writes the journal (``NoticeRemoval``) with the files to delete and the needles; queues
   the publish. With the "remove" policy the page is then deleted;
2. deletes the personal files under MEDIA_ROOT;
3. publishes (page, listings, feeds, sitemap, Pagefind bundle, server index);
4. removes every older release, every search memo entry no live bundle is made of, and
   the file cache entries holding the notice's data; on SQLite, merges the full-text
   indexes and truncates the write-ahead log (what no query shows, but the file holds);
5. verifies the notice's rows and its section's static files, rewrites the history
   (revisions, log entries) of other pages that named the person (``history.py``), and
   appends a receipt with the time each step took.

Every step is idempotent and checks the state it leaves, so a run killed anywhere is
finished by the next one. After a database restore the journal is gone with the rest of
the database, and the notice, ended again, goes through every step again.
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

from cms.notices import incidents, receipts
from cms.notices.due import due
from cms.notices.models import NoticeRemoval

from . import history, leftovers, stores
from .redact import needles_of, redact_database

logger = logging.getLogger(__name__)


class ReconcileError(RuntimeError):
    """A step could not finish (a failed build, data found after redaction): retried later."""


@dataclass
class Outcome:
    page_id: int
    receipt: dict = field(default_factory=dict)


def delete_files(journal: NoticeRemoval) -> None:
    """Step 2: the personal files (the rows went in step 1). A file's name can be personal
    too ("kuuleminen-matti-meikalainen.pdf"): the task queued to delete the file keeps it,
    so it is scrubbed there, and the journal forgets the names once the files are gone."""
    if not journal.pending_files:
        return
    media_root = Path(settings.MEDIA_ROOT)
    for name in journal.pending_files:
        (media_root / name).unlink(missing_ok=True)
    leftovers.scrub_task_results(journal.pending_files, journal.redacted_at)
    journal.pending_files = []
    journal.save(update_fields=["pending_files"])


def publish() -> None:
    """Step 3: build what is queued (the page, listings, feeds, sitemap, search)."""
    from publisher.public import PublishRequest, process_pending

    # This run's requests: another removal (a notice deleted meanwhile) may queue its own
    # after this build has read the queue, and is not this run's to wait for.
    ours = PublishRequest.objects.filter(reason="notice ended")
    last = ours.order_by("-id").values_list("id", flat=True).first()
    for _build in range(3):  # a build another process started may have read the queue first
        result = process_pending()
        if result is not None and (not result.ok or result.index_error):
            raise ReconcileError("the publish failed; the next run tries again")
        if last is None or not ours.filter(id__lte=last).exists():
            return
    raise ReconcileError("the notice's publish is still queued")


def purge(needles) -> None:
    """Step 4: purge every store (``stores.py``): every copy older than the live release,
    every search memo entry no live bundle is made of, the file cache entries that hold
    the notice's data; on SQLite, the full-text indexes' old segments and the log."""
    stores.purge(needles)


def finish(
    journal: NoticeRemoval, needles, now: datetime, seconds: dict[str, float] | None = None
) -> dict:
    """Step 5: verify what this notice touched, write the receipt, close the journal."""
    from .privacy import verify_notice

    began = time.perf_counter()
    problems = verify_notice(journal.page_id, needles, journal.counts.get("documents", []))
    seconds = {**(seconds or {}), "verify": time.perf_counter() - began}
    if problems:
        raise ReconcileError(
            f"notice {journal.page_id}: personal data still in {', '.join(sorted(problems))}"
        )
    # Nothing live names the person: other pages' history that did is rewritten now.
    rewritten = history.scrub(journal.counts.get("other_pages", []), needles)
    receipt = {
        "notice": journal.page_id,
        "translation_key": journal.translation_key,
        "policy": journal.policy,
        "deadline": journal.ends_at.isoformat(),
        "started": journal.started_at.isoformat(),
        "redacted": journal.redacted_at.isoformat(),
        "finished": now.isoformat(),
        "counts": {**journal.counts, "other_history_rows": rewritten},
        "file_sha256": journal.file_digests,
        "needles": journal.needles,
        # How long each step of this run took (a run that finished an earlier one's work
        # has only its own steps).
        "seconds": {step: round(value, 3) for step, value in seconds.items()},
    }
    earlier = [r for r in receipts.read() if r.get("notice") == journal.page_id]
    if not any(r.get("redacted") == receipt["redacted"] for r in earlier):
        # (One with this journal's times was written by a run killed before it could
        # close the journal: not written twice.)
        if earlier:
            receipt["replayed"] = True  # removed before: a database restore brought it back
        receipts.append(receipt)
    journal.finished_at = now
    journal.save(update_fields=["finished_at"])
    return receipt


def reconcile(page_id: int, now: datetime | None = None) -> Outcome:
    """Every step for one notice; raises what stopped it."""
    outcomes, failures = reconcile_together([page_id], now or timezone.now())
    if failures:
        raise failures[page_id]
    return outcomes[0]


def reconcile_together(
    page_ids: list[int], now: datetime
) -> tuple[list[Outcome], dict[int, Exception]]:
    """Every step for notices ended together, each step for all of them before the next.
    Notices by one officer share values (the contact's name and number): verified one by
    one, the first would find its values in the pages of the others, not yet redacted.
    One publish and one purge serve them all. A notice that fails is returned with what
    stopped it, and the others go on."""
    failures: dict[int, Exception] = {}
    journals: dict[int, NoticeRemoval] = {}
    seconds: dict[int, dict[str, float]] = {}
    for page_id in page_ids:
        times = seconds[page_id] = {}
        began = time.perf_counter()
        try:
            journal = NoticeRemoval.objects.filter(page_id=page_id).first()
            if journal is None or journal.redacted_at is None:
                journal = redact_database(page_id, now)
                times["database"] = time.perf_counter() - began
            began = time.perf_counter()
            delete_files(journal)
            times["files"] = time.perf_counter() - began
        except Exception as exc:  # noqa: BLE001 - an incident; the next notice goes on
            failures[page_id] = exc
            continue
        journals[page_id] = journal
    if journals:
        try:
            shared = time.perf_counter()
            # Old addresses naming the person are published too (nginx's maps, redirect
            # pages): they go before the publish, or it would copy them again.
            history.forget_named_addresses(needles_of(journals.values()))
            publish()
            published = time.perf_counter()
            purge(needles_of(journals.values()))
            for page_id in journals:
                seconds[page_id].update(
                    publish=published - shared, purge=time.perf_counter() - published
                )
        except Exception as exc:  # noqa: BLE001 - each notice's incident (reconcile_due)
            failures.update(dict.fromkeys(journals, exc))
            journals = {}
    outcomes = []
    for page_id, journal in journals.items():
        try:
            receipt = finish(journal, needles_of([journal]), timezone.now(), seconds[page_id])
        except Exception as exc:  # noqa: BLE001 - an incident (reconcile_due); the others go on
            failures[page_id] = exc
        else:
            outcomes.append(Outcome(page_id, receipt))
    return outcomes, failures


def reconcile_due(now: datetime | None = None) -> list[Outcome]:
    """Publish what is scheduled to go live, then reconcile every ended notice. A notice
    that fails is an incident (``incidents.py``: recorded, alerted, shown) and is tried
    again next run; the others go on."""
    call_command("publish_scheduled", stdout=io.StringIO())
    now = now or timezone.now()
    outcomes, failures = reconcile_together(due(now), now)
    for page_id, exc in failures.items():
        # A step's own finding says it all; what no step expected gets its traceback.
        expected = isinstance(exc, ReconcileError)
        logger.error(
            "Notice %s: removal not finished, retried next run: %s",
            page_id,
            exc,
            exc_info=None if expected else exc,
        )
        incidents.record(page_id, str(exc) if expected else repr(exc), timezone.now())
    for outcome in outcomes:
        incidents.resolve(outcome.page_id, timezone.now())
    # Removals finished by an earlier release, which kept the deleted files' names.
    kept_names = NoticeRemoval.objects.filter(finished_at__isnull=False).exclude(pending_files=[])
    for journal in kept_names:
        delete_files(journal)
    return outcomes
