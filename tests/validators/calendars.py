"""Calendars as calendar programs read them: every ``.ics`` parsed by ``icalendar`` and
validated by ``vobject``; ``ORGANIZER`` a ``mailto:`` URI (RFC 5545 3.3.3); one UID per
event across every calendar of every site, and one event per UID, so that someone
subscribed to two of the city's calendars sees each event once; the times those of the
event's own page."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import vobject
from icalendar import Calendar

from . import Finding

TIME_RE = re.compile(r'<time datetime="([^"]+)"')


def calendars(root: Path) -> list[Path]:
    return sorted(root.rglob("*.ics"))


def _page_times(roots: dict[str, Path], url: str) -> list[datetime] | None:
    """The <time> values of an event's page, from the built site the URL names."""
    parts = urlsplit(url)
    site = (parts.hostname or "").split(".")[0]
    if site not in roots:
        return None
    page = roots[site] / parts.path.lstrip("/") / "index.html"
    if not page.is_file():
        return None
    found = TIME_RE.findall(page.read_text("utf-8"))
    return [datetime.fromisoformat(value).astimezone(UTC) for value in found[:2]]


def validate(roots: dict[str, Path]) -> list[Finding]:
    findings: list[Finding] = []
    uids_of_url: dict[str, set[str]] = defaultdict(set)
    urls_of_uid: dict[str, set[str]] = defaultdict(set)
    where: dict[str, tuple[str, str]] = {}
    for site, root in roots.items():
        for path in calendars(root):
            name = str(path.relative_to(root))

            def report(message: str, severity: str = "error") -> None:
                findings.append(Finding("ical", site, name, message, severity))  # noqa: B023

            data = path.read_bytes()
            try:
                calendar = Calendar.from_ical(data)
            except ValueError as error:
                report(f"icalendar cannot parse it: {error}")
                continue
            try:
                vobject.readOne(data.decode("utf-8")).validate(raiseException=True)
            except Exception as error:  # noqa: BLE001 - vobject raises many kinds
                report(f"vobject: {error}")
            for event in calendar.walk("VEVENT"):
                uid, url = str(event.get("UID", "")), str(event.get("URL", ""))
                summary = str(event.get("SUMMARY", "?"))
                if not uid:
                    report(f"{summary!r}: no UID")
                organizer = event.get("ORGANIZER")
                if organizer is not None and not str(organizer).startswith("mailto:"):
                    report(f"{summary!r}: ORGANIZER {organizer} is not a mailto: URI")
                for required in ("DTSTAMP", "DTSTART", "SUMMARY"):
                    if required not in event:
                        report(f"{summary!r}: no {required}")
                uids_of_url[url].add(uid)
                urls_of_uid[uid].add(url)
                where.setdefault(uid, (site, name))
                times = _page_times(roots, url)
                if times is None:
                    report(f"{summary!r}: its page {url} is not in the built sites")
                    continue
                start, end = event.decoded("DTSTART"), event.decoded("DTEND", None)
                if times[:1] != [start.astimezone(UTC)] or (
                    end is not None and times[1:2] != [end.astimezone(UTC)]
                ):
                    report(f"{summary!r}: times differ from its page ({times} vs {start}, {end})")
    for url, uids in uids_of_url.items():
        if len(uids) > 1:
            site, name = where[sorted(uids)[0]]
            findings.append(
                Finding("ical", site, name, f"{url} has {len(uids)} UIDs: {sorted(uids)}")
            )
    for uid, urls in urls_of_uid.items():
        if len(urls) > 1:
            site, name = where[uid]
            findings.append(Finding("ical", site, name, f"UID {uid} names {sorted(urls)}"))
    return findings
