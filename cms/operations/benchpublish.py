"""``manage.py bench publish``: publish-to-live through the real task worker, as ``bin/run``
starts it (``publish_worker`` in its own process), never in-process.

Each edit is made here the way the admin makes it (a revision published, the site's
settings saved); its commit queues the task. The time is from that commit until the live
file holds the new text, polled every 2 ms: the worker's polling, the build, the switch.
Before the next edit the worker is let finish its clean-up (search index, pruning, the
spare copy after a full build), so edits do not queue behind each other.

The clock moves: before the worker starts, some events are set to end one by one during
the run, so builds re-render the listings, calendars and home pages they leave, as they
would on any real day. "First edit after restart" stops the worker, starts a new one,
waits until it polls for tasks and then times one edit: the state is read from disk.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from publisher.public import (
    build_lock_holder,
    peak_rss_mb,
    site_root,
    start_worker,
    stop_worker,
    wait_ready,
    wait_until,
)

TIMEOUT = 120.0
ENDING_EVENTS = 20


@dataclass
class Row:
    name: str
    seconds: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def p95(self) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _live_files(pages) -> dict[int, Path]:
    """Each page's live folder, worked out before any edit (so never inside a timing)."""
    from publisher.public import locate_live

    return locate_live(pages)


def _wait_for(condition: Callable[[], bool], timeout: float = TIMEOUT) -> float:
    """time.perf_counter() when ``condition`` first held (polled every 2 ms)."""
    wait_until(condition, timeout=timeout, interval=0.002, what="live")
    return time.perf_counter()


def _idle() -> bool:
    from publisher.public import PublishRequest

    return not PublishRequest.objects.exists() and build_lock_holder() is None


def _contains(path: Path, text: str) -> Callable[[], bool]:
    needle = text.encode()

    def check() -> bool:
        try:
            return needle in path.read_bytes()
        except FileNotFoundError:
            return False

    return check


def _end_events_during_the_run(seconds: float) -> int:
    """Corpus events, one every few seconds of the run, made to end then (published, and
    built here before the worker starts)."""
    from cms.events.models import EventPage
    from publisher.public import process_pending

    events = list(EventPage.objects.live().filter(slug__startswith="event-")[:ENDING_EVENTS])
    now = timezone.now()
    for number, event in enumerate(events):
        event.start = now - timedelta(hours=1)
        event.end = now + timedelta(seconds=30 + number * seconds / max(1, len(events)))
        event.save_revision().publish()
    process_pending()
    return len(events)


def run(runs: int, write: Callable[[str], None]) -> list[Row]:
    from publisher.public import PublishRequest, load_state, process_pending, publish_full

    PublishRequest.objects.all().delete()
    if load_state() is None:
        write("No previous build: making a full one first...")
        publish_full()
    content, news, events, edits = _corpus(runs)
    process_pending()
    ending = _end_events_during_the_run(seconds=runs * 12)
    write(f"{ending} events end one by one during the run (the clock moves).")
    edits.folders = _live_files([*content, *news, *events])
    log = Path(settings.VAR_DIR) / "log" / "bench-worker.log"
    since = log.stat().st_size if log.exists() else 0
    worker = start_worker(log)
    rows: list[Row] = []
    try:
        wait_ready(worker, log, since)
        scenarios = [
            ("single page edit", content[:runs], edits.page),
            ("listing-affecting edit", news, edits.listing),
            ("event edit", events, edits.event),
            ("navigation edit (one site)", [None] * runs, edits.navigation),
        ]
        for name, items, edit in scenarios:
            rows.append(Row(name, [_timed(edit, item, n) for n, item in enumerate(items)]))
            write(f"  {name}: median {rows[-1].median:.3f} s")
        restarts = []
        for n, item in enumerate(content[runs:]):
            _wait_for(_idle)
            stop_worker(worker)
            since = log.stat().st_size
            worker = start_worker(log)
            wait_ready(worker, log, since)
            restarts.append(_timed(edits.page, item, runs + n))
        rows.append(Row("first edit after a restart", restarts))
        _wait_for(_idle)
        write(f"worker peak RSS {peak_rss_mb(worker.pid):.0f} MB (the last one started)")
    finally:
        stop_worker(worker)
    return rows


def _timed(edit, item, n: int) -> float:
    """Seconds from an edit's commit until its page shows it."""
    _wait_for(_idle)
    path, text = edit(item, n)
    committed = time.perf_counter()
    return _wait_for(_contains(path, text)) - committed


def _corpus(runs: int) -> tuple[list, list, list, _Edits]:
    """The corpus's pages to edit (content pages for two rounds, articles, events) and the
    edits, the climate site's menu given a link of its own to rename."""
    from cms.core.models import SiteProfile
    from cms.events.models import EventPage
    from cms.news.models import NewsArticlePage
    from cms.pages.models import ContentPage

    content = list(ContentPage.objects.live().filter(slug__startswith="content-")[: runs * 2])
    news = list(NewsArticlePage.objects.live().filter(slug__startswith="news-")[:runs])
    events = list(EventPage.objects.live().filter(slug__startswith="event-")[ENDING_EVENTS:])
    events = events[:runs]
    if len(content) < runs * 2 or len(news) < runs or len(events) < runs:
        raise RuntimeError("the corpus is too small: generate_corpus --pages 10000")
    profile = SiteProfile.objects.get(key="climate")
    profile.navigation = [
        {"page": "korpus", "label": {"fi": "Korpus", "sv": "Korpus", "en": "Corpus"}}
    ]
    profile.save()
    return content, news, events, _Edits(profile)


class _Edits:
    """The benchmark's edits: each makes its change and says which live file will show
    what text once it is published."""

    def __init__(self, profile) -> None:
        self.profile = profile
        self.folders: dict[int, Path] = {}

    def page(self, page, n: int) -> tuple[Path, str]:
        page.lead = f"{page.lead.split(' [')[0]} [{n} {time.time_ns()}]"
        page.save_revision().publish()
        return self.folders[page.pk] / "index.html", page.lead

    def listing(self, page, n: int) -> tuple[Path, str]:
        # The title shows in the listing, its archives and feeds, the home pages that
        # syndicate it: all switched live in the same release as the article itself,
        # which is the page watched (the listing's first page may not show an old one).
        page.title = f"{page.title.split(' [')[0]} [{n} {time.time_ns()}]"
        page.save_revision().publish()
        return self.folders[page.pk] / "index.html", page.title

    def event(self, page, n: int) -> tuple[Path, str]:
        page.title = f"{page.title.split(' [')[0]} [{n} {time.time_ns()}]"
        page.save_revision().publish()
        return self.folders[page.pk] / "index.html", page.title

    def navigation(self, _item, n: int) -> tuple[Path, str]:
        label = f"Korpus {n} {time.time_ns()}"
        self.profile.navigation[0]["label"]["fi"] = label
        self.profile.save()
        return site_root("climate") / "current" / "index.html", label


def report(write: Callable[[str], None], rows: list[Row], pages: int) -> None:
    write(
        f"\nPublish to live through the real worker (publish_worker, polling every 0.1 s), "
        f"{pages} live pages\n"
    )
    header = f"{'change':<28} | {'median s':>8} | {'p95 s':>6} | {'max s':>6} | {'runs':>4}"
    write(header)
    write("-" * len(header))
    for row in rows:
        write(
            f"{row.name:<28} | {row.median:>8.3f} | {row.p95:>6.3f} | "
            f"{max(row.seconds):>6.3f} | {len(row.seconds):>4}"
        )
