"""Each record's own page, with the files that come with it."""

from __future__ import annotations

import heapq
import logging
from operator import itemgetter
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from records import ARTICLE, EVENT, HOME, LISTING, NOTICE, all_kinds, kind_named, kinds_with

from ...export.siteindex import ById
from . import calendars, listings
from .common import article_date, owner_of
from .listings import SEGMENTS
from .owned import ARCHIVE, NAME_BYTES, listing_words, own_folders, too_long

if TYPE_CHECKING:
    from .common import SiteOutputs

logger = logging.getLogger(__name__)
# An empty file next to a page or document: nginx sends "X-Robots-Tag: noindex" for it.
NOINDEX = ".noindex"
# How many of the notices on view a home page lists (all of them are a link away).
HOME_NOTICES = 4


def isolated_page_outputs(g: SiteOutputs, record: dict, failures: dict[int, str] | None) -> None:
    """A record's own outputs; with ``failures`` (a build, not a preview), one that cannot be
    made leaves none behind and is noted there: the rest of its site goes live without it.
    Unless another page of its kind fails too: then the fault is the theme's or the code's,
    not the page's, and the site's build fails as a whole (its live release stays)."""
    if failures is None:
        page_outputs(g, record)
        return
    try:
        page_outputs(g, record)
    except Exception as error:
        # (An address that is the publisher's own is the page's fault by definition.)
        if not isinstance(error, AddressTaken) and not _fault_of_page(g, record, failures):
            raise
        logger.exception("%s: page %s left out of the build", g.site.key, record["id"])
        owner = owner_of(record)
        for path in [path for path, own in g.owners.items() if own == owner]:
            g.files.pop(path, None)
            del g.owners[path]
        # (The publisher's own refusal is told as itself; anything else with its type.)
        failures[record["id"]] = (
            str(error) if isinstance(error, AddressTaken) else f"{type(error).__name__}: {error}"
        )


def _fault_of_page(g: SiteOutputs, record: dict, failures: dict[int, str]) -> bool:
    """Whether another page of the record's kind renders (again: the same bytes it has)."""
    others = (
        r
        for r in g.records
        if r["kind"] == record["kind"]
        and r["id"] not in (record["id"], *failures)
        and not _address_taken(g, r)
    )
    control = next(others, None)
    if control is None:
        return True  # (the only one of its kind: nothing tells it from the theme)
    try:
        with translation.override(control["lang"]):
            page_outputs(g, control)
    except Exception:  # noqa: BLE001 - the answer is "no": the caller raises the first error
        return False
    return True


class AddressTaken(ValueError):
    """A page at an address that is the publisher's own (made by a copy, a move or a bulk
    publish, which the page form's slug check does not see): left out of the build, as
    every page that cannot be rendered is, so that full and incremental builds agree."""


def _address_taken(g: SiteOutputs, record: dict) -> str | None:
    """Why ``record``'s address cannot be its own, if it cannot: the publisher's own
    (``owned.py``'s list), or longer than a folder's name may be."""
    # (Told to the page's editor, in the admin's language: the build renders in the page's.)
    with translation.override(settings.LANGUAGE_CODE):
        if any(len(part.encode()) > NAME_BYTES for part in record["url"].split("/")):
            message = gettext("%(url)s… is longer than a folder's name may be (shorten its slug)")
            return message % {"url": record["url"][:60]}
        if too_long(record["url"]):
            message = gettext("%(url)s… is longer than an address may be (shorten the slugs)")
            return message % {"url": record["url"][:60]}
        if kind_named(record["kind"]).role == HOME:
            return None
        lang = record["lang"]
        prefix = "" if lang == g.site.languages[0] else f"/{lang}"
        rest = record["url"].removeprefix(prefix).strip("/").lower().split("/")
        folders = own_folders() if not prefix else {SEGMENTS["search"][lang]}
        taken = gettext("%(url)s is the site's own address (choose another slug)")
        taken %= {"url": record["url"]}
        if len(rest) == 1 and rest[0] in folders:
            return taken
        parent = g.index.by_path.get(record["path"][:-4])
        listing = parent is not None and kind_named(parent["kind"]).role == LISTING
        if listing and (ARCHIVE.match(rest[-1]) or rest[-1] in listing_words()):
            return taken
        return None


def page_outputs(g: SiteOutputs, record: dict) -> None:
    if taken := _address_taken(g, record):
        raise AddressTaken(taken)
    kind = kind_named(record["kind"])
    owner = owner_of(record)
    children = g.index.children_of(record)
    if kind.role == HOME:
        home_page(g, record, kind.template, children)
    elif kind.role == LISTING:
        listings.LISTINGS[kind.lists or ""](g, record, children)
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


def home_page(g: SiteOutputs, record: dict, template: str, children: list[dict]) -> None:
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
    # The notices on view now, newest first (the plan renders the home page again when one
    # of them changes or its display period ends).
    notice_index = next((c for c in children if listing.get(c["kind"]) == NOTICE), None)
    on_view = [] if notice_index is None else g.index.children_of(notice_index)
    current = heapq.nlargest(
        HOME_NOTICES, (n for n in on_view if not n["ended"]), key=itemgetter("date")
    )
    context = g.page_context(
        record,
        tasks=top_tasks(g, record),
        articles=articles,
        events=events,
        sections=sections,
        all_news=all_news,
        all_events=all_events,
        notice_index=notice_index,
        current_notices=current,
    )
    g.render(template, g.out(record["url"]), context, owner=owner_of(record))


def top_tasks(g: SiteOutputs, record: dict) -> list[dict]:
    """The home page's top tasks as links: a page's with its title and address as they are
    now (the plan renders the home page again when one changes), an external address as
    the editors gave it. A page that is no longer on a site is left out."""
    links = []
    for task in record.get("top_tasks") or ():
        if task["page"] is None:
            if task["url"]:
                links.append({"title": task["label"] or task["url"], "url": task["url"]})
            continue
        target = g.index.by_id.get(task["page"]) or ById(g.export).get(task["page"])
        if target is not None:
            links.append({"title": task["label"] or target["title"], "url": g.link(target)})
    return links
