"""The Atom feeds: one per section that lists articles, events or notices, and one per
site and language of its articles and events."""

from __future__ import annotations

from datetime import datetime
from operator import itemgetter
from typing import TYPE_CHECKING

from records import ARTICLE, EVENT, kinds_with

from .. import feeds as atom
from ..dates import HELSINKI, when
from .common import article_date, owner_of

if TYPE_CHECKING:
    from .common import SiteOutputs


def _feed(g: SiteOutputs, title: str, link: str, lang: str, items: list[dict], owner: dict):
    # An empty feed is dated by the record that owns it, so it changes only with it.
    fallback = when(owner.get("updated")) or datetime(2000, 1, 1, tzinfo=HELSINKI)
    return atom.atom(
        title=title,
        link=link,
        lang=lang,
        items=items,
        site=g.site,
        sites=g.export.sites,
        fallback=fallback,
        when=when,
    )


def section_feed(g: SiteOutputs, record: dict, items: list[dict]) -> None:
    title = f"{g.site.names[record['lang']]}: {record['title']}"
    data = _feed(g, title, record["full_url"], record["lang"], items, owner=record)
    g.emit(g.out(record["url"], "feed.xml"), data, owner=owner_of(record))


def site_feed(g: SiteOutputs, lang: str) -> None:
    by_kind = g.index.by_kind
    fed = kinds_with(role=ARTICLE) | kinds_with(role=EVENT)
    items = [r for kind in sorted(fed) for r in by_kind.get((kind, lang), ())]
    items.sort(key=itemgetter("path"))  # tree order first, as ties keep it
    # Newest announcement first (an event by when it was published, not when it is).
    items.sort(key=lambda r: article_date(r) or r.get("published") or "", reverse=True)
    base = g.site.url(lang)
    home = g.find_home(lang) or {}
    data = _feed(g, g.site.names[lang], base, lang, items, owner=home)
    g.emit(g.out(base.removeprefix(g.site.base_url), "feed.xml"), data, owner="site")
