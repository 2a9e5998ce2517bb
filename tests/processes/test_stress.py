"""The worker under fire: full and incremental builds through the real ``db_worker`` (as
``bin/run`` starts it), with SIGTERM and SIGKILL sent to the worker and to its render
processes at random moments. A killed worker is started again at once, as its service
manager would; the scheduler runs with a short retry interval. After every round the queue
drains within one retry interval plus the build itself, no render process outlives its
worker, and nothing is left holding the build lock.

``STRESS_BUILDS`` sets the number of rounds (``bin/test`` runs a short round; the figures
in the closing notes come from ``STRESS_BUILDS=200``).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from datetime import UTC, datetime

import pytest

from tests.procs import alive, children, cmdline

from .conftest import Platform, wait_for

pytestmark = pytest.mark.slow

ROUNDS = int(os.environ.get("STRESS_BUILDS", "10"))
RETRY_SECONDS = 2.0  # the scheduler's interval here; 30 s in bin/run
ACTIONS = ["none", "none", "term worker", "kill worker", "kill child", "term child"]


class Queue:
    """The platform's publish queue, read and written as rows (no Django in this process)."""

    def __init__(self, platform: Platform) -> None:
        self.db = sqlite3.connect(platform.var / "db.sqlite3", timeout=30, isolation_level=None)
        self.pages = [
            row[0]
            for row in self.db.execute("SELECT id FROM wagtailcore_page WHERE live AND depth > 2")
        ]

    def request(self, *, full: bool, rng: random.Random) -> None:
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        page = None if full else rng.choice(self.pages)
        self.db.execute(
            "INSERT INTO publisher_publishrequest (created_at, reason, page_id, site_key, full)"
            " VALUES (?, 'stress', ?, '', ?)",
            (now, page, full),
        )

    def length(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM publisher_publishrequest").fetchone()[0]


def _signal(worker, forked: list[int], action: str, rng: random.Random) -> None:
    """Stop or kill the worker, or one of its render processes (Pagefind's aside)."""
    if action == "term worker":
        worker.send_signal(signal.SIGTERM)  # a service stop: it may finish its task
    elif action == "kill worker":
        worker.send_signal(signal.SIGKILL)
    elif action in ("kill child", "term child") and forked:
        renderers = [pid for pid in forked if "pagefind" not in cmdline(pid)]
        if renderers:
            os.kill(
                rng.choice(renderers),
                signal.SIGKILL if action == "kill child" else signal.SIGTERM,
            )


def test_builds_under_random_signals_always_drain_the_queue(platform: Platform):
    rng = random.Random(int(os.environ.get("STRESS_SEED", "14")))
    queue = Queue(platform)
    start_worker = lambda: platform.start("publish_worker", "--interval", "0.5", "--no-reload")  # noqa: E731
    worker = start_worker()
    scheduler = platform.start("run_scheduler", "--interval", str(RETRY_SECONDS))
    drains: list[float] = []
    counts = dict.fromkeys(ACTIONS, 0)
    try:
        # A first full build measures how long one takes: the bound below allows for it.
        queue.request(full=True, rng=rng)
        began = time.monotonic()
        wait_for(lambda: queue.length() == 0, timeout=300)
        full_seconds = time.monotonic() - began
        for round_number in range(ROUNDS):
            full = round_number % 4 == 0
            queue.request(full=full, rng=rng)
            # Full builds (where render processes run) take every action in turn; page
            # builds (in the worker's own process) a random one.
            action = ACTIONS[(round_number // 4) % len(ACTIONS)] if full else rng.choice(ACTIONS)
            counts[action] += 1
            time.sleep(rng.uniform(0.2, full_seconds if full else 1.5))
            forked = children(worker.pid)
            _signal(worker, forked, action, rng)
            if action.endswith("worker"):
                try:
                    worker.wait(timeout=full_seconds + 30)
                except subprocess.TimeoutExpired:
                    pytest.fail(f"round {round_number}: the worker did not stop on {action}")
                # Its render processes die with it, and the lock is free for the next one.
                wait_for(lambda pids=forked: not any(map(alive, pids)), timeout=5)
                wait_for(lambda: not platform.building(), timeout=5)
                worker = start_worker()
            began = time.monotonic()
            limit = 2 * RETRY_SECONDS + 2 * full_seconds + 15
            waited = wait_for(lambda: queue.length() == 0, timeout=limit)
            drains.append(waited)
            print(f"round {round_number}: {'full' if full else 'page'} {action}: {waited:.1f} s")
        assert worker.poll() is None, "the worker is still running"
        assert scheduler.poll() is None, "the scheduler is still running"
    finally:
        platform.kill(scheduler)
        if worker.poll() is None:
            platform.kill(worker)
    drains.sort()
    print(
        f"{ROUNDS} rounds ({counts}); full build {full_seconds:.1f} s; queue drained in "
        f"median {drains[len(drains) // 2]:.1f} s, max {drains[-1]:.1f} s"
    )
    # The sites are whole after it all: a full build changes nothing.
    before = platform.tree()
    platform.manage("publish", "--full")
    assert platform.tree() == before
