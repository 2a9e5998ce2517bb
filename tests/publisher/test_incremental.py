"""Incremental publishing equals a full build of the same content, byte for byte, after
random sequences of edits; and it rewrites only what a change affects."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from cms.core.models import SiteProfile
from cms.events.models import EventPage
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import ContentPage, SectionIndexPage
from publisher.builds.full import publish_full
from publisher.builds.incremental import ChangeSet, publish_changes
from publisher.plan.state import drop_state, load_state
from publisher.release import folders as release
from publisher.worker.warm import due_for_time
from tests import factories

pytestmark = pytest.mark.django_db
SITES = ["city", "tourism", "business", "events", "climate"]


def tree(site: str) -> dict[str, bytes]:
    return tree_at(release.current(site))


def tree_at(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def folders(site: str) -> list[str]:
    root = release.current(site)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_dir())


def city_pages(model):
    home = Page.objects.get(slug="city")
    return list(model.objects.live().descendant_of(home).order_by("pk"))


# Each edit changes content the way an editor would and returns what changed.
def retitle(rng):
    page = rng.choice(city_pages(ContentPage) + city_pages(NewsArticlePage) + city_pages(EventPage))
    page.title = f"{page.title} ({rng.randint(1, 999)})"
    page.save_revision().publish()
    return ChangeSet(page_ids={page.pk})


def unpublish(rng):
    page = rng.choice(city_pages(NewsArticlePage) + city_pages(EventPage))
    page.unpublish()
    return ChangeSet(page_ids={page.pk})


def add_news(rng):
    listing = NewsIndexPage.objects.get(url_path="/city/uutiset/")
    page = factories.NewsArticlePageFactory(
        parent=listing, title=f"Uusi uutinen {rng.randint(1, 10**6)}"
    )
    return ChangeSet(page_ids={page.pk})


def move(rng):
    page = rng.choice(city_pages(ContentPage))
    sections = [s for s in city_pages(SectionIndexPage) if s.locale_id == page.locale_id]
    target = rng.choice(sections + [page.get_parent()])
    if page.pk == target.pk or target.is_descendant_of(page):
        return ChangeSet()
    page.move(target, pos="last-child")
    return ChangeSet(page_ids={page.pk})


def delete(rng):
    page = rng.choice(city_pages(EventPage))
    page_id = page.pk
    page.delete()
    return ChangeSet(page_ids={page_id})


def navigation(rng):
    profile = SiteProfile.objects.get(key="city")
    profile.navigation[0]["label"]["fi"] = f"Palvelut {rng.randint(1, 99)}"
    profile.save()
    return ChangeSet(full_sites={"city"})


def privacy(rng):
    """A section made private, or public again (its pages leave or come back)."""
    section = rng.choice(city_pages(SectionIndexPage))
    restriction = PageViewRestriction.objects.filter(page=section).first()
    if restriction is None:
        PageViewRestriction.objects.create(page=section, restriction_type="login")
    else:
        restriction.delete()
    return ChangeSet(page_ids={section.pk})


EDITS = [retitle, retitle, unpublish, add_news, move, delete, navigation, privacy]


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_incremental_output_equals_a_full_build(city_content, seed):
    # The clock moves too (the demo's events lie around today): events that end between
    # builds must leave "upcoming" as they would in a full build.
    now = timezone.now()
    assert publish_full(now=now).ok
    rng = random.Random(seed)
    for _step in range(6):
        changes = rng.choice(EDITS)(rng)
        now += timedelta(hours=rng.randint(0, 36))
        result = publish_changes(changes, now=now)
        assert result.ok, [s.error for s in result.sites]
    incremental = {site: tree(site) for site in SITES}
    incremental_folders = {site: folders(site) for site in SITES}
    drop_state()
    assert publish_full(now=now).ok
    for site in SITES:
        # No folder left behind by a removed or moved page (nginx would answer 403).
        assert incremental_folders[site] == folders(site), site
        full = tree(site)
        assert sorted(incremental[site]) == sorted(full), site
        different = [p for p in full if incremental[site][p] != full[p]]
        assert different == [], (site, different[:5])


@pytest.fixture
def now():
    """The demo's dates follow the real clock, so the tests' moment does too (any date)."""
    return timezone.now()


@pytest.mark.slow  # rendering and files: once, on SQLite
def test_a_single_page_edit_rewrites_only_what_it_affects(city_content, now):
    assert publish_full(now=now).ok
    before = {site: release.current(site) for site in SITES}
    # Read now: the build may recycle the old release's folder for the new one.
    old_tree = tree_at(before["city"])
    home_inode = (before["city"] / "index.html").stat().st_ino
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    page.lead = "Uudet aukioloajat."
    page.save_revision().publish()
    result = publish_changes(ChangeSet(page_ids={page.pk}), now=now)
    assert result.ok
    rewritten = {s.site: s.files for s in result.sites if s.release is not None}
    assert set(rewritten) == {"city"}
    assert release.current("tourism") == before["tourism"]
    live = Path(release.current("city"))
    changed = {path for path, data in tree_at(live).items() if old_tree.get(path) != data}
    pages = {path for path in changed if not path.startswith("pagefind/")}
    # The page, its parent section (which lists its lead) and the site's JSON API; and in
    # search, only the Finnish index of the section's bundle.
    assert {"palvelut/kirjasto/index.html", "palvelut/index.html"} <= pages
    assert len(pages) <= 6 and rewritten["city"] == len(changed)
    search = changed - pages
    assert search and all(p.startswith("pagefind/palvelut/") for p in search), search
    assert not any("/sv_" in p or ".sv_" in p or "/en_" in p or ".en_" in p for p in search)
    assert "Uudet aukioloajat." in (live / "palvelut/kirjasto/index.html").read_text()
    assert "Uudet aukioloajat." in (live / "palvelut/index.html").read_text()
    # Unchanged files are shared with the previous release, not copied.
    assert (live / "index.html").stat().st_ino == home_inode


def test_no_state_means_a_full_build(city_content, now):
    drop_state()
    result = publish_changes(ChangeSet(page_ids={1}), now=now)
    assert result.ok and release.current("city") is not None


@pytest.mark.slow  # rendering and files: once, on SQLite
def test_an_event_that_ends_moves_to_past_events_as_in_a_full_build(city_content, now):
    """Time is a change: nothing was edited, yet listings must move an event that ended."""
    assert publish_full(now=now).ok
    upcoming = sorted(
        (
            r
            for r in load_state().export.records["city"]
            if r.get("end") and datetime.fromisoformat(r["end"]) > now
        ),
        key=lambda r: r["end"],
    )
    assert upcoming, "the demo has upcoming events"
    event = upcoming[0]
    after = datetime.fromisoformat(event["end"]) + timedelta(seconds=1)
    # Other records (a notice's period) may end before the event; the event itself is due
    # exactly when it ends, not a moment earlier.
    assert event["id"] not in due_for_time(after - timedelta(seconds=2))
    assert event["id"] in due_for_time(after)

    result = publish_changes(ChangeSet(), now=after)
    assert result.ok and due_for_time(after) == set()
    rewritten = {s.site: s.files for s in result.sites if s.release is not None}
    assert rewritten.get("city", 0) >= 2  # at least the event listing and the home page
    incremental = tree("city")
    drop_state()
    assert publish_full(now=after).ok
    full = tree("city")
    assert [p for p in full if incremental.get(p) != full[p]] == []
