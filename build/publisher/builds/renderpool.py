"""The render processes of a full build: one forked process per site, as many at once as
the workers and the memory budget allow.

A process per site, not a pool of long-lived ones: a forked child shares the parent's
export until it touches it, but reading a record writes its reference count and so copies
the page holding it. A process that renders several sites in turn ends up holding a copy
of each one it read, and its allocator keeps its high-water mark; a process per site holds
one site's copy and gives everything back when it exits.

A memory budget (``PUBLISH_MEMORY_MB``): a site is started beside the ones rendering only
if the parent's memory, the estimates of those running and its own fit in it. A site's
estimate is its number of records times the most any finished site used per record (a
measured default until one has finished); one site always renders, whatever its estimate.
On a small corpus every site renders at once; on a large one they take turns, which is
slower but keeps a build from taking the machine's memory from the CMS and the database.

The processes must never outlive or outwait their parent. They are forked from whatever
process builds (``db_worker`` installs its own SIGTERM handler, which a child would
inherit and so ignore the signal that stops it), so each child starts by restoring the
default signal handlers, asks the kernel to kill it when its parent dies, and drops its
inherited copy of the build lock. A child that dies is noticed at once
(``concurrent.futures`` breaks its executor, where ``multiprocessing.Pool`` waits forever
for its lost task), and any way out kills whatever children are left.
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from ..release import lock
from .treememory import own_mb, private_mb

logger = logging.getLogger(__name__)

# Private memory of a render process per record of its site, until one has finished: what
# the sites of the 100,000-page corpus used (about 9 KB a record, rounded up), and what
# an interpreter fresh from a fork holds of its own before it renders anything.
DEFAULT_PER_RECORD_MB = 12 / 1024
CHILD_BASE_MB = 40.0

PR_SET_PDEATHSIG = 1


def child_start(parent: int) -> None:
    """First thing in a forked render process (see the module's docstring)."""
    for name in ("SIGTERM", "SIGQUIT", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    # Ctrl-C reaches the whole process group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    lock.close_inherited()


def stop(executor: ProcessPoolExecutor) -> None:
    """Kill the executor's process, whatever it is doing, and wait for it to go."""
    processes = list((executor._processes or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)


def _measured(build: Callable[[str], object], site: str) -> tuple[object, float]:
    """In the child: ``build(site)``, and the private memory the child then holds."""
    return build(site), private_mb()


@dataclass
class Budget:
    """Which site may start now: ``records`` per site, ``limit_mb`` for the whole tree."""

    records: dict[str, int]
    limit_mb: float
    per_record_mb: float = DEFAULT_PER_RECORD_MB

    def estimate(self, site: str) -> float:
        return CHILD_BASE_MB + self.records.get(site, 0) * self.per_record_mb

    def learn(self, site: str, used_mb: float) -> None:
        """A finished site used ``used_mb`` of its own: later estimates use at least that
        much per record."""
        count = self.records.get(site, 0)
        if count and used_mb > CHILD_BASE_MB:
            self.per_record_mb = max(self.per_record_mb, (used_mb - CHILD_BASE_MB) / count)

    def next_site(self, pending: list[str], running: list[str], parent_mb: float) -> str | None:
        """The first of ``pending`` that fits beside ``running`` (any, when none runs)."""
        if not running:
            return pending[0] if pending else None
        used = parent_mb + sum(self.estimate(site) for site in running)
        return next((site for site in pending if used + self.estimate(site) <= self.limit_mb), None)


def render_all(
    sites: list[str],
    build: Callable[[str], object],
    failed: Callable[[str, str], object],
    *,
    workers: int,
    budget: Budget,
) -> list:
    """``build(site)`` for every site, each in a process of its own, largest sites first;
    ``failed(site, why)`` stands for the result of a site whose process died. Results come
    back in the order of ``sites``."""
    pending = sorted(sites, key=lambda site: budget.records.get(site, 0), reverse=True)
    running: dict[Future, tuple[str, ProcessPoolExecutor]] = {}
    results: dict[str, object] = {}
    parent = os.getpid()
    try:
        while pending or running:
            while len(running) < workers:
                site = budget.next_site(pending, [s for s, _ in running.values()], own_mb())
                if site is None:
                    break
                pending.remove(site)
                executor = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context("fork"),
                    initializer=child_start,
                    initargs=(parent,),
                )
                running[executor.submit(_measured, build, site)] = (site, executor)
            done, _ = wait(list(running), return_when=FIRST_COMPLETED)
            for future in done:
                site, executor = running.pop(future)
                try:
                    results[site], used_mb = future.result()
                    logger.info("%s rendered, its process holding %.0f MB", site, used_mb)
                    budget.learn(site, used_mb)
                except BrokenProcessPool as exc:
                    # The site fails (its live release stays) and the build is retried;
                    # the other sites still go live.
                    logger.error("Publishing %s failed: its render process died", site)
                    results[site] = failed(site, f"render process died: {exc}")
                executor.shutdown(wait=True)
    except BaseException:
        # The build timed out or the worker is being stopped: no child may go on
        # rendering, or hold anything, after this.
        for _, executor in running.values():
            stop(executor)
        raise
    return [results[site] for site in sites]
