"""The build context: one memory of each kind per context, a new context remembers nothing,
and each thread has its own (a worker's tasks run in the thread that warmed it up)."""

from __future__ import annotations

import threading

from publisher import context
from publisher.render.memo import Memo
from publisher.worker import collector


def test_a_context_makes_each_memory_once_and_a_new_one_remembers_nothing():
    first = context.renew()
    memo = context.memory(Memo)
    assert context.memory(Memo) is memo
    assert first.held() == ["Memo"]
    second = context.renew()
    assert context.current() is second
    assert context.memory(Memo) is not memo
    assert first.memory(Memo) is memo, "the old context keeps its own"


def test_each_thread_has_a_context_of_its_own():
    context.renew()
    here = context.memory(Memo)
    seen: list = []
    thread = threading.Thread(target=lambda: seen.append(context.memory(Memo)))
    thread.start()
    thread.join()
    assert seen and seen[0] is not here
    assert context.memory(Memo) is here


def test_the_worker_never_runs_its_tasks_under_the_autoreloader(monkeypatch, tmp_path, settings):
    """The autoreloader runs the tasks in another thread than the warm-up's: ``--reload``
    is switched off, whatever was asked."""
    from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

    from publisher.management.commands.publish_worker import Command

    settings.OUTPUT_DIR = tmp_path  # no state: nothing to warm
    asked: dict = {}
    monkeypatch.setattr(WorkerCommand, "handle", lambda self, *a, **options: asked.update(options))
    monkeypatch.setattr(collector, "settle", lambda: None)  # no gc.freeze in the test process
    monkeypatch.setattr(collector, "watch", lambda: None)
    Command().handle(reload=True)
    assert asked["reload"] is False


class Mark:
    def __init__(self) -> None:
        self.value: str | None = None


def _seen(_: int) -> str | None:
    return context.memory(Mark).value


def test_a_forked_render_process_has_a_copy_of_its_parents_context():
    """The export handed to render processes and the lock's descriptor they close
    (``builds/renderpool.py``) are in the context of the thread that forks them."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context.renew()
    context.memory(Mark).value = "the parent's"
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
        assert pool.submit(_seen, 0).result() == "the parent's"
