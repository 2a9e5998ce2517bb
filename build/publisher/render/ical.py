"""iCalendar (RFC 5545) files for events: one per event and one per calendar.

Written by the ``icalendar`` package, which escapes text values, quotes parameter values
(an organiser's name with a colon cannot spoof the address after it), folds long lines
and never lets a bare CR or LF through. The organiser is a ``mailto:`` address, as the
property requires (its name is the ``CN`` parameter).

An event has one UID wherever it is listed: made of its translation key, its language and
the host name of the site it belongs to, never of the calendar's site. Someone subscribed to
the city's calendar and the events site's sees a syndicated event once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import urlsplit

from icalendar import Calendar, Event, vCalAddress, vText

from ..context import memory


def _utc(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(UTC)


def _text(value: str) -> str:
    """A value as one line of text: CR and LF become the escaped line breaks of RFC 5545
    (the library escapes "\\n"; a lone "\\r" would be a stray control character)."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def origin_host(event: dict) -> str:
    """The host name of the site the event belongs to."""
    return urlsplit(event["full_url"]).hostname or "localhost"


def uid(event: dict) -> str:
    return f"{event['key']}-{event['lang']}@{origin_host(event)}"


def vevent(event: dict, *, url: str, stamp: str) -> Event:
    location = ", ".join(part for part in (event.get("venue"), event.get("address")) if part)
    component = Event()
    component.add("uid", uid(event))
    component.add("dtstamp", _utc(stamp))
    component.add("dtstart", _utc(event["start"]))
    component.add("dtend", _utc(event["end"]))
    component.add("summary", _text(event["title"]))
    component.add("url", url, parameters={"VALUE": "URI"})
    if event.get("lead"):
        component.add("description", _text(event["lead"]))
    if location:
        component.add("location", _text(location))
    if event.get("organiser"):
        organiser = vCalAddress(f"mailto:noreply@{origin_host(event)}")
        organiser.params["CN"] = vText(_text(event["organiser"]).replace("\n", " "))
        component.add("organizer", organiser, encode=False)
    return component


def calendar(events: list[tuple[dict, str]], *, name: str, hostname: str, lang: str) -> bytes:
    """A VCALENDAR of (event record, absolute URL) pairs."""
    vevents = [folded_vevent(event, url) for event, url in events]
    return assemble(vevents, name=name, hostname=hostname, lang=lang)


def assemble(vevents: list[bytes], *, name: str, hostname: str, lang: str) -> bytes:
    """A VCALENDAR of folded VEVENTs (``folded_vevent``), in this order. They are kept
    encoded: a calendar of thousands of events is then one join, not a join and an
    encoding of megabytes of text."""
    header = Calendar()
    header.add("version", "2.0")
    header.add("prodid", f"-//{hostname}//city web platform//{lang.upper()}")
    header.add("calscale", "GREGORIAN")
    header.add("method", "PUBLISH")
    # (An X- property is written as it is given unless it is typed as text: escaped here.)
    header.add("x-wr-calname", vText(_text(name)))
    header.add("x-wr-timezone", "Europe/Helsinki")
    opening = header.to_ical().removesuffix(b"END:VCALENDAR\r\n")
    return opening + b"".join(vevents) + b"END:VCALENDAR\r\n"


class Vevents(dict[tuple[int, str], tuple[dict, bytes]]):
    """A build context's events: (event id, url) -> (the event record, its folded VEVENT in
    UTF-8). A worker keeps unchanged records as the same objects, so a calendar of thousands
    of events re-renders only the changed ones. The record is held, so its identity cannot
    be a freed object's."""


def folded_vevent(event: dict, url: str) -> bytes:
    """The event's VEVENT, encoded and folded, ending in CRLF."""
    key = (event["id"], url)
    vevents = memory(Vevents)
    known = vevents.get(key)
    if known is not None and known[0] is event:
        return known[1]
    stamp = event.get("updated") or event["start"]
    text = vevent(event, url=url, stamp=stamp).to_ical()
    vevents[key] = (event, text)
    return text
