"""Things that must happen on time with nobody present: scheduled go-live and expiry of
pages (press-release embargoes), removal of ended notices' personal data and the daily
proof that none came back, events moving from "upcoming" to "past" in listings when they
end, and retrying queued publishes."""

from __future__ import annotations

import io
import logging
from datetime import datetime

from django.core.management import call_command
from django.utils import timezone

from publisher.public import PublishRequest, due_for_time, enqueue_publish, request_publish

logger = logging.getLogger(__name__)
INTERVAL_SECONDS = 30


def tick(now: datetime | None = None) -> None:
    """One round: Wagtail publishes and expires what is due (its signals queue the
    rebuilds); anything still queued, e.g. after a failure, gets another worker run."""
    call_command("publish_scheduled", stdout=io.StringIO())
    ended = due_for_time(now)
    if ended and not PublishRequest.objects.filter(reason="event ended").exists():
        request_publish(reason="event ended", page_ids=sorted(ended))
    if PublishRequest.objects.exists():
        enqueue_publish()
    # The safety net of the tasks scheduled at each deadline of personal data (notices').
    from cms.removal import services
    from cms.removal.tasks import removal_due

    due = services.due(now=now or timezone.now())
    if due:
        removal_due.enqueue(*due[0])
    # The whole proof of every store, once a day (what came back after a removal).
    from cms.removal.daily import request_if_due

    request_if_due(now or timezone.now())
