"""Listings: a section's children page by page, archived by year (articles), by month
(events) or by display period (notices), each with its section feed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from operator import itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

from records import ARTICLE, EVENT, NOTICE, kinds_with

from ...export.siteindex import index_of
from .. import memo
from ..dates import date_filter, when
from ..schedule import schedule_of
from . import calendars, feeds
from .common import article_date, owner_of

if TYPE_CHECKING:
    from .common import SiteOutputs

PAGE_SIZE = 10
# Address segments of generated listing pages, per language.
SEGMENTS = MappingProxyType(
    {
        "page": MappingProxyType({"fi": "sivu", "sv": "sida", "en": "page"}),
        "past": MappingProxyType({"fi": "menneet", "sv": "tidigare", "en": "past"}),
        "search": MappingProxyType({"fi": "haku", "sv": "sok", "en": "search"}),
    }
)


def newest(articles: list[dict]) -> list[dict]:
    return sorted(articles, key=article_date, reverse=True)


def paginate(
    g: SiteOutputs, record: dict, items: list[dict], base: str, template: str, **extra
) -> None:
    pages = max(1, -(-len(items) // PAGE_SIZE))
    segment = SEGMENTS["page"][record["lang"]]
    for number in range(1, pages + 1):
        url = base if number == 1 else f"{base}{segment}/{number}/"
        pagination = {
            "number": number,
            "pages": pages,
            "previous": None
            if number == 1
            else (base if number == 2 else f"{base}{segment}/{number - 1}/"),
            "next": f"{base}{segment}/{number + 1}/" if number < pages else None,
        }
        chunk = items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        render_listing(g, template, record, chunk, pagination=pagination, listing_url=url, **extra)


def render_listing(g: SiteOutputs, template: str, record: dict, items: list[dict], **extra):
    """One page of a listing; reused from the memo when made from the same records."""
    path, owner = g.out(extra["listing_url"]), owner_of(record)
    if not g.settings.get("CITY_MEMO"):
        g.render(template, path, g.page_context(record, items=items, **extra), owner=owner)
        return
    crumbs = g.breadcrumbs(record)
    sources = [record, *crumbs, *items]
    key: tuple = (template, record["lang"], g.site_fingerprint, repr(record["translations"]))
    key += tuple((name, g.repr_once(value)) for name, value in sorted(extra.items()))
    known = memo.recall(g.site.key, path, key, sources)
    if known is not None:
        g.emit(path, known, owner=owner)
        return
    seed = g.settings.get("CITY_SEED")
    data: bytes | memo.Digested | None = seed(path) if seed is not None else None
    if data is None:
        context = g.page_context(record, items=items, **extra)
        data = g.render(template, path, context, owner=owner)
    # Emitted as remembered: the build takes its digest from there, not hashing it again.
    g.emit(path, memo.remember(g.site.key, path, key, sources, data), owner=owner)


def article_listing(g: SiteOutputs, record: dict, children: list[dict]) -> None:
    articles = newest(children)
    # (The year in Helsinki: news of 1 January at midnight is that year's, not the last.)
    year_of = {id(a): f"{when(a['date']):%Y}" for a in articles if a.get("date")}
    years = sorted(set(year_of.values()), reverse=True)
    archive = [{"year": y, "url": f"{record['url']}{y}/"} for y in years]
    template = "article_index.html"
    paginate(g, record, articles, record["url"], template, years=archive, year=None)
    for year in years:
        in_year = [a for a in articles if year_of.get(id(a)) == year]
        url = f"{record['url']}{year}/"
        paginate(g, record, in_year, url, template, years=archive, year=year)
    feeds.section_feed(g, record, articles)


def event_listing(g: SiteOutputs, record: dict, children: list[dict]) -> None:
    calendar_path = g.out(record["url"], "calendar.ics")
    events = _schedule(g, record, children, calendar_path)
    upcoming, past = events.split(g.now)
    month_links = [
        {
            "month": m,
            "url": f"{record['url']}{m}/",
            "label": date_filter(m + "-01", "YEAR_MONTH_FORMAT"),
        }
        for m in events.months
    ]
    past_url = f"{record['url']}{SEGMENTS['past'][record['lang']]}/"
    common = {
        "months": month_links,
        "past_url": past_url,
        "calendar_url": f"{record['url']}calendar.ics",
    }
    # Upcoming and past events show one page each (the nearest ones), and every event
    # is on its month's page. Numbered pages would all shift by one whenever an event
    # ends, so each ending would rewrite every page of both lists, on every site that
    # shows the event; a month's page stays the same address with the same events.
    for view, items, url in (("upcoming", upcoming, record["url"]), ("past", past, past_url)):
        render_listing(
            g,
            "event_index.html",
            record,
            items[:PAGE_SIZE],
            pagination=None,
            view=view,
            more=len(items) > PAGE_SIZE,
            listing_url=url,
            **common,
        )
    for link in month_links:
        render_listing(
            g,
            "event_index.html",
            record,
            events.by_month[link["month"]],
            pagination=None,
            view="month",
            month_label=link["label"],
            listing_url=link["url"],
            **common,
        )
    calendars.section_calendar(g, record, calendar_path, events.vevents)
    # What is coming, nearest first: a reader subscribes to an event section for that.
    feeds.section_feed(g, record, upcoming)


def _schedule(g: SiteOutputs, record: dict, children: list[dict], calendar_path: str):
    """Its own events, then those of the sites it syndicates (``schedule.py``: kept and
    patched by a worker, as a listing of every site's events is thousands of them)."""
    others = []
    for key in g.site.syndicates:
        records = g.export.records.get(key) if key != g.site.key else None
        if records:  # (a site with no records has no index worth remembering)
            by_kind = index_of(records).by_kind
            for name in sorted(kinds_with(role=EVENT)):
                others.append(by_kind.get((name, record["lang"]), []))
    return schedule_of(
        g.site.key,
        calendar_path,
        children,
        others,
        hostname=g.site.hostname,
        # An event always has its start and end: ``when`` never answers None here.
        when=cast(Callable[[str], datetime], when),
        remember=bool(g.settings.get("CITY_MEMO")),
    )


def notice_listing(g: SiteOutputs, record: dict, children: list[dict]) -> None:
    """Notices on view now, newest first, then the archive of ended ones; the feed
    carries the ones on view."""
    current = sorted((c for c in children if not c["ended"]), key=itemgetter("date"), reverse=True)
    archive = sorted((c for c in children if c["ended"]), key=lambda c: c["ends_at"])[::-1]
    context = g.page_context(record, current=current, archive=archive)
    g.render("notice_index.html", g.out(record["url"]), context, owner=owner_of(record))
    feeds.section_feed(g, record, current)


# A listing's renderer by the role of the children it lists.
LISTINGS = MappingProxyType(
    {ARTICLE: article_listing, EVENT: event_listing, NOTICE: notice_listing}
)
