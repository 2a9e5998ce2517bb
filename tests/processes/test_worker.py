"""The publishing pipeline as real processes: the task worker publishes an edit, the
scheduler makes an embargoed page go live and expire on time, and builds killed at random
points (SIGKILL) always leave a complete release live that the next run brings up to date."""

from __future__ import annotations

import json
import random
import time

import pytest

from .conftest import SITES, Platform, wait_for

pytestmark = pytest.mark.slow

EDIT = """
from cms.pages.models import ContentPage
page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
page.lead = {lead!r}
page.save_revision().publish()
"""

COUNT = "from publisher.models import PublishRequest; print(PublishRequest.objects.count())"


def test_the_demo_publishes_no_redirects_from_addresses_never_public(platform: Platform):
    """``load_demo`` makes translations as copies and renames them: Wagtail records a
    redirect from each copy's first address once the renames are committed. Those were
    never public, and the loaded demo keeps none (nor do its sites publish any)."""
    count = "from wagtail.contrib.redirects.models import Redirect; print(Redirect.objects.count())"
    assert platform.shell(count) == "0"
    for site in SITES:
        assert (platform.var / "output" / site / "current/.nginx/redirects.map").read_bytes() == b""


def test_the_worker_publishes_an_edit(platform: Platform):
    log = platform.var / "log" / "publish_worker.log"
    since = log.stat().st_size if log.exists() else 0
    worker = platform.start("publish_worker", "--interval", "0.5", "--no-reload")
    try:
        # The build state is read before the worker takes tasks (not by its first build).
        wait_for(lambda: b"Starting worker" in log.read_bytes()[since:], timeout=60)
        started = log.read_bytes()[since:].decode()
        assert "Publishing state ready in" in started.split("Starting worker")[0]
        platform.shell(EDIT.format(lead="Kirjasto muuttaa uusiin tiloihin."))
        committed = time.monotonic()
        page = platform.var / "output/city/current/palvelut/kirjasto/index.html"
        seconds = wait_for(lambda: "uusiin tiloihin" in page.read_text(), timeout=30)
        # The figure is reported, not asserted: speed is measured by `bench publish`.
        print(f"edit live {time.monotonic() - committed:.2f} s after commit ({seconds:.2f})")
        assert "Kirjasto muuttaa uusiin tiloihin." in page.read_text()
        # The edited page's site goes live first; its request is deleted only once the
        # whole build is done (the other sites, the search bundles, the saved state).
        wait_for(lambda: platform.shell(COUNT) == "0", timeout=60, interval=0.5)
    finally:
        platform.kill(worker)


def test_a_subscriber_hears_of_an_edit_live_through_the_real_worker(platform: Platform):
    """An app the publisher does not name (``tests/partapp``, installed in the worker's
    settings) is told the edited page's live address once it is live, and its site part,
    written as the build went live, says what its board says."""
    board = platform.var / "partapp" / "board.txt"
    board.parent.mkdir(exist_ok=True)
    board.write_text("Vesikatko Rantakadulla")
    live_log = platform.var / "partapp" / "live.jsonl"
    worker = platform.start(
        "publish_worker", "--interval", "0.5", "--no-reload", settings="tests.partapp.settings"
    )
    try:
        page_id = int(platform.shell(EDIT.format(lead="Kirjasto on auki.") + "print(page.pk)"))
        page = platform.var / "output/city/current/palvelut/kirjasto/index.html"

        def told() -> list[dict]:
            lines = live_log.read_text().splitlines() if live_log.exists() else []
            return [entry for entry in map(json.loads, lines) if str(page_id) in entry["pages"]]

        wait_for(lambda: bool(told()), timeout=60, interval=0.2)
        assert "Kirjasto on auki." in page.read_text(), "told once the page is live"
        [entry] = told()
        assert entry["pages"][str(page_id)].endswith("/palvelut/kirjasto/")
        assert "city" in entry["sites"] and not entry["full"]
        part = platform.var / "output/city/_parts/alerts.fi.html"
        assert "Vesikatko Rantakadulla [city fi]" in part.read_text()
        assert '<!--# include virtual="/_parts/alerts.fi.html" -->' in page.read_text()
    finally:
        platform.kill(worker)


SCHEDULE = """
from datetime import timedelta
from django.utils import timezone
from cms.pages.models import ContentPage, SectionIndexPage
from tests.factories import ContentPageFactory
parent = SectionIndexPage.objects.get(slug="palvelut", locale__language_code="fi")
page = ContentPageFactory(parent=parent, slug="saunailta", title="Saunailta", live=False)
page.go_live_at = timezone.now() + timedelta(seconds=3)
page.expire_at = timezone.now() + timedelta(seconds=12)
page.save_revision().publish()
print(page.go_live_at.timestamp(), page.expire_at.timestamp())
"""


def test_scheduled_go_live_and_expiry_happen_with_the_worker_running(platform: Platform):
    """Nobody runs anything by hand: the scheduler (a short interval here, 30 s in
    ``bin/run``) publishes and expires the page, the worker builds the change."""
    worker = platform.start("publish_worker", "--interval", "0.5", "--no-reload")
    scheduler = platform.start("run_scheduler", "--interval", "2")
    try:
        go_live, expire = map(float, platform.shell(SCHEDULE).split())
        page = platform.var / "output/city/current/palvelut/saunailta/index.html"
        # Not before its time (however long this machine took to answer): the file the
        # worker wrote is from after it, and it was not there while the time was ahead.
        if time.time() < go_live - 0.5:
            assert not page.exists(), "an embargoed page is not published before its time"
        wait_for(page.exists, timeout=30)
        assert page.stat().st_mtime >= go_live, "published before its time"
        assert "<h1>Saunailta</h1>" in page.read_text()
        wait_for(lambda: not page.exists(), timeout=40)
        assert time.time() >= expire, "taken down before its time"
    finally:
        platform.kill(scheduler)
        platform.kill(worker)


# Changes of growing reach: one page, a new listing entry, a whole site's navigation.
CHANGES = [
    EDIT,
    """
from cms.news.models import NewsIndexPage
from tests.factories import NewsArticlePageFactory
listing = NewsIndexPage.objects.get(url_path="/city/uutiset/")
page = NewsArticlePageFactory(parent=listing, title="Tiedote {lead}", live=False)
page.save_revision().publish()
""",
    """
from cms.core.models import SiteProfile
profile = SiteProfile.objects.get(key="city")
profile.navigation[0]["label"]["fi"] = "Palvelut {lead}"
profile.save()
""",
]


def _pages(tree: dict[str, str]) -> dict[str, str]:
    return {path: digest for path, digest in tree.items() if not path.startswith("pagefind/")}


def _search(tree: dict[str, str]) -> dict[str, str]:
    return {path: digest for path, digest in tree.items() if path.startswith("pagefind/")}


def test_builds_killed_at_random_points_leave_a_complete_release_live(platform: Platform):
    rng = random.Random(4)
    build_seconds = None
    # Five rounds: the first measures, four kill (each kind of change at least once).
    for round_number in range(5):
        before = platform.tree()
        change = CHANGES[round_number % len(CHANGES)]
        platform.shell(change.format(lead=f"kierros {round_number}"))
        build = platform.start("publish")
        platform.wait_building(build)
        began = time.monotonic()
        if build_seconds is None:  # the first round measures how long a build holds the lock
            build.wait()
            build_seconds = time.monotonic() - began
        else:
            # Anywhere in the build: export, rendering, writing, the switch, pruning old
            # releases, recycling an old release or preparing a spare copy.
            time.sleep(rng.uniform(0, build_seconds))
            platform.kill(build)
        during = platform.tree()
        platform.manage("publish")  # the next run repairs what the killed one left
        after = platform.tree()
        for site in SITES:
            # Pages and search bundles switch live in two releases, one after the other:
            # each half is whole, from before the change or from after it.
            for half in (_pages, _search):
                assert half(during[site]) in (half(before[site]), half(after[site])), (
                    f"round {round_number}: {site}'s {half.__name__[1:]} are live in a state "
                    "that is neither the one before the change nor the one after it"
                )
            if _pages(during[site]) == _pages(before[site]):
                assert _search(during[site]) == _search(before[site]), "search ran ahead"
        assert after != before, f"round {round_number}: the change never went live"
        switched = [site for site in SITES if during[site] == after[site] != before[site]]
        print(f"round {round_number}: build {build_seconds:.2f} s, live after kill: {switched}")

    # A killed worker: its task never finishes, the scheduler's next round queues another.
    platform.shell(EDIT.format(lead="Viimeinen kierros."))
    worker = platform.start("publish_worker", "--interval", "0.1", "--no-reload")
    time.sleep(rng.uniform(0.5, 2.0))
    platform.kill(worker)
    worker = platform.start("publish_worker", "--interval", "0.5", "--no-reload")
    try:
        platform.manage("run_scheduler", "--once")
        page = platform.var / "output/city/current/palvelut/kirjasto/index.html"
        wait_for(lambda: "Viimeinen kierros." in page.read_text(), timeout=30)
        wait_for(lambda: platform.shell(COUNT) == "0", timeout=30)
    finally:
        platform.kill(worker)

    # Everything that survived the kills equals a build from scratch, byte for byte.
    incremental = platform.tree()
    platform.manage("publish", "--full")
    assert platform.tree() == incremental
