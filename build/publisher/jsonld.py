"""schema.org JSON-LD for pages: NewsArticle, Event and GovernmentOrganization."""

from __future__ import annotations

import json

from markupsafe import Markup


def _organisation(site, lang: str) -> dict:
    data = {"@type": "GovernmentOrganization", "name": site.names[lang], "url": site.url(lang)}
    contact = site.contact
    if contact.get("email"):
        data["email"] = contact["email"]
    if contact.get("phone"):
        data["telephone"] = contact["phone"]
    if contact.get("address"):
        data["address"] = contact["address"]
    return data


SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def jsonld(record: dict, site) -> Markup:
    """The JSON-LD for ``record``, safe to put inside a ``<script>`` element."""
    lang = record["lang"]
    base = {"@context": "https://schema.org", "url": record["full_url"], "inLanguage": lang}
    image = [site.base_url + record["image"]["src"]] if record.get("image") else []
    if record["kind"] in {"news", "press"}:
        data = {
            **base,
            "@type": "NewsArticle",
            "headline": record["title"][:110],
            "description": record.get("lead", ""),
            "datePublished": record.get("date"),
            "dateModified": record.get("updated") or record.get("date"),
            "publisher": _organisation(site, lang),
            "author": _organisation(site, lang),
        }
        if image:
            data["image"] = image
    elif record["kind"] == "event":
        offers = {"@type": "Offer", "priceCurrency": "EUR", "url": record["full_url"]}
        if record.get("is_free"):
            offers["price"] = "0"
        else:
            offers["description"] = record.get("price", "")
        data = {
            **base,
            "@type": "Event",
            "name": record["title"],
            "description": record.get("lead", ""),
            "startDate": record["start"],
            "endDate": record["end"],
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": record.get("venue"),
                "address": record.get("address"),
            },
            "organizer": {"@type": "Organization", "name": record.get("organiser")},
            "offers": offers,
        }
        if image:
            data["image"] = image
    else:
        data = {**base, **_organisation(site, lang)}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script> the HTML parser reads "</script>", "<!--" and "<script" before any
    # JSON parser does: none of "<", ">" and "&" is written as itself (as Django's
    # json_script does), and JSON reads the escapes back as the same characters.
    return Markup(text.translate(SCRIPT_ESCAPES))  # noqa: S704 - escaped for a script element
