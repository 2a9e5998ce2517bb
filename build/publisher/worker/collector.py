"""The garbage collector in a long-lived publishing worker: its pauses logged, and kept off
the builds.

A worker on 100,000 pages holds millions of objects (the build state, its indexes, the
listing memo) that live as long as it does. CPython's collector scans all of them in every
full collection, 0.5–1.1 s each, and starts one whenever enough new objects have
survived: in the middle of some edit's build. Here the survivors of each task are frozen
(``gc.freeze``) once it ended, so later collections scan only what is new since. Frozen
objects that turn into cyclic garbage would never be collected: when the frozen heap has
grown by half since the last full collection, one is made, after a task, never inside one.
"""

from __future__ import annotations

import gc
import logging
import time

from ..context import memory

logger = logging.getLogger(__name__)
# A pause longer than this is logged.
SLOW_SECONDS = 0.05
# A full collection when the frozen objects have grown by this share since the last one.
REGROWTH = 0.5


class Collector:
    """A build context's view of the collector: when the running collection began, and
    how many objects were frozen after the last full one."""

    def __init__(self) -> None:
        self.started = 0.0
        self.baseline = 0

    def timed(self, phase: str, info: dict) -> None:
        if phase == "start":
            self.started = time.perf_counter()
            return
        if not self.started:
            return
        seconds = time.perf_counter() - self.started
        if seconds >= SLOW_SECONDS:
            logger.info(
                "Garbage collection of generation %d took %.3f s (%d collected)",
                info["generation"],
                seconds,
                info["collected"],
            )

    def watch(self) -> None:
        if self.timed not in gc.callbacks:
            gc.callbacks.append(self.timed)

    def settle(self) -> None:
        gc.collect()
        gc.freeze()
        if not self.baseline:
            self.baseline = gc.get_freeze_count()  # that collection was a full one
        elif gc.get_freeze_count() > self.baseline * (1 + REGROWTH):
            # A full collection reclaims what died among the frozen, then the survivors
            # are frozen again as the new baseline (left unfrozen, every later settle and
            # any automatic collection would walk the whole long-lived heap again).
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.baseline = gc.get_freeze_count()


def watch() -> None:
    """Log slow collections in this process (once)."""
    memory(Collector).watch()


def settle() -> None:
    """Between tasks: collect what is young, then freeze what survived. Cheap once the
    long-lived objects are frozen; a full collection now and then reclaims frozen ones."""
    memory(Collector).settle()
