"""Each record's own page, with the files that come with it."""

from __future__ import annotations

import heapq
from operator import itemgetter
from typing import TYPE_CHECKING

from records import ARTICLE, EVENT, HOME, LISTING, all_kinds, kind_named, kinds_with

from . import calendars, listings
from .common import article_date, owner_of

if TYPE_CHECKING:
    from ..site_generator import CityGenerator

# An empty file next to a page or document: nginx sends "X-Robots-Tag: noindex" for it.
NOINDEX = ".noindex"


def page_outputs(g: CityGenerator, record: dict) -> None:
    kind = kind_named(record["kind"])
    owner = owner_of(record)
    children = g.index.children_of(record)
    if kind.role == HOME:
        home_page(g, record, kind.template, children)
    elif kind.role == LISTING:
        listings.LISTINGS[kind.lists](g, record, children)
    else:
        context = g.page_context(record, children=children)
        g.render(kind.template, g.out(record["url"]), context, owner=owner)
    # Markers the generated nginx config turns into "X-Robots-Tag: noindex".
    if record.get("noindex"):
        g.emit(g.out(record["url"]) + NOINDEX, b"", owner=owner)
    for path in record.get("personal_files", ()):
        g.emit(path.lstrip("/") + NOINDEX, b"", owner=owner)
    if kind.role == EVENT:
        calendars.event_calendar(g, record, owner=owner)


def home_page(g: CityGenerator, record: dict, template: str, children: list[dict]) -> None:
    """The latest articles and the next events of the site and those it syndicates, and
    its sections, pages and the official notices: a municipality publishes its notices
    where residents find them (Kuntalaki 108 §)."""
    # The first six of each, not all of them sorted (equal to sorted(...)[:6]): a city
    # that syndicates every site lists thousands of events.
    lang = record["lang"]
    articles = heapq.nlargest(6, g.syndicated(kinds_with(role=ARTICLE), lang), key=article_date)
    upcoming = (e for e in g.syndicated(kinds_with(role=EVENT), lang) if not g.ended(e))
    events = heapq.nsmallest(6, upcoming, key=itemgetter("start"))
    listed = {kind.name for kind in all_kinds() if kind.in_home}
    sections = [child for child in children if child["kind"] in listed]
    # Where "all news" and "all events" lead: the first of its sections that lists each.
    listing = {kind.name: kind.lists for kind in all_kinds() if kind.role == LISTING}
    all_news = next((c for c in children if listing.get(c["kind"]) == ARTICLE), None)
    all_events = next((c for c in children if listing.get(c["kind"]) == EVENT), None)
    context = g.page_context(
        record,
        articles=articles,
        events=events,
        sections=sections,
        all_news=all_news,
        all_events=all_events,
    )
    g.render(template, g.out(record["url"]), context, owner=owner_of(record))
