"""The task worker as the benchmarks run it: ``manage.py publish_worker`` in a process of its own,
with the options ``bin/run`` gives it, logging to a file; and a wait until it is ready."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings

# What bin/run passes (keep the two the same).
WORKER_ARGS = ("publish_worker", "--interval", "0.1", "--no-reload", "--no-startup-delay")
READY = b"Starting worker"


def start_worker(log: Path) -> subprocess.Popen:
    manage = Path(settings.BASE_DIR) / "manage.py"
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as handle:
        return subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, str(manage), *WORKER_ARGS],
            env={**os.environ, "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING")},
            stdout=handle,
            stderr=subprocess.STDOUT,
        )


def wait_ready(worker: subprocess.Popen, log: Path, since: int, timeout: float = 120) -> float:
    """Seconds until the worker logged that it polls for tasks (``since``: the log's size
    when it was started)."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if worker.poll() is not None:
            raise RuntimeError(f"the worker exited with {worker.returncode}: see {log}")
        with log.open("rb") as handle:
            handle.seek(since)
            if READY in handle.read():
                return time.monotonic() - began
        time.sleep(0.02)
    raise RuntimeError(f"the worker did not start within {timeout:.0f} s: see {log}")


def wait_until(condition, *, timeout: float, interval: float, what: str) -> None:
    """Poll ``condition`` every ``interval`` seconds until it holds; RuntimeError naming
    ``what`` after ``timeout``. The caller reads its clock right after."""
    began = time.monotonic()
    while not condition():
        if time.monotonic() - began > timeout:
            raise RuntimeError(f"{what}: not within {timeout:.0f} s (see the worker's log)")
        time.sleep(interval)


def stop_worker(worker: subprocess.Popen) -> None:
    worker.terminate()
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident size so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
