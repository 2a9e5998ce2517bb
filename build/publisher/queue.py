"""The publishing queue: record changes, and build them in batches under one lock.

Any number of changes that arrive while a build runs are published together by the next
build (coalescing). Requests are deleted only once their build is live, so a crash or a
failure leaves them queued and the next run retries them.
"""

from __future__ import annotations

import fcntl
import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .incremental import ChangeSet, publish_changes
from .models import PublishRequest, PublishStatus
from .publish import PublishResult, publish_full

logger = logging.getLogger(__name__)
BATCH = 5000


def request_publish(*, reason: str, page_ids=(), site_key: str = "", full: bool = False) -> None:
    """Queue a change (inside the caller's transaction) and start the worker after commit."""
    rows = [PublishRequest(reason=reason, page_id=pid) for pid in page_ids]
    if site_key or full:
        rows.append(PublishRequest(reason=reason, site_key=site_key, full=full))
    if not rows:
        return
    PublishRequest.objects.bulk_create(rows)
    transaction.on_commit(enqueue_publish)


def enqueue_publish() -> None:
    from .tasks import publish_pending

    publish_pending.enqueue()


@contextmanager
def build_lock() -> Iterator[None]:
    """One build at a time per output folder, across processes and machines sharing it."""
    path = Path(settings.OUTPUT_DIR) / ".publish.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _status_running(sites: list[str]) -> None:
    now = timezone.now()
    for site in sites:
        PublishStatus.objects.update_or_create(site_key=site, defaults={"running_since": now})


def _status_done(result: PublishResult, seconds: float) -> None:
    now = timezone.now()
    for outcome in result.sites:
        values: dict = {"running_since": None}
        if outcome.error is None:
            values.update(last_success_at=now, last_duration=seconds, last_files=outcome.files)
        else:
            values.update(last_error=outcome.error, last_error_at=now)
        PublishStatus.objects.update_or_create(site_key=outcome.site, defaults=values)


def process_pending() -> PublishResult | None:
    """Build everything queued so far. Returns None when the queue was empty."""
    with build_lock():
        pending = list(PublishRequest.objects.order_by("id")[:BATCH])
        if not pending:
            return None
        changes = ChangeSet(
            page_ids={r.page_id for r in pending if r.page_id is not None},
            full_sites={r.site_key for r in pending if r.site_key},
        )
        from cms.core.models import SiteProfile

        sites = list(SiteProfile.objects.values_list("key", flat=True))
        _status_running(sites)
        started = time.perf_counter()
        full = any(r.full for r in pending)
        result = publish_full() if full else publish_changes(changes)
        seconds = time.perf_counter() - started
        _status_done(result, seconds)
        PublishStatus.objects.filter(running_since__isnull=False).update(running_since=None)
        if result.ok and result.index_error is None:
            PublishRequest.objects.filter(pk__in=[r.pk for r in pending]).delete()
        elif result.ok:
            logger.error(
                "The sites are live but the search index failed; %d change(s) stay queued: %s",
                len(pending),
                result.index_error,
            )
        else:
            failed = {o.site: o.error for o in result.sites if o.error}
            logger.error(
                "Publishing failed for %s; %d change(s) stay queued for the next run: %s",
                ", ".join(sorted(failed)),
                len(pending),
                failed,
            )
        return result
