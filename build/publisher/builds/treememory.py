"""The memory a process and everything it forked really use, sampled while a benchmark runs.

A process's peak RSS says little about a build that forks render processes: they share the
parent's pages, so adding their RSS counts those pages twice, and the parent's own peak
leaves out what the children allocate. The proportional set size (PSS, from the kernel's
``smaps_rollup``) splits every shared page between the processes mapping it, so the sum
over the tree is the memory the build holds. Sampled every ``interval`` seconds in a
thread; the peak of the sums is kept.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found


def _kb(path: str, *fields: str) -> int:
    """The sum of these ``Name:  N kB`` lines of a /proc file (0 when it is gone: the
    process ended between listing and reading it)."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return 0
    return sum(int(line.split()[1]) for line in lines if line.startswith(fields))


def _pss_kb(pid: int) -> int:
    return _kb(f"/proc/{pid}/smaps_rollup", "Pss:")


def own_mb() -> float:
    """This process's resident memory (``VmRSS``) in MB: its own pages and the ones it
    shares with its forked children, each counted once."""
    return _kb("/proc/self/status", "VmRSS:") / 1024


def private_mb() -> float:
    """This process's private pages in MB: in a forked child, what it allocated or copied
    from its parent, which the parent does not hold too."""
    return _kb("/proc/self/smaps_rollup", "Private_Clean:", "Private_Dirty:") / 1024


def tree_pss(root: int | None = None) -> dict[int, float]:
    """PSS in MB of ``root`` (this process by default) and of each of its descendants."""
    pending, sizes = [root or os.getpid()], {}
    while pending:
        pid = pending.pop()
        if pid in sizes:
            continue
        sizes[pid] = _pss_kb(pid) / 1024
        pending += _children(pid)
    return sizes


def tree_pss_mb(root: int | None = None) -> float:
    """PSS of ``root`` (this process by default) and all its descendants, in MB."""
    return sum(tree_pss(root).values())


def _name(pid: int) -> str:
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "?"
    return " ".join(word.decode(errors="replace") for word in words[:3] if word)[:60]


class PeakTreeMemory:
    """``with PeakTreeMemory() as memory: ...``; then ``memory.peak_mb``, and at that peak
    ``memory.at_peak``: (PSS MB, command) of each process of the tree, largest first."""

    def __init__(self, root: int | None = None, interval: float = 0.05) -> None:
        self.root, self.interval, self.peak_mb = root, interval, 0.0
        self.at_peak: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            sizes = tree_pss(self.root)
            total = sum(sizes.values())
            if total > self.peak_mb:
                self.peak_mb = total
                self.at_peak = sorted(
                    ((size, f"{pid} {_name(pid)}") for pid, size in sizes.items()), reverse=True
                )
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> PeakTreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
