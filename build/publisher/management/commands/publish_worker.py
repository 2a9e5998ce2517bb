"""``manage.py publish_worker``: the task worker (django-tasks' ``db_worker``, same options)
that first reads the build state and makes its indexes, then takes tasks.

A worker that starts (a deploy, a crash, a service restart) would otherwise spend its first
build reading the state: on 100,000 pages, seconds that the first edit after the restart
waits for. Here that happens before the worker polls for tasks, and the log says how long
it took; a change queued meanwhile is published as soon as it is done.
"""

from __future__ import annotations

import logging
import time

from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

logger = logging.getLogger(__name__)


class Command(WorkerCommand):
    help = "Run the task worker, with the publishing state read before the first task."

    def handle(self, *args, **options) -> None:
        from publisher.incremental import warm_up

        began = time.perf_counter()
        try:
            state = warm_up()
        except Exception:  # noqa: BLE001 - a state that cannot be used costs a full build
            logger.exception("Reading the build state failed; the first build reads it again")
            state = None
        # On the worker's own output, whatever the log level, like its "Starting worker".
        what = "ready" if state is not None else "absent (the next build is a full one)"
        self.stdout.write(f"Publishing state {what} in {time.perf_counter() - began:.2f} s")
        super().handle(*args, **options)
