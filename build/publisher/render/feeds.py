"""Atom feeds (RFC 4287) of a site's sections and of the site as a whole.

Every feed names its author, the site's organisation, so that it and every entry have one
(RFC 4287 4.1.1); an entry syndicated from another site names that site's. ``published``
is when the page was first published, never an event's start: a feed reader shows it as
the entry's date, and an event announced today is news today, not on the day it happens.
``updated`` is never before ``published``. Summaries are plain text (the lead), so they
are sent as ``type="text"``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from feedgenerator import Atom1Feed

if TYPE_CHECKING:  # the record types only: these modules need no Django
    from ..export.exporter import SiteInfo

# Entries per feed: what readers fetch again and again, kept small.
FEED_SIZE = 30


class CityAtomFeed(Atom1Feed):
    """An Atom feed whose <updated> depends only on its content (an empty feed takes the
    given fallback instead of the current time, so rebuilding it changes no bytes), with
    plain-text summaries."""

    def __init__(self, *args, fallback: datetime, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fallback = fallback

    def latest_post_date(self):
        dates = [
            d for item in self.items for d in (item.get("updateddate"), item.get("pubdate")) if d
        ]
        return max(dates, default=self.fallback)

    def add_item_elements(self, handler, item) -> None:
        # feedgenerator writes every summary as type="html"; a lead is plain text.
        summary, item["description"] = item["description"], None
        super().add_item_elements(handler, item)
        if summary:
            handler.addQuickElement("summary", summary, {"type": "text"})


def entry_dates(item: dict, when: Callable[[str | None], datetime | None]):
    """(published, updated) of a record as a feed shows them."""
    published = when(item.get("published"))
    updated = when(item.get("updated")) or published
    dated = when(item.get("date"))
    if dated is not None and dated <= (updated or dated):
        # A news item's own date, when the editor dated it before its last publication.
        published = dated
    if published and updated and updated < published:
        updated = published
    return published, updated


def atom(
    *,
    title: str,
    link: str,
    lang: str,
    items: list[dict],
    site: SiteInfo,
    sites: dict[str, SiteInfo],
    fallback: datetime,
    when: Callable[[str | None], datetime | None],
) -> bytes:
    """The feed of these records (the first ``FEED_SIZE``), written by ``site``."""
    feed = CityAtomFeed(
        title=title,
        link=link,
        description="",
        language=lang,
        feed_url=link + "feed.xml",
        author_name=site.names.get(lang) or site.names[site.languages[0]],
        author_link=site.url(lang),
        author_email=site.contact.get("email") or None,
        fallback=fallback,
    )
    for item in items[:FEED_SIZE]:
        published, updated = entry_dates(item, when)
        origin = sites.get(item["site"], site)
        other = origin.key != site.key
        feed.add_item(
            title=item["title"],
            link=item["full_url"],
            description=item.get("lead") or "",
            unique_id=item["full_url"],
            pubdate=published,
            updateddate=updated,
            author_name=(origin.names.get(lang) or origin.names[origin.languages[0]])
            if other
            else None,
            author_link=origin.base_url + "/" if other else None,
        )
    return feed.writeString("utf-8").encode("utf-8")
