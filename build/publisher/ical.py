"""iCalendar (RFC 5545) files for events: one per event and one per calendar."""

from __future__ import annotations

from datetime import UTC, datetime


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _utc(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def vevent(event: dict, *, url: str, stamp: str, hostname: str) -> list[str]:
    location = ", ".join(part for part in (event.get("venue"), event.get("address")) if part)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event['key']}-{event['lang']}@{hostname}",
        f"DTSTAMP:{_utc(stamp)}",
        f"DTSTART:{_utc(event['start'])}",
        f"DTEND:{_utc(event['end'])}",
        f"SUMMARY:{_escape(event['title'])}",
        f"URL:{url}",
    ]
    if event.get("lead"):
        lines.append(f"DESCRIPTION:{_escape(event['lead'])}")
    if location:
        lines.append(f"LOCATION:{_escape(location)}")
    if event.get("organiser"):
        lines.append(f"ORGANIZER;CN={_escape(event['organiser'])}:noreply@{hostname}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: list[tuple[dict, str]], *, name: str, hostname: str, lang: str) -> bytes:
    """A VCALENDAR of (event record, absolute URL) pairs."""
    vevents = [folded_vevent(event, url, hostname) for event, url in events]
    return assemble(vevents, name=name, hostname=hostname, lang=lang)


def assemble(vevents: list[bytes], *, name: str, hostname: str, lang: str) -> bytes:
    """A VCALENDAR of folded VEVENTs (``folded_vevent``), in this order. They are kept
    encoded: a calendar of thousands of events is then one join, not a join and an
    encoding of megabytes of text."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{hostname}//city web platform//{lang.upper()}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Europe/Helsinki",
    ]
    header = "\r\n".join(_fold(line) for line in lines).encode("utf-8")
    return b"\r\n".join([header, *vevents, b"END:VCALENDAR"]) + b"\r\n"


# (event id, url, host) -> (the event record, its folded VEVENT in UTF-8): a worker keeps unchanged
# records as the same objects, so a calendar of thousands of events re-renders only the
# changed ones. The record is held, so its identity cannot be a freed object's.
_vevents: dict[tuple[int, str, str], tuple[dict, bytes]] = {}


def folded_vevent(event: dict, url: str, hostname: str) -> bytes:
    key = (event["id"], url, hostname)
    known = _vevents.get(key)
    if known is not None and known[0] is event:
        return known[1]
    stamp = event.get("updated") or event["start"]
    lines = vevent(event, url=url, stamp=stamp, hostname=hostname)
    text = "\r\n".join(_fold(line) for line in lines).encode("utf-8")
    _vevents[key] = (event, text)
    return text
