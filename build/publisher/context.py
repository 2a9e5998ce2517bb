"""The build context: the one object that owns what the publisher keeps from build to build.

A long-lived worker is fast because it remembers: the build state it last saved, where every
page was found, each record list's indexes, listing pages and cards made from unchanged
records, calendars' events, the segments of the state on disk, the build lock it holds.
None of that lives in a module: each is a small class of the module that uses it, and the
context holds one instance of each, made on first use (``memory``). A new context is a
process that remembers nothing: a full build then renders everything, as a new worker does.

The context of the running code is ``current()``: one per thread (``contextvars``), made
when first asked for. The worker keeps its own for its whole life (its tasks run in the
thread that warmed it up); ``renew()`` starts over, as a test does that needs a process
that remembers nothing, or after a build was cut short with its memory half updated.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")


class BuildContext:
    """What one process remembers between builds, one instance per kind of memory."""

    def __init__(self) -> None:
        self._memory: dict[type, Any] = {}

    def memory(self, kind: type[T]) -> T:
        """This context's instance of ``kind`` (a class taking no arguments), made on
        first use."""
        found = self._memory.get(kind)
        if found is None:
            found = self._memory[kind] = kind()
        return found

    def held(self) -> list[str]:
        """The names of the memories made so far."""
        return sorted(kind.__qualname__ for kind in self._memory)


_current: ContextVar[BuildContext] = ContextVar("publisher_build_context")


def current() -> BuildContext:
    """The running code's context, made on first use."""
    try:
        return _current.get()
    except LookupError:
        return renew()


def renew() -> BuildContext:
    """Forget everything remembered: the running code has a new, empty context."""
    context = BuildContext()
    _current.set(context)
    return context


def memory(kind: type[T]) -> T:
    """``current().memory(kind)``: what the modules call."""
    return current().memory(kind)
