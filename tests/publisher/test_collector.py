"""The worker's garbage collection: what survives a task is frozen, so later collections
leave it alone, and a frozen cycle that became garbage is still reclaimed in time; and what
the worker's fingerprint of its renderer reads."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from publisher import context
from publisher.worker import collector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cyclic collector frees it


@pytest.fixture
def fresh() -> Iterator[None]:
    gc.unfreeze()
    context.renew()
    yield
    gc.unfreeze()
    context.renew()


def test_settle_freezes_what_survived_and_a_collection_then_leaves_it(fresh):
    kept = Node()
    collector.settle()
    assert gc.get_freeze_count() > 0
    ref = weakref.ref(kept)
    del kept
    gc.collect()
    assert ref() is not None, "frozen objects are not walked by a collection"


def test_a_frozen_cycle_that_became_garbage_is_reclaimed_once_the_frozen_heap_grew(fresh):
    cycle = Node()
    collector.settle()
    ref = weakref.ref(cycle)
    del cycle
    collector.settle()  # nothing new of note: a young collection only
    assert ref() is not None
    grown = [Node() for _ in range(gc.get_freeze_count())]  # the frozen heap doubles
    collector.settle()
    assert ref() is None, "a full collection made after the growth reclaimed it"
    del grown
    # The survivors are frozen again, as the new baseline: later settles stay cheap.
    assert gc.get_freeze_count() > 0
    baseline = gc.get_freeze_count()
    collector.settle()
    assert gc.get_freeze_count() >= baseline


def test_the_renderer_fingerprint_reads_every_stage_and_the_records_contract():
    """A deploy that changes any module of the publisher or the records' contract makes
    the worker render anew: each is among the files the fingerprint reads."""
    from publisher.render import run

    build = Path(run.__file__).resolve().parents[2]
    read = set(run.fingerprinted_files())
    for name in (
        "records/contract.py",
        "records/kinds.py",
        "publisher/export/exporter.py",
        "publisher/render/outputs/pages.py",
        "publisher/plan/changes.py",
    ):
        assert build / name in read, name
