"""Archives by year and months of events are the city's, in Helsinki time: news dated 1
January at midnight is in that year's archive (in UTC it is still 31 December), and an
event that starts at half past midnight on 1 November is on November's page."""

from __future__ import annotations

from datetime import datetime

import pytest

from wagtail.models import Page

from publisher.builds.full import publish_full
from publisher.release import folders as release
from records import HELSINKI
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_news_and_events_are_filed_by_the_citys_calendar(city_content):
    news = Page.objects.get(url_path="/city/uutiset/")
    factories.NewsArticlePageFactory(
        parent=news, title="Uudenvuoden tervehdys", date=datetime(2031, 1, 1, tzinfo=HELSINKI)
    ).save_revision().publish()
    events = Page.objects.get(url_path="/city/tapahtumat/")
    start = datetime(2030, 11, 1, 0, 30, tzinfo=HELSINKI)
    factories.EventPageFactory(
        parent=events, title="Pyhäinpäivän yövalvojaiset", start=start, end=start.replace(hour=3)
    ).save_revision().publish()
    assert publish_full().ok
    live = release.current("city")
    assert "Uudenvuoden tervehdys" in (live / "uutiset/2031/index.html").read_text()
    assert not (live / "uutiset/2030").exists()
    assert "Pyhäinpäivän yövalvojaiset" in (live / "tapahtumat/2030-11/index.html").read_text()
    october = live / "tapahtumat/2030-10/index.html"
    assert not october.exists() or "Pyhäinpäivän" not in october.read_text()
