"""What a page tells other software about itself in its <head> and the sitemap: its
language alternates (hreflang, with ``x-default``) and its link preview (OpenGraph and
Twitter cards).

An hreflang set is the same on every page of it, as search engines require it to be
reciprocal: made from the translations alone, with ``x-default`` the version in the site's
first language (the one a visitor whose language the site lacks gets at its root).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from records import ARTICLE, role_of

if TYPE_CHECKING:  # the record types only: these modules need no Django
    from ..export.exporter import SiteInfo


def alternates(translations: dict[str, str], site: SiteInfo) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of a page's language versions, in the site's language
    order, then ``x-default``; empty for a page in one language."""
    found = [
        (code, site.base_url + translations[code])
        for code in site.languages
        if code in translations
    ]
    if len(found) < 2:
        return []
    return [*found, ("x-default", found[0][1])]


LOCALES = MappingProxyType({"fi": "fi_FI", "sv": "sv_FI", "en": "en_GB"})
# Each language named in itself: the language switcher.
LANGUAGE_NAMES = MappingProxyType({"fi": "Suomeksi", "sv": "På svenska", "en": "In English"})


def opengraph(record: dict, site: SiteInfo, *, image: dict | None) -> list[tuple[str, str]]:
    """(property, content) of a page's OpenGraph and Twitter card tags (``og:url`` is the
    page's canonical address, written with it): title, summary, the site, the language
    and its alternatives, and the share image (the page's own, else ``image``, the site's
    home page's) with its size and alt text."""
    lang = record["lang"]
    article = role_of(record["kind"]) == ARTICLE
    tags = [
        ("og:type", "article" if article else "website"),
        ("og:title", record.get("seo_title") or record["title"]),
        ("og:site_name", site.names[lang]),
        ("og:locale", LOCALES.get(lang, lang)),
    ]
    tags += [
        ("og:locale:alternate", LOCALES.get(code, code))
        for code in site.languages
        if code != lang and code in record.get("translations", {})
    ]
    description = record.get("description") or record.get("lead")
    if description:
        tags.append(("og:description", description))
    picture = record.get("image") if (record.get("image") or {}).get("share") else image
    if picture and picture.get("share"):
        share = picture["share"]
        tags += [
            ("og:image", site.base_url + share["src"]),
            ("og:image:width", str(share["width"])),
            ("og:image:height", str(share["height"])),
            ("og:image:alt", picture.get("alt") or ""),
            ("twitter:card", "summary_large_image"),
        ]
    else:
        tags.append(("twitter:card", "summary"))
    if article:
        if record.get("date"):
            tags.append(("article:published_time", record["date"]))
        if record.get("updated"):
            tags.append(("article:modified_time", record["updated"]))
    return tags
