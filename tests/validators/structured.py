"""Structured data as search engines and link previews read it, extracted by ``extruct``
from every built page: JSON-LD per schema.org type with the properties Google's rich
results require and recommend, a ``BreadcrumbList`` wherever breadcrumbs show, the
organisation as a ``GovernmentOrganization`` (with ``parentOrganization`` on a sub-site)
and OpenGraph for link previews (an image of at least 1200 x 630)."""

from __future__ import annotations

from pathlib import Path

import extruct

from . import Finding

# Google's required properties (and the recommended ones it warns about) per type.
REQUIRED = {
    "NewsArticle": ("headline", "datePublished", "author", "publisher"),
    "Event": ("name", "startDate", "location"),
    "BreadcrumbList": ("itemListElement",),
    "GovernmentOrganization": ("name", "url"),
}
RECOMMENDED = {
    "NewsArticle": ("image", "dateModified", "description"),
    "Event": ("endDate", "eventStatus", "description", "offers", "organizer", "image"),
    "GovernmentOrganization": ("logo", "address", "telephone"),
}
OPENGRAPH = ("og:title", "og:type", "og:url", "og:site_name", "og:locale")


def pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("index.html") if "/korpus" not in str(p))


def nodes(data: list[dict]) -> list[dict]:
    """Every node of the page's JSON-LD, ``@graph``s flattened."""
    found = []
    for item in data:
        found += item.get("@graph", [item])
    return found


def check_page(html: str, url: str, *, sub_site: bool) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"])
    graph = nodes(data["json-ld"])
    types = {node.get("@type") for node in graph}
    for node in graph:
        kind = node.get("@type")
        for prop in REQUIRED.get(kind, ()):
            if not node.get(prop):
                found.append(("error", f"{kind} without {prop}"))
        for prop in RECOMMENDED.get(kind, ()):
            if not node.get(prop):
                found.append(("warning", f"{kind} without {prop} (recommended)"))
        if kind == "Event":
            location = node.get("location") or {}
            if not isinstance(location.get("address"), dict):
                found.append(("error", "Event location without a PostalAddress"))
            offer = node.get("offers") or {}
            if offer and not ("price" in offer or "lowPrice" in offer):
                found.append(("warning", "Event offer without a price"))
        if kind in {"NewsArticle", "Event"}:
            images = node.get("image") or []
            if images and not any("1200x" in image or "width-1600" in image for image in images):
                found.append(("warning", f"{kind} image narrower than 1200 px"))
        if kind == "GovernmentOrganization":
            if "inLanguage" in node:
                found.append(("error", "inLanguage on an organisation"))
            if not isinstance(node.get("address", {}), dict):
                found.append(("error", "organisation address is not a PostalAddress"))
            if sub_site and not node.get("parentOrganization"):
                found.append(("error", "a sub-site's organisation without parentOrganization"))
    if not graph:
        found.append(("error", "no structured data"))
    elif not types & {"GovernmentOrganization"}:
        found.append(("warning", "no organisation"))
    # The page's own breadcrumbs (the component library shows the component's markup as
    # an example: not this page's).
    own = html.split('<div class="library">', 1)[0]
    if 'class="breadcrumbs"' in own and "BreadcrumbList" not in types:
        found.append(("error", "breadcrumbs shown without a BreadcrumbList"))
    opengraph: dict[str, str] = {}
    for item in data["opengraph"]:
        for prop, value in item["properties"]:
            opengraph.setdefault(prop, value)
    for prop in OPENGRAPH:
        if not opengraph.get(prop):
            found.append(("error", f"no {prop}"))
    if opengraph.get("og:image") and int(opengraph.get("og:image:width", 0)) < 1200:
        found.append(("warning", "og:image narrower than 1200 px"))
    return found


def validate(roots: dict[str, Path], *, city: str = "city") -> list[Finding]:
    findings = []
    for site, root in roots.items():
        for page in pages(root):
            html = page.read_text("utf-8")
            if 'name="robots" content="noindex' in html and "/kuulutukset/" not in str(page):
                continue
            if 'http-equiv="refresh"' in html:
                continue  # an old address's redirect page: no page of its own
            relative = str(page.relative_to(root))
            url = f"http://{site}.localhost/" + relative.removesuffix("index.html")
            for severity, message in check_page(html, url, sub_site=site != city):
                findings.append(Finding("structured", site, relative, message, severity))
    return findings
