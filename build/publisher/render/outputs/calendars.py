"""iCalendar files: one per event, and one per event section of every event it lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import ical
from .common import owner_of

if TYPE_CHECKING:
    from .common import SiteOutputs


def event_calendar(g: SiteOutputs, record: dict, *, owner: str) -> None:
    calendar = ical.calendar(
        [(record, record["full_url"])],
        name=record["title"],
        hostname=g.site.hostname,
        lang=record["lang"],
    )
    g.emit(g.out(record["url"], "event.ics"), calendar, owner=owner)


def section_calendar(g: SiteOutputs, record: dict, path: str, vevents) -> None:
    """The calendar of an event section (its events, made and kept by ``schedule.py``)."""
    calendar = ical.assemble(
        vevents,
        name=f"{g.site.names[record['lang']]}: {record['title']}",
        hostname=g.site.hostname,
        lang=record["lang"],
    )
    g.emit(path, calendar, owner=owner_of(record))
