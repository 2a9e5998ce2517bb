"""The publishing queue: record changes, and build them in batches under one lock.

Any number of changes that arrive while a build runs are published together by the next
build (coalescing). Requests are deleted only once their build is live, so a crash or a
failure leaves them queued and the next run retries them. A build has a time limit: past
it, the build is ended (its render processes with it), reported, and retried.
"""

from __future__ import annotations

import cProfile
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from ..builds import problems
from ..builds.full import PublishResult, SiteResult, publish_full
from ..builds.incremental import ChangeSet, publish_changes
from ..models import PublishRequest, PublishStatus
from ..release.lock import build_lock, set_limit

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


# How a queued change reaches the worker, and an image its renditions: the publisher's
# tasks (``tasks.py``), addressed by name as a task queue addresses them. The tasks run
# this module's builds, so this module names them instead of importing them (no cycle).
PUBLISH_TASK = "publisher.tasks.publish_pending"
RENDITIONS_TASK = "publisher.tasks.make_renditions"


def enqueue_publish() -> None:
    import_string(PUBLISH_TASK).enqueue()


def enqueue_renditions(image_id: int) -> None:
    import_string(RENDITIONS_TASK).enqueue(image_id)


class BuildTimeout(BaseException):
    """Not an Exception: the handlers that keep one site's failure from stopping the others
    must not catch it, or the build would go on past its limit."""


def time_limit(full: bool) -> float:
    return float(
        settings.PUBLISH_FULL_TIMEOUT_SECONDS if full else settings.PUBLISH_TIMEOUT_SECONDS
    )


@contextmanager
def _ended_after(seconds: float) -> Iterator[None]:
    """Raise BuildTimeout in this thread after ``seconds``. Only the main thread gets
    signals, which is where the worker runs its tasks; elsewhere (a web request running a
    task immediately) there is no limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise BuildTimeout(f"the build ran past its limit of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _status_running(sites: list[str]) -> None:
    now = timezone.now()
    # One transaction, not one commit (and one sync to disk) per site: this is on the way
    # from an editor's click to the live page.
    with transaction.atomic():
        for site in sites:
            PublishStatus.objects.update_or_create(site_key=site, defaults={"running_since": now})


def _status_done(result: PublishResult, seconds: float) -> None:
    now = timezone.now()
    with transaction.atomic():
        for outcome in result.sites:
            values: dict = {"running_since": None}
            if outcome.error is None:
                values.update(last_success_at=now, last_duration=seconds, last_files=outcome.files)
            else:
                values.update(last_error=outcome.error, last_error_at=now)
            PublishStatus.objects.update_or_create(site_key=outcome.site, defaults=values)
    problems.record(result.sites)


@contextmanager
def _profiled() -> Iterator[None]:
    """With PUBLISH_PROFILE_DIR set, the build is profiled into a file of its own."""
    folder = settings.PUBLISH_PROFILE_DIR
    if not folder:
        yield
        return
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        Path(folder).mkdir(parents=True, exist_ok=True)
        profile.dump_stats(Path(folder) / f"build-{time.time_ns()}-{os.getpid()}.prof")


def process_pending() -> PublishResult | None:
    """Build everything queued so far. Returns None when the queue was empty."""
    result = _build_pending()
    if result is not None and result.awaiting_images:
        # Outside the lock: the task republishes when it is done (at once, with the
        # immediate backend of the tests).
        for image_id in sorted(result.awaiting_images):
            enqueue_renditions(image_id)
    return result


def _build_pending() -> PublishResult | None:
    with build_lock():
        pending = list(PublishRequest.objects.order_by("id")[:BATCH])
        if not pending:
            # A build killed before it could say it ended: nobody is building now.
            PublishStatus.objects.filter(running_since__isnull=False).update(running_since=None)
            return None
        changes = ChangeSet(
            page_ids={r.page_id for r in pending if r.page_id is not None},
            full_sites={r.site_key for r in pending if r.site_key},
        )
        from cms.core.models import SiteProfile

        # From the oldest change's commit to this build's start: the worker's polling and
        # whatever build ran before (with ``live`` below, an editor's wait).
        waited = (timezone.now() - pending[0].created_at).total_seconds()
        sites = list(SiteProfile.objects.values_list("key", flat=True))
        _status_running(sites)
        started = time.perf_counter()
        full = any(r.full for r in pending)
        set_limit(time_limit(full))
        try:
            with _ended_after(time_limit(full)), _profiled():
                result = publish_full() if full else publish_changes(changes)
        except BuildTimeout as exc:
            logger.error("%s; %d change(s) stay queued for the next run", exc, len(pending))
            result = PublishResult(sites=[SiteResult(site=site, error=str(exc)) for site in sites])
            from ..plan.state import forget

            # The copy in memory may be half updated; the file still describes the sites
            # (one switched live meanwhile is rebuilt whole, see BuildState.releases).
            forget()
        finally:
            # However the build ended (a second SIGTERM to the worker raises SystemExit
            # here), it is no longer running.
            PublishStatus.objects.filter(running_since__isnull=False).update(running_since=None)
        _settled(result, pending, time.perf_counter() - started, waited)
        return result


def _settled(
    result: PublishResult, pending: list[PublishRequest], seconds: float, waited: float
) -> None:
    """Say how the build went; take its requests off the queue only if all of it is live."""
    live = [o.site for o in result.sites if o.release is not None]
    # Where a build's time went, for whoever watches the worker's log.
    logger.info(
        "Build of %d change(s) took %.3f s, %.3f s after the first was queued, live: %s (%s)",
        len(pending),
        seconds,
        waited,
        ", ".join(live) or "nothing changed",
        ", ".join(f"{step} {value:.3f} s" for step, value in result.timings.items()),
    )
    _status_done(result, seconds)
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
