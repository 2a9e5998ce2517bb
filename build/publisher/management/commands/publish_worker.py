"""``manage.py publish_worker``: the task worker (django-tasks' ``db_worker``, same options)
that first reads the build state and makes its indexes, then takes tasks.

A worker that starts (a deploy, a crash, a service restart) would otherwise spend its first
build reading the state: on 100,000 pages, seconds that the first edit after the restart
waits for. Here that happens before the worker polls for tasks, and the log says how long
it took; a change queued meanwhile is published as soon as it is done.

A worker that starts under other themes, translations or publisher code than the ones that
rendered the live files (a deploy) queues a full build: an incremental build re-renders
only what changed, so the rest of each site would keep the old templates for good.

It never runs under Django's autoreloader (``--reload``, on by default with ``DEBUG``): that
runs the tasks in a thread of their own, and what the worker remembers between builds is
the build context of the thread that warmed it up (``publisher/context.py``).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

if TYPE_CHECKING:
    from publisher.plan.state import BuildState

logger = logging.getLogger(__name__)


class Command(WorkerCommand):
    help = "Run the task worker, with the publishing state read before the first task."

    def handle(self, *args, **options) -> None:
        from django_tasks.signals import task_finished

        from publisher.worker import collector
        from publisher.worker.warm import warm_up

        options["reload"] = False  # the tasks run in this thread, with its build context
        began = time.perf_counter()
        try:
            state = warm_up()
        except Exception:
            logger.exception("Reading the build state failed; the first build reads it again")
            state = None
        # What the state holds lives as long as the worker: frozen, the garbage collector
        # no longer walks it in the middle of a build (``publisher.worker.collector``).
        collector.watch()
        collector.settle()
        task_finished.connect(_settle, dispatch_uid="publisher.worker.collector")
        # On the worker's own output, whatever the log level, like its "Starting worker".
        what = "ready" if state is not None else "absent (the next build is a full one)"
        self.stdout.write(f"Publishing state {what} in {time.perf_counter() - began:.2f} s")
        if state is not None and rebuild_for_renderer(state):
            self.stdout.write(
                "The live sites were rendered by other templates or code: a full build is queued"
            )
        super().handle(*args, **options)


def _settle(**kwargs) -> None:
    from publisher.worker import collector

    collector.settle()


def rebuild_for_renderer(state: BuildState) -> bool:
    """Queue a full build if the live files were not all rendered by this code and these
    themes and translations (``render.renderer_fingerprint``). True if one was queued."""
    from publisher.render.run import renderer_fingerprint
    from publisher.worker.queue import request_publish

    if state.renderer == renderer_fingerprint():
        return False
    request_publish(reason="templates changed", full=True)
    return True
