"""Calendars against hostile values: an organiser's name that tries to put its own address
after a colon, bare CRs and line breaks in a title, quotes and semicolons. Read back by
the ``icalendar`` parser, and checked as bytes (RFC 5545: CRLF line ends only, lines of
at most 75 octets)."""

from __future__ import annotations

import re

from icalendar import Calendar

from publisher.render import ical

EVENT = {
    "id": 1,
    "key": "0b6f4c1e-6a8a-4c59-9d39-6f1f0f5d2a10",
    "lang": "fi",
    "start": "2026-12-24T10:00:00+02:00",
    "end": "2026-12-24T12:00:00+02:00",
    "title": "Joulu\rmarkkinat\r\nBEGIN:VALARM",
    "lead": "Rivi 1\nRivi 2; pilkku, ja kenoviiva \\",
    "venue": "Tori",
    "address": "Kauppakatu 1",
    "organiser": 'Seura: mailto:evil@attacker.example;ROLE=CHAIR"\r\nX',
    "full_url": "https://city.example/tapahtumat/joulu/",
}


def _calendar() -> bytes:
    return ical.calendar(
        [(EVENT, "https://city.example/tapahtumat/joulu/")],
        name="Kaupunki",
        hostname="city.example",
        lang="fi",
    )


def test_hostile_values_stay_values():
    data = _calendar()
    assert re.search(rb"\r(?!\n)|(?<!\r)\n", data) is None  # no bare CR or LF
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    [event] = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:noreply@city.example"
    assert event["ORGANIZER"].params["CN"] == 'Seura: mailto:evil@attacker.example;ROLE=CHAIR" X'
    assert "ROLE" not in event["ORGANIZER"].params
    assert str(event["SUMMARY"]) == "Joulu\nmarkkinat\nBEGIN:VALARM"
    assert not Calendar.from_ical(data).walk("VALARM")
    assert str(event["DESCRIPTION"]) == EVENT["lead"]
    assert str(event["LOCATION"]) == "Tori, Kauppakatu 1"
    assert str(event["URL"]) == "https://city.example/tapahtumat/joulu/"


def test_a_calendar_is_its_events_vevents_joined():
    vevent = ical.folded_vevent(EVENT, "https://city.example/tapahtumat/joulu/")
    assert vevent.startswith(b"BEGIN:VEVENT\r\n") and vevent.endswith(b"END:VEVENT\r\n")
    assert _calendar().count(vevent) == 1


def test_an_event_has_one_uid_in_every_sites_calendar():
    """The events site lists the city's event too: someone subscribed to both calendars
    must see it once, so its UID names the city's host whichever site's calendar it is in."""
    uids = set()
    for hostname in ("city.example", "events.example"):
        data = ical.calendar([(EVENT, EVENT["full_url"])], name="x", hostname=hostname, lang="fi")
        [event] = Calendar.from_ical(data).walk("VEVENT")
        uids.add(str(event["UID"]))
        assert str(event["ORGANIZER"]) == "mailto:noreply@city.example"
    assert uids == {f"{EVENT['key']}-fi@city.example"}


def test_a_calendar_named_by_a_title_with_a_line_break_stays_one_line():
    """An event's calendar is named by its title: a line break in it stopped the site's
    build (the name went unescaped into X-WR-CALNAME)."""
    data = ical.calendar(
        [(EVENT, "https://city.example/tapahtumat/joulu/")],
        name="Valtuuston kokous\nrivi\r\nBEGIN:VALARM",
        hostname="city.example",
        lang="fi",
    )
    assert re.search(rb"\r(?!\n)|(?<!\r)\n", data) is None
    parsed = Calendar.from_ical(data)
    # (The parser keeps an X- property as written: escaped, on one line.)
    assert str(parsed["X-WR-CALNAME"]) == "Valtuuston kokous\\nrivi\\nBEGIN:VALARM"
    assert not parsed.walk("VALARM")
