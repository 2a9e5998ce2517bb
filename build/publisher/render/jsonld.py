"""schema.org JSON-LD of every page, as search engines and residents' tools read it.

One ``@graph`` per page: the page itself (``WebPage``, ``CollectionPage``,
``NewsArticle``, ``Event``), its ``BreadcrumbList`` and the site's organisation, a
``GovernmentOrganization`` whose ``parentOrganization`` is the city for a sub-site. Nodes
refer to each other by ``@id``, so the organisation is described once per page. An
address is a ``PostalAddress``; a paid event's offer has a numeric ``price``; images are
the page's 1200-pixel share image and its largest rendition. Personal data never enters
it: a notice's node carries its matter and dates only.
"""

from __future__ import annotations

import json
import re
from types import MappingProxyType
from typing import TYPE_CHECKING

from markupsafe import Markup

from records import ARTICLE, EVENT, LISTING, NOTICE, role_of

if TYPE_CHECKING:  # the record types only: these modules need no Django
    from ..export.exporter import SiteInfo

# "Kaupungintalo, Rantakatu 1, 99100 Kaislahti": the last part is the postal code and the
# town, or the town alone ("Satamatie 2, Kaislahti").
POSTAL_RE = re.compile(r"^\s*(?:(?P<code>\d{5})\s+)?(?P<town>[^\d]+?)\s*$")
AMOUNT_RE = re.compile(r"\d+(?:[.,]\d{1,2})?")
SCRIPT_ESCAPES = MappingProxyType({ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"})
# A page's schema.org type by its kind's role (articles and events have their own nodes).
# The search page is the publisher's own, of no registered kind.
PAGE_TYPES = MappingProxyType({"search": "SearchResultsPage", LISTING: "CollectionPage"})


def postal_address(text: str | None) -> dict | str | None:
    """A Finnish address as a ``PostalAddress`` ("street, 99100 Town"); the text as it is
    when it does not end in a postal code and town."""
    text = text or ""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:  # (nothing, or only commas and spaces: an address of nothing)
        return None
    match = POSTAL_RE.match(parts[-1]) if len(parts) > 1 or parts[-1][:1].isdigit() else None
    if match is None:
        return {"@type": "PostalAddress", "streetAddress": text.strip(), "addressCountry": "FI"}
    address = {"@type": "PostalAddress", "addressLocality": match["town"], "addressCountry": "FI"}
    if match["code"]:
        address["postalCode"] = match["code"]
    if parts[:-1]:
        address["streetAddress"] = ", ".join(parts[:-1])
    return address


def organisation_id(site: SiteInfo) -> str:
    return f"{site.base_url}/#organization"


def organisation(site: SiteInfo, lang: str, sites: dict[str, SiteInfo]) -> dict:
    """The site's organisation: the city, or one of its services under the city."""
    name = site.names.get(lang) or site.names[site.languages[0]]
    data: dict[str, object] = {
        "@type": "GovernmentOrganization",
        "@id": organisation_id(site),
        "name": name,
        "url": site.url(lang),
        "logo": f"{site.base_url}/logo.png",
    }
    contact = site.contact
    if contact.get("email"):
        data["email"] = contact["email"]
    if contact.get("phone"):
        data["telephone"] = contact["phone"]
    if contact.get("address"):
        data["address"] = postal_address(contact["address"])
    parent = sites.get(site.parent) if site.parent else None
    if parent is not None and parent.key != site.key:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "@id": organisation_id(parent),
            "name": parent.names.get(lang) or parent.names[parent.languages[0]],
            "url": parent.url(lang),
        }
    return data


def images(record: dict, site: SiteInfo, fallback: dict | None = None) -> list[str]:
    """The page's share image and largest rendition; for a page without an image, the
    site's (its home page's share image), as link previews show it too."""
    image = record.get("image")
    if not image:
        share = (fallback or {}).get("share")
        return [site.base_url + share["src"]] if share else []
    found = [site.base_url + image["share"]["src"]] if image.get("share") else []
    return [*found, site.base_url + image["src"]]


def breadcrumb_list(record: dict, crumbs: list[dict], site: SiteInfo) -> dict | None:
    if not crumbs:
        return None
    items = [
        {"@type": "ListItem", "position": n, "name": c["title"], "item": site.base_url + c["url"]}
        for n, c in enumerate(crumbs, start=1)
    ]
    items.append({"@type": "ListItem", "position": len(items) + 1, "name": record["title"]})
    return {
        "@type": "BreadcrumbList",
        "@id": record["full_url"] + "#breadcrumb",
        "itemListElement": items,
    }


def _number(text: str) -> int | float:
    """ "8" -> 8, "7,50" -> 7.5: a price as schema.org's Number."""
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def offers(record: dict) -> dict | None:
    common = {"priceCurrency": "EUR", "url": record["full_url"]}
    common["availability"] = "https://schema.org/InStock"
    if record.get("published"):
        common["validFrom"] = record["published"]
    if record.get("is_free"):
        return {"@type": "Offer", "price": 0, **common}
    amounts = sorted({_number(a) for a in AMOUNT_RE.findall(record.get("price") or "")})
    if not amounts:
        return None
    if len(amounts) == 1:
        return {"@type": "Offer", "price": amounts[0], "description": record["price"], **common}
    return {
        "@type": "AggregateOffer",
        "lowPrice": amounts[0],
        "highPrice": amounts[-1],
        "offerCount": len(amounts),
        "description": record["price"],
        **common,
    }


def event(record: dict, site: SiteInfo) -> dict:
    place = {"@type": "Place", "name": record.get("venue") or record.get("address")}
    address = postal_address(record.get("address")) or postal_address(record.get("venue"))
    if address:
        place["address"] = address
    data = {
        "@type": "Event",
        "name": record["title"],
        "description": record.get("lead", ""),
        "startDate": record["start"],
        "endDate": record["end"],
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "organizer": {"@type": "Organization", "name": record.get("organiser") or ""},
    }
    offer = offers(record)
    if offer:
        data["offers"] = offer
    if record.get("categories"):
        data["keywords"] = ", ".join(record["categories"])
    return data


def article(record: dict, site: SiteInfo) -> dict:
    return {
        "@type": "NewsArticle",
        "headline": record["title"][:110],
        "description": record.get("lead", ""),
        "datePublished": record.get("date") or record.get("published"),
        "dateModified": record.get("updated") or record.get("date"),
        "author": {"@id": organisation_id(site)},
        "publisher": {"@id": organisation_id(site)},
    }


def main_node(record: dict, site: SiteInfo, fallback: dict | None = None) -> dict:
    kind = record["kind"]
    role = role_of(kind) or kind
    if role == ARTICLE:
        data = article(record, site)
    elif role == EVENT:
        data = event(record, site)
    else:
        data = {"@type": PAGE_TYPES.get(role, "WebPage"), "name": record["title"]}
        if record.get("description") or record.get("lead"):
            data["description"] = record.get("description") or record.get("lead")
        if record.get("updated"):
            data["dateModified"] = record["updated"]
        if role == NOTICE:
            # Its matter and dates; who it concerns is personal data and stays out.
            data["datePublished"] = record.get("display_from")
            if record.get("ends_at"):
                data["expires"] = record["ends_at"]
        data["publisher"] = {"@id": organisation_id(site)}
        data["isPartOf"] = {
            "@type": "WebSite",
            "name": site.names[record["lang"]],
            "url": site.url(record["lang"]),
        }
    data["@id"] = record["full_url"] + "#main"
    data["url"] = record["full_url"]
    data["inLanguage"] = record["lang"]
    found = images(record, site, fallback if role in {ARTICLE, EVENT} else None)
    if found:
        data["image"] = found
    return data


def jsonld(
    record: dict,
    site: SiteInfo,
    *,
    crumbs: list[dict],
    sites: dict[str, SiteInfo],
    fallback_image: dict | None = None,
) -> Markup:
    """The JSON-LD for ``record``, safe to put inside a ``<script>`` element."""
    node = main_node(record, site, fallback_image)
    graph = [node]
    breadcrumbs = breadcrumb_list(record, crumbs, site)
    if breadcrumbs is not None:
        graph.append(breadcrumbs)
        if node["@type"] not in {"NewsArticle", "Event"}:
            node["breadcrumb"] = {"@id": breadcrumbs["@id"]}
    graph.append(organisation(site, record["lang"], sites))
    data = {"@context": "https://schema.org", "@graph": graph}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Inside <script> the HTML parser reads "</script>", "<!--" and "<script" before any
    # JSON parser does: none of "<", ">" and "&" is written as itself (as Django's
    # json_script does), and JSON reads the escapes back as the same characters.
    return Markup(text.translate(SCRIPT_ESCAPES))  # noqa: S704 - escaped for a script element
