"""Incremental builds across processes, site changes and time: a new process relocates only
the queued pages from the saved state; a site that changed its settings or address; an
event's edit or end re-renders only the lists of its own language; a worker that starts
remembers what the live release holds, unless other templates made it."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from django.utils import timezone

from cms.core.models import SiteProfile
from cms.events.models import EventPage
from cms.news.models import NewsIndexPage
from cms.pages.models import SectionIndexPage
from publisher import context
from publisher.builds.full import publish_full
from publisher.builds.incremental import ChangeSet, publish_changes
from publisher.plan.state import drop_state, load_state
from publisher.release import folders as release
from publisher.worker.warm import due_for_time, warm_up
from tests import factories
from tests.publisher.test_incremental import retitle, tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def now():
    """The demo's dates follow the real clock, so the tests' moment does too (any date)."""
    return timezone.now()


def test_a_new_process_relocates_only_the_queued_pages_from_the_saved_state(
    city_content, now, monkeypatch
):
    """A restarted worker reads where every page was from the state, and re-reads only the
    pages whose changes are queued (here a move, which changes the pages below it too),
    also when the state is a full build's (``publish --full``, then the worker starts)."""
    from publisher.export.exporter import Exporter

    assert publish_full(now=now).ok
    assert load_state().locations is not None
    context.renew()  # as in a new process

    def everything(self):
        raise AssertionError("read every page again")

    monkeypatch.setattr(Exporter, "locate_pages", everything)
    section = SectionIndexPage.objects.get(url_path="/city/palvelut/")
    target = NewsIndexPage.objects.get(url_path="/city/uutiset/")
    moved = section.get_children().filter(numchild__gt=0).first() or section.get_children()[0]
    moved.move(target, pos="last-child")
    result = publish_changes(ChangeSet(page_ids={moved.pk}), now=now)
    assert result.ok, [s.error for s in result.sites]
    monkeypatch.undo()
    built = tree("city")
    drop_state()
    assert publish_full(now=now).ok
    assert built == tree("city")


@pytest.mark.slow  # rendering and files: once, on SQLite
def test_an_event_that_ends_rewrites_only_the_first_page_of_each_list(city_content, now):
    """With more events than fit on a page, an ending still changes only the nearest
    events' page, the past events' page and what shows the event itself: every other
    event stays on its month's page (numbered pages would all shift by one)."""
    from cms.events.models import EventIndexPage

    listing = EventIndexPage.objects.get(url_path="/city/tapahtumat/")
    for day in range(1, 31):
        start = now + timedelta(days=day)
        factories.EventPageFactory(
            parent=listing, start=start, end=start + timedelta(hours=2), slug=f"sarja-{day}"
        )
    first = factories.EventPageFactory(
        parent=listing, start=now - timedelta(hours=1), end=now + timedelta(minutes=5)
    )
    assert publish_full(now=now).ok
    before = tree("city")
    assert not any(p.startswith("tapahtumat/sivu/") for p in before), "no numbered pages"

    later = now + timedelta(minutes=6)
    assert first.pk in due_for_time(later)
    assert publish_changes(ChangeSet(), now=later).ok
    after = tree("city")
    changed = {p for p in after if before.get(p) != after[p] and not p.startswith("pagefind/")}
    listings = {p for p in changed if p.startswith("tapahtumat/")}
    own = f"tapahtumat/{first.slug}/"
    assert {"tapahtumat/index.html", "tapahtumat/menneet/index.html"} <= listings
    assert listings - {own + "index.html", own + "event.ics"} <= {
        "tapahtumat/index.html",
        "tapahtumat/menneet/index.html",
        "tapahtumat/calendar.ics",
        "tapahtumat/feed.xml",
    }
    assert first.title in after["tapahtumat/menneet/index.html"].decode()
    month = f"tapahtumat/{(now + timedelta(days=30)).strftime('%Y-%m')}/index.html"
    assert "sarja-30" in after[month].decode(), "every event is on its month's page"


def test_a_saved_state_from_before_a_site_change_means_reading_every_page(city_content, now):
    """Where pages were is trusted only while the sites' home pages are where they were
    (here the state knows a site that has since gone)."""
    from publisher.builds import reexport

    assert publish_full(now=now).ok
    assert publish_changes(retitle(random.Random(6)), now=now).ok
    locations = load_state().locations
    home = next(path for path, (site, _lang) in locations.homes.items() if site == "city")
    locations.homes = {**locations.homes, home: ("gone", "fi")}
    context.memory(reexport.Location).keep(None, None)  # a new process, with that state
    assert publish_changes(retitle(random.Random(7)), now=now).ok
    built = tree("city")
    drop_state()
    assert publish_full(now=now).ok
    assert built == tree("city")


def test_a_site_that_changes_its_address_is_built_with_its_new_address(city_content, now):
    """Records carry full addresses (sitemap, feeds, links from other sites): a change of
    a site's host or port re-exports every page, not only the queued ones."""
    from wagtail.models import Site

    assert publish_full(now=now).ok
    Site.objects.filter(root_page__slug="city").update(port=8123)
    SiteProfile.objects.get(key="city").save()  # as ``sites_sync`` saves it
    assert publish_changes(ChangeSet(full_sites={"city"}), now=now).ok
    built = tree("city")
    assert b":8123/" in built["sitemap.xml"]
    drop_state()
    assert publish_full(now=now).ok
    assert built == tree("city")


def test_an_event_edit_re_renders_the_lists_of_its_own_language_only(city_content, now):
    """Home pages and calendars list their own language's events: a Finnish event's edit
    re-renders the Finnish ones, on its site and on each site that syndicates it."""
    from publisher.builds.reexport import reexport as _reexport
    from publisher.plan.changes import plan

    assert publish_full(now=now).ok
    state = load_state()
    event = EventPage.objects.live().filter(locale__language_code="fi").first()
    event.title = f"{event.title} (muutettu)"
    event.save_revision().publish()
    changes = ChangeSet(page_ids={event.pk})
    export, _exporter, changed, removed, old = _reexport(state, changes)
    the_plan = plan(state, export, changes, changed, removed, old)
    lists = {
        (site, record["kind"], record["lang"])
        for site, records in export.records.items()
        for record in records
        if record["id"] in the_plan.owners.get(site, set())
        and record["kind"] in {"home", "event_index"}
    }
    site = old[event.pk]["site"]
    assert (site, "home", "fi") in lists and (site, "event_index", "fi") in lists
    assert ("city", "home", "fi") in lists  # the city syndicates every site's events
    assert {lang for _site, _kind, lang in lists} == {"fi"}


def test_an_event_ended_by_the_clock_re_renders_its_lists_not_its_sites_files(city_content, now):
    """An ending changes no record: the lists that order events by time are rendered again
    (its page, calendars, home pages), not the site's sitemap, feeds and API nor the search
    bundles, which show only what the record holds. A notice whose period ends is another
    matter: its record loses its personal data."""
    from cms.events.models import EventIndexPage
    from publisher.builds.reexport import reexport as _reexport
    from publisher.plan.changes import plan

    listing = EventIndexPage.objects.get(url_path="/city/tapahtumat/")
    event = factories.EventPageFactory(
        parent=listing, start=now - timedelta(hours=1), end=now + timedelta(minutes=5)
    )
    assert publish_full(now=now).ok
    state = load_state()
    later = now + timedelta(minutes=6)
    timed = state.ended_since(later)
    assert event.pk in timed
    changes = ChangeSet(page_ids=timed)
    export, _exporter, changed, removed, old = _reexport(state, changes)
    the_plan = plan(state, export, changes, changed, removed, old, timed)
    assert event.pk in the_plan.unchanged
    assert {event.pk, listing.pk} <= the_plan.owners["city"]
    assert "city" not in the_plan.site_level and not the_plan.bundles.get("city")

    # The same page, edited as well: its site's files and bundle follow the edit.
    edited = plan(state, export, changes, changed, removed, old, timed - {event.pk})
    assert event.pk not in edited.unchanged and "city" in edited.site_level
    assert edited.bundles["city"]


def test_a_worker_that_starts_remembers_the_site_files_parts_and_builds_as_a_full_build(
    city_content, now
):
    """``warm_up`` (a worker's start) makes each record's part of the sitemap and JSON API
    once, so that the first edit does not make them all; that edit still equals a full build."""
    from publisher.render import memo

    assert publish_full(now=now).ok
    context.renew()  # as in a new process
    assert warm_up() is not None
    offered = {r["id"] for r in load_state().export.records["city"] if not r.get("noindex")}
    assert set(context.memory(memo.Memo).fragments[("city", "sitemap.xml")]) == offered
    assert set(context.memory(memo.Memo).fragments[("city", "pages")]) >= offered
    # The listing pages are remembered as they are live, none rendered.
    listings = {path for (site, path) in context.memory(memo.Memo).pages if site == "city"}
    assert {"en/news/index.html", "en/events/past/index.html"} <= listings
    assert all(
        bytes(memo.recall("city", path, *context.memory(memo.Memo).pages[("city", path)][:2]))
        == (release.current("city") / path).read_bytes()
        for path in listings
    )

    assert publish_changes(retitle(random.Random(11)), now=now).ok
    built = tree("city")
    drop_state()
    assert publish_full(now=now).ok
    assert built == tree("city")


def test_a_worker_that_starts_under_other_templates_renders_its_listings_anew(
    city_content, now, monkeypatch
):
    """A live listing is remembered only if the same themes, translations and code
    rendered every live file: after a deploy changed them it is rendered again."""
    from publisher.render import memo
    from publisher.render import run as render
    from publisher.worker import warm

    assert publish_full(now=now).ok
    assert load_state().renderer == render.renderer_fingerprint()
    context.renew()
    monkeypatch.setattr(warm, "renderer_fingerprint", lambda: "another deploy")
    assert warm_up() is not None
    assert not [path for (site, path) in context.memory(memo.Memo).pages if site == "city"]
