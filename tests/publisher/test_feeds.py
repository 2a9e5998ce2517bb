"""Atom feeds as the W3C feed validator reads them (the rules of ``tests.validators.atom``):
an author on every feed, entries dated by their publication and never by an event's start,
``updated`` never before ``published``, plain-text summaries kept as text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import feedparser

from publisher.export.exporter import SiteInfo
from publisher.render.dates import when
from publisher.render.feeds import atom
from tests.validators.atom import check_feed


def _site(key: str, name: str) -> SiteInfo:
    return SiteInfo(
        key=key,
        base_url=f"http://{key}.localhost",
        hostname=f"{key}.localhost",
        names={"fi": name},
        taglines={},
        languages=["fi"],
        theme=key,
        audience="residents",
        contact={"email": "kirjaamo@kaupunki.example"},
        syndicates=[],
    )


SITES = {"city": _site("city", "Kaupunki"), "events": _site("events", "Tapahtumat")}


def _event(site: str, slug: str, *, published: datetime, starts_in: timedelta) -> dict:
    start = published + starts_in
    return {
        "site": site,
        "kind": "event",
        "title": f"Tapahtuma <{slug}> & muut",
        "lead": "Tuo <b>eväät</b> & juotavaa",
        "full_url": f"http://{site}.localhost/tapahtumat/{slug}/",
        "published": published.isoformat(),
        "updated": published.isoformat(),
        "start": start.isoformat(),
        "end": (start + timedelta(hours=2)).isoformat(),
    }


def _feed(items: list[dict]) -> bytes:
    return atom(
        title="Kaupunki: Tapahtumat",
        link="http://city.localhost/tapahtumat/",
        lang="fi",
        items=items,
        site=SITES["city"],
        sites=SITES,
        fallback=datetime(2000, 1, 1, tzinfo=UTC),
        when=when,
    )


def test_an_event_feed_passes_the_validator_rules_and_is_dated_by_publication():
    now = datetime.now(UTC).replace(microsecond=0)
    items = [
        _event("city", "joulu", published=now - timedelta(days=3), starts_in=timedelta(days=20)),
        _event("events", "konsertti", published=now - timedelta(days=1), starts_in=timedelta(7)),
    ]
    data = _feed(items)
    assert check_feed(data, now) == []
    parsed = feedparser.parse(data)
    assert parsed.feed.author_detail.name == "Kaupunki"
    published = [datetime(*e.published_parsed[:6], tzinfo=UTC) for e in parsed.entries]
    assert published == [now - timedelta(days=3), now - timedelta(days=1)]
    # The entry from the events site names that site as its author.
    assert [e.get("author_detail", {}).get("name") for e in parsed.entries] == [None, "Tapahtumat"]
    # Plain text stays text: markup-like characters of a lead are not read as HTML.
    assert parsed.entries[0].summary_detail.type == "text/plain"
    assert parsed.entries[0].summary == "Tuo <b>eväät</b> & juotavaa"


def test_a_page_updated_before_its_news_date_is_never_published_after_updated():
    now = datetime.now(UTC).replace(microsecond=0)
    item = _event("city", "uutinen", published=now - timedelta(days=2), starts_in=timedelta(0))
    # An editor dated the news later than its last publication (a scheduled date).
    item.update(kind="news", date=(now + timedelta(days=1)).isoformat())
    assert check_feed(_feed([item]), now) == []


def test_an_empty_feed_is_valid_and_dated_by_its_owner():
    data = _feed([])
    assert check_feed(data, datetime.now(UTC)) == []
    assert b"<updated>2000-01-01T00:00:00+00:00</updated>" in data
