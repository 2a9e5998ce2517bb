"""Scheduled go-live and expiry take effect on the scheduler's next round (every 30 s)."""

from datetime import timedelta

import pytest
import time_machine

from django.utils import timezone

from cms.events.models import EventPage
from cms.operations.scheduler import tick
from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.release import folders as release
from publisher.worker.queue import process_pending
from publisher.worker.warm import due_for_time
from tests import factories

pytestmark = pytest.mark.django_db


def test_embargoed_page_goes_live_and_expires_on_time(
    city_content, django_capture_on_commit_callbacks
):
    publish_full()
    home = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi").get_parent()
    page = factories.ContentPageFactory(parent=home, slug="embargo", title="Embargo", live=False)
    page.go_live_at = timezone.now() + timedelta(hours=1)
    page.save_revision().publish()  # with a future go-live this only schedules it
    page.refresh_from_db()
    assert not page.live

    tick()  # a round before the embargo ends changes nothing
    process_pending()
    assert not (release.current("city") / "palvelut/embargo").exists()

    # The embargo ends: move the scheduled time (in the revision and its approval) to the past.
    revision = page.latest_revision
    past = timezone.now() - timedelta(seconds=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    with django_capture_on_commit_callbacks(execute=True):
        tick()
    page.refresh_from_db()
    assert page.live
    path = release.current("city") / page.url_path.removeprefix("/city/") / "index.html"
    assert path.exists()

    page.expire_at = timezone.now() - timedelta(seconds=1)
    page.save()
    with django_capture_on_commit_callbacks(execute=True):
        tick()
    page.refresh_from_db()
    assert not page.live and page.expired
    assert not (
        release.current("city") / page.url_path.removeprefix("/city/") / "index.html"
    ).exists()


def test_an_event_moves_to_past_events_when_it_ends(city_content):
    """Listings split upcoming from past events: an event's end is a change the scheduler
    publishes, though nobody edited anything. (The clock is held: a slow machine never
    lets the event end before its first build.)"""
    publish_full()
    event = EventPage.objects.live().filter(locale__language_code="fi").order_by("start").first()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        event.start = timezone.now() - timedelta(hours=1)
        event.end = timezone.now() + timedelta(minutes=5)
        event.save_revision().publish()
        process_pending()
        listing = release.current("city") / event.get_parent().url_path.removeprefix("/city/")
        link = f'href="{event.url_path.removeprefix("/city")}"'
        assert link in (listing / "index.html").read_text()
        assert link not in (listing / "menneet/index.html").read_text()

        clock.shift(timedelta(minutes=5, seconds=1))
        tick()  # with the immediate test backend the queued build runs inside this round
        listing = release.current("city") / event.get_parent().url_path.removeprefix("/city/")
        assert link not in (listing / "index.html").read_text()
        assert link in (listing / "menneet/index.html").read_text()
        assert due_for_time() == set()
