"""Sitemaps against the sitemaps.org 0.9 schema (with the xhtml:link schema of language
alternates), and what a search engine then does with them: every address on the site's
own host and built, no page marked noindex, no date in the future, and every page's
hreflang set reciprocal, naming itself and an ``x-default``."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from . import Finding

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(Path(__file__).parent / "sitemap.xsd")))


def built_file(root: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return root / path / "index.html" if path.endswith("/") or not path else root / path


def validate(roots: dict[str, Path], today: date) -> list[Finding]:
    findings: list[Finding] = []
    for site, root in roots.items():

        def report(message: str, severity: str = "error") -> None:
            findings.append(Finding("sitemap", site, "sitemap.xml", message, severity))  # noqa: B023

        document = etree.parse(str(root / "sitemap.xml"))
        validator = schema()
        if not validator.validate(document):
            for error in validator.error_log:
                report(f"schema: line {error.line}: {error.message}")
        alternates: dict[str, dict[str, str]] = {}
        host = None
        for url in document.getroot().iter(f"{SM}url"):
            loc = url.findtext(f"{SM}loc") or ""
            parts = urlsplit(loc)
            host = host or parts.netloc
            if parts.netloc != host:
                report(f"{loc}: not on the site's own host {host}")
            page = built_file(root, loc)
            if not page.is_file():
                report(f"{loc}: no such page in the built site")
            elif b'name="robots" content="noindex' in page.read_bytes():
                report(f"{loc}: a noindex page offered to crawlers")
            lastmod = url.findtext(f"{SM}lastmod")
            if lastmod and date.fromisoformat(lastmod[:10]) > today:
                report(f"{loc}: lastmod {lastmod} is in the future", "warning")
            links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
            alternates[loc] = links
        for loc, links in alternates.items():
            if not links:
                continue
            if loc not in links.values():
                report(f"{loc}: its hreflang set does not name itself")
            if "x-default" not in links:
                report(f"{loc}: no hreflang x-default")
            for lang, href in links.items():
                if href == loc or lang == "x-default":
                    continue
                back = alternates.get(href)
                if back is None:
                    report(f"{loc}: hreflang {lang} {href} is not in the sitemap")
                elif back != links:
                    report(f"{loc}: hreflang set differs from that of {href}")
    return findings
