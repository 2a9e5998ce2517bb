"""Things that must happen on time with nobody present: scheduled go-live and expiry of
pages (press-release embargoes), and retrying publishes that are still queued."""

from __future__ import annotations

import io
import logging

from django.core.management import call_command

from .models import PublishRequest
from .queue import enqueue_publish

logger = logging.getLogger(__name__)
INTERVAL_SECONDS = 30


def tick() -> None:
    """One round: Wagtail publishes and expires what is due (its signals queue the
    rebuilds); anything still queued, e.g. after a failure, gets another worker run."""
    call_command("publish_scheduled", stdout=io.StringIO())
    if PublishRequest.objects.exists():
        enqueue_publish()
