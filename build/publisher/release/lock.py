"""The build lock: one build at a time per output folder, across processes.

It is an ``flock`` on ``OUTPUT_DIR/.publish.lock``, which the kernel releases when the
holder dies, however it dies (SIGKILL, an out-of-memory kill). A dead process can still
keep such a lock through a child that inherited the descriptor, so the render processes a
build forks close their copy first thing (``close_inherited``) and are killed with their
parent. While held, the file names its holder (process, host, since) for the status view
and the health check; ``holder()`` says who builds now, or None.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from ..context import memory


@dataclass
class Held:
    """The lock as a build context holds it: its descriptor while held, and who it says
    holds it."""

    fd: int | None = None
    owner: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    since: float  # time.time() when the lock was taken
    limit: float | None = None  # seconds the holder's build may take (see ``set_limit``)

    @property
    def seconds(self) -> float:
        return max(0.0, time.time() - self.since)


def lock_path() -> Path:
    return Path(settings.OUTPUT_DIR) / ".publish.lock"


@contextmanager
def build_lock() -> Iterator[None]:
    """Wait for the lock, hold it for the block."""
    held = memory(Held)
    path = lock_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        held.fd = fd
        _describe({"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()})
        try:
            yield
        finally:
            held.fd = None
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _describe(owner: dict) -> None:
    held = memory(Held)
    held.owner = owner
    if held.fd is not None:
        os.ftruncate(held.fd, 0)
        os.pwrite(held.fd, json.dumps(owner).encode(), 0)


def set_limit(seconds: float) -> None:
    """Say how long the build holding the lock may take: past it, it is stuck."""
    _describe({**memory(Held).owner, "limit": seconds})


def close_inherited() -> None:
    """In a forked child of the holder: drop the inherited descriptor, so that the lock
    is the parent's alone and goes when the parent goes."""
    held = memory(Held)
    if held.fd is not None:
        with suppress(OSError):
            os.close(held.fd)
        held.fd = None


def holder() -> Holder | None:
    """Who holds the lock now (None: nobody is building)."""
    path = lock_path()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            pass
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        try:
            owner = json.loads(os.pread(fd, 4096, 0) or b"{}")
            limit = owner.get("limit")
            return Holder(
                int(owner["pid"]),
                str(owner["host"]),
                float(owner["since"]),
                float(limit) if limit is not None else None,
            )
        except (ValueError, KeyError, TypeError):
            # Taken a moment ago and not yet named: a build that has just started.
            return Holder(0, "", time.time())
    finally:
        os.close(fd)
