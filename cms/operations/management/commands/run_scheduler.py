"""``manage.py run_scheduler``: run scheduled publishing every 30 seconds, forever."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from cms.operations.scheduler import INTERVAL_SECONDS, tick

logger = logging.getLogger("cms.operations.scheduler")


class Command(BaseCommand):
    help = "Publish and expire scheduled pages on time and retry queued publishes."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=INTERVAL_SECONDS)
        parser.add_argument("--once", action="store_true", help="Run one round and exit.")

    def handle(self, *args, **options):
        while True:
            close_old_connections()
            try:
                tick()
            except Exception:
                logger.exception("Scheduler round failed; trying again next round")
            if options["once"]:
                return
            time.sleep(options["interval"])
