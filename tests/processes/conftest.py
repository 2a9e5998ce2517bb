"""A platform of real processes, as ``bin/run`` starts it: its own folder and SQLite
database, ``manage.py`` commands, the ``db_worker`` and the scheduler. Tests here talk to it
only through processes and files, never through this test process's database."""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITES = ["city", "tourism", "business", "events", "climate"]


@dataclass
class Platform:
    var: Path
    env: dict[str, str]
    running: list[subprocess.Popen] = field(default_factory=list)

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def manage(self, *args: str, timeout: float = 300) -> str:
        done = self.run(*args, timeout=timeout)
        assert done.returncode == 0, f"manage.py {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def shell(self, code: str) -> str:
        """Run Python inside the platform (as an editor's request would), print to answer."""
        return self.manage("shell", "--no-imports", "-c", code).strip()

    def start(self, *args: str, settings: str = "") -> subprocess.Popen:
        """``manage.py args...`` in the background (with other settings, if given)."""
        log = (self.var / "log" / f"{args[0]}.log").open("a")
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings} if settings else self.env
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.running.append(process)
        return process

    def kill(self, process: subprocess.Popen) -> None:
        """SIGKILL: no clean-up code of the process runs, as in a crash or an OOM kill."""
        process.send_signal(signal.SIGKILL)
        process.wait()

    def building(self) -> bool:
        """Whether some process holds the build lock (is building) now."""
        with (self.var / "output" / ".publish.lock").open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
            return False

    def wait_building(self, process: subprocess.Popen, timeout: float = 60) -> None:
        """Until ``process`` holds the build lock (it has started building) or has ended."""
        wait_for(
            lambda: process.poll() is not None or self.building(), timeout=timeout, interval=0.005
        )

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.kill(process)
        self.running.clear()

    def live(self, site: str) -> Path:
        return (self.var / "output" / site / "current").resolve()

    def tree(self) -> dict[str, dict[str, str]]:
        """Every live file of every site, by digest."""
        trees = {}
        for site in SITES:
            root = self.live(site)
            trees[site] = {
                str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
                for path in sorted(root.rglob("*"))
                if path.is_file()
            }
        return trees


def wait_for(condition: Callable[[], bool], timeout: float, interval: float = 0.02) -> float:
    """Seconds until ``condition`` held; fails after ``timeout``."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            pytest.fail(f"not within {timeout} s")
        time.sleep(interval)
    return time.monotonic() - started


@pytest.fixture(scope="package")
def platform(tmp_path_factory) -> Iterator[Platform]:
    var = tmp_path_factory.mktemp("platform")
    (var / "log").mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TASKS_BACKEND"}
    }
    env.update(
        CITY_VAR_DIR=str(var),
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    platform = Platform(var=var, env=env)
    platform.manage("migrate", "--no-input", "-v0")
    platform.manage("sync_sites")
    platform.manage("load_demo")
    platform.shell(
        "from publisher.models import PublishRequest; PublishRequest.objects.all().delete()"
    )
    platform.manage("publish", "--full")
    # The demo has a notice whose display period has already ended: remove its personal
    # data now, as the scheduler's first round would, so every test starts settled.
    platform.manage("expire_notices")
    yield platform
    platform.stop_all()
