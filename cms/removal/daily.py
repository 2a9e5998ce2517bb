"""The whole proof by itself, once a day: ``verify_privacy`` run by the scheduler.

Each removal proves its own data gone from every store when it finishes; what comes back
later (an editor quoting the person again, a restored file, a store a removal did not know
of) is found only by searching everything again. The scheduler queues this task when the
last proof is a day old; every item with data found is an incident (e-mailed to those the
kind alerts, on their dashboard, failing ``health``), and an incident of a finished
removal whose data is found nowhere any more is resolved. When the proof last ran and what
it found is kept beside the receipts (``last_proof``).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

from django_tasks import task

from django.utils import timezone

from . import incidents, receipts
from .models import Incident, Removal
from .privacy import verify
from .tasks import REMOVAL_PRIORITY

INTERVAL = timedelta(days=1)
# A proof queued and not run within this (the worker down) is queued again.
RETRY = timedelta(hours=1)


def _state_path() -> Path:
    return receipts.log_path().parent / "last-proof.json"


def last_proof() -> dict | None:
    """When the whole proof last ran and how many findings it had, or None."""
    try:
        return json.loads(_state_path().read_text())
    except (OSError, ValueError):
        return None


def _write(state: dict) -> None:
    path = _state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(state))


def _since(state: dict, key: str, now: datetime) -> timedelta | None:
    return now - datetime.fromisoformat(state[key]) if state.get(key) else None


def request_if_due(now: datetime) -> bool:
    """Queue the proof when the last one is a day old (and none is waiting); True if so."""
    state = last_proof() or {}
    ran, requested = _since(state, "at", now), _since(state, "requested", now)
    if (ran is not None and ran < INTERVAL) or (requested is not None and requested < RETRY):
        return False
    _write({**state, "requested": now.isoformat()})
    daily_proof.enqueue()
    return True


def run_proof(now: datetime) -> int:
    """Search every store; record what is found as incidents; returns the findings."""
    found: dict[tuple[str, int], set[str]] = {}
    for finding in verify(now):
        if finding.where == "lifetime ended, removal not finished":
            continue  # (overdue removals are the health check's own finding)
        found.setdefault((finding.kind, finding.item), set()).add(finding.store)
    for (name, item), stores in sorted(found.items()):
        problem = (
            f"{name} {item}: the daily proof found personal data again in "
            f"{', '.join(sorted(stores))} (manage.py verify_privacy names each place)"
        )
        incidents.record(kind_name=name, item=item, problem=problem, now=now)
    finished = {(j.kind, j.item_id) for j in Removal.objects.filter(finished_at__isnull=False)}
    for incident in Incident.objects.filter(resolved_at__isnull=True):
        owner = (incident.kind, incident.item_id)
        if owner in finished and owner not in found:
            incidents.resolve(kind_name=incident.kind, item=incident.item_id, now=now)
    _write({"at": now.isoformat(), "findings": len(found)})
    return len(found)


@task(priority=REMOVAL_PRIORITY - 10)
def daily_proof() -> int:
    """The whole proof (see the module); returns the number of items with data found."""
    return run_proof(timezone.now())
