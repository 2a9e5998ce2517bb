"""The removal as a service, for any app's kind of personal data (``cms.core.personal_data``):
keyword-only calls, each one thing.

- ``schedule``: a task at each of an item's moments (its start, the end of its lifetime);
- ``remove_now``: an item deleted before its lifetime ended takes its data with it;
- ``reconcile_due``: every removal that is due, each from its database step to its receipt;
- ``due``, ``overdue``, ``verify``: what is due or late, and the proof that no store holds
  removed data; ``reopen``: removals whose data the proof found again;
- ``describe``: an item as people are told about it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from .due import due as _due
from .models import Deadline
from .scans import Finding


def schedule(*, kind_name: str, item: int, moments: Iterable[datetime | None]) -> None:
    """Queue the removal task for each future moment, unless one is already queued."""
    from django_tasks import default_task_backend

    from .tasks import removal_due

    if not default_task_backend.supports_defer:
        return  # an immediate backend (tests) cannot wait: the scheduler covers it
    now = timezone.now()
    for moment in set(moments):
        if moment is None or moment <= now:
            continue
        try:
            with transaction.atomic():
                Deadline.objects.create(kind=kind_name, item_id=item, moment=moment)
        except IntegrityError:
            continue  # already scheduled
        transaction.on_commit(
            lambda moment=moment: removal_due.using(run_after=moment).enqueue(kind_name, item)
        )


def remove_now(*, kind_name: str, item: int) -> None:
    """The item is being deleted before its lifetime ended: its data goes in the deletion's
    transaction, and the files, build and proof right after it (and in every round)."""
    from .database import redact
    from .tasks import removal_due

    redact(kind_name=kind_name, item=item, now=timezone.now(), deleting=True)
    transaction.on_commit(lambda: removal_due.enqueue(kind_name, item))


def reconcile_due(*, now: datetime | None = None) -> list:
    """Every removal that is due (see ``reconciler.reconcile_due``); returns the outcomes."""
    from .reconciler import reconcile_due as run

    return run(now)


def due(*, now: datetime) -> list[tuple[str, int]]:
    """(kind, item) of every removal due at ``now`` and not finished."""
    return _due(now)


def overdue(*, now: datetime, grace: timedelta) -> list[tuple[str, int]]:
    """(kind, item) of every removal not finished ``grace`` after the lifetime ended."""
    return _due(now - grace, begun=False)


def verify(*, now: datetime) -> list[Finding]:
    """Every finding of every store for every removal due or done (``privacy.py``)."""
    from .privacy import verify as run

    return run(now)


def reopen(*, owners: Iterable[tuple[str, int]]) -> int:
    """Removals whose data the proof found again (a restore published it anew): their
    journals are open again, so the next round removes, publishes, proves and, if it
    still cannot, raises their incidents. Returns how many were reopened."""
    from .models import Removal

    reopened = 0
    for name, item in set(owners):
        journals = Removal.objects.filter(kind=name, item_id=item, finished_at__isnull=False)
        reopened += journals.update(finished_at=None)
    return reopened


def describe(*, kind_name: str, item: int) -> str:
    """The item as people are told about it ("notice 12"), in the active language."""
    from .kinds import described

    return described(kind_name, item)
