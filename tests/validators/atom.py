"""Atom feeds against RFC 4287 (its RELAX NG schema, Appendix B, and the rules it states in
prose and Schematron) and against what the W3C feed validator warns about: dates in the
future, an entry published after it was updated, a feed older than its entries, two entries
with the same ``id`` (RFC 4287 4.1.1), no ``rel="self"`` link. ``feedparser`` must
read every feed without complaint (its ``bozo`` flag)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import feedparser
import rnc2rng
from lxml import etree

from . import Finding

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 (section 3.3 of RFC 4287): a date-time with a time zone, unlike xsd:dateTime.
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
# The W3C validator's leeway for clocks that differ a little.
SLACK = timedelta(minutes=10)


@cache
def schema() -> etree.RelaxNG:
    text = (Path(__file__).parent / "atom.rnc").read_text()
    rng = rnc2rng.dumps(rnc2rng.loads(text))
    # rnc2rng declares the RNC's empty "local" prefix, which XML forbids; the schema
    # itself names the empty namespace as ns="" and does not need the prefix.
    rng = rng.replace('xmlns:local=""', "")
    return etree.RelaxNG(etree.fromstring(rng.encode()))


def feeds(root: Path) -> list[Path]:
    return sorted(root.rglob("feed.xml"))


def check_feed(data: bytes, now: datetime) -> list[tuple[str, str]]:
    """(severity, message) for one feed."""
    found: list[tuple[str, str]] = []
    try:
        document = etree.fromstring(data)
    except etree.XMLSyntaxError as error:
        return [("error", f"not well-formed: {error}")]
    validator = schema()
    if not validator.validate(etree.ElementTree(document)):
        found += [("error", f"schema: line {e.line}: {e.message}") for e in validator.error_log]
    parsed = feedparser.parse(data)
    if parsed.bozo:
        found.append(("error", f"feedparser: {parsed.bozo_exception}"))
    entries = document.findall(f"{ATOM}entry")
    if document.find(f"{ATOM}author") is None and any(
        e.find(f"{ATOM}author") is None for e in entries
    ):
        found.append(("error", "no atom:author on the feed nor on every entry (RFC 4287 4.1.1)"))
    if not any(link.get("rel") == "self" for link in document.findall(f"{ATOM}link")):
        found.append(("warning", 'no atom:link with rel="self"'))
    dates = [
        element
        for element in document.iter(f"{ATOM}updated", f"{ATOM}published")
        if element.getparent().tag in {f"{ATOM}feed", f"{ATOM}entry"}
    ]
    for element in dates:
        text = (element.text or "").strip()
        if not RFC3339.match(text):
            found.append(("error", f"{element.tag[len(ATOM) :]} {text!r} is not RFC 3339"))
        elif datetime.fromisoformat(text.replace("Z", "+00:00")) > now + SLACK:
            found.append(("warning", f"{element.tag[len(ATOM) :]} {text} is in the future"))
    feed_updated = _date(document.find(f"{ATOM}updated"))
    seen_ids: set[str] = set()
    for entry in entries:
        title = entry.findtext(f"{ATOM}title") or "?"
        published = _date(entry.find(f"{ATOM}published"))
        updated = _date(entry.find(f"{ATOM}updated"))
        if published and updated and published > updated:
            found.append(("warning", f"{title!r}: published after updated"))
        if feed_updated and updated and updated > feed_updated:
            found.append(("warning", f"{title!r}: updated after the feed's updated"))
        entry_id = entry.findtext(f"{ATOM}id") or ""
        if entry_id in seen_ids:
            found.append(("error", f"{title!r}: id {entry_id} used twice"))
        seen_ids.add(entry_id)
        links = entry.findall(f"{ATOM}link")
        if entry.find(f"{ATOM}content") is None and not any(
            link.get("rel", "alternate") == "alternate" for link in links
        ):
            found.append(("error", f"{title!r}: no alternate link and no content"))
    return found


def _date(element) -> datetime | None:
    text = (element.text or "").strip() if element is not None else ""
    if not RFC3339.match(text):
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def validate(roots: dict[str, Path], now: datetime) -> list[Finding]:
    findings = []
    for site, root in roots.items():
        for path in feeds(root):
            for severity, message in check_feed(path.read_bytes(), now):
                findings.append(
                    Finding("atom", site, str(path.relative_to(root)), message, severity)
                )
    return findings
