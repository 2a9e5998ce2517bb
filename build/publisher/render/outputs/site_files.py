"""The files that belong to a site as a whole: its search page, the pages nginx answers
missing (404) and removed (410) addresses with, old addresses (nginx's maps and redirect
pages), icons and robots.txt."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.translation import gettext

from records import search_types

from ...export.addresses import SiteAddresses
from .. import address_files, icons
from ..head import LANGUAGE_NAMES
from .owned import PAGE_FILES, own_folders

if TYPE_CHECKING:
    from .common import SiteOutputs

logger = logging.getLogger(__name__)
SITE = "site"  # the owner of every file here


def site_page(
    home: dict,
    kind: str,
    title: str,
    base_url: str,
    url: str,
    *,
    description: str,
    translations: dict[str, str],
) -> dict:
    """The record of a page the site makes itself, not the CMS (the search page, the
    component library): its home page's, with its own kind, title and address."""
    return {
        **home,
        "kind": kind,
        "title": title,
        "seo_title": title,
        "url": url,
        "full_url": base_url + url,
        "description": description,
        "lead": "",
        "translations": translations,
    }


def search_page(g: SiteOutputs, lang: str) -> None:
    """The search page: searches every site's Pagefind bundles in the browser."""
    home = g.home(lang)
    url = g.search_url(lang)
    sites = [g.site.key] + sorted(k for k in g.export.sites if k != g.site.key)
    config = {
        "lang": lang,
        "sites": [
            {
                "key": key,
                "name": g.export.sites[key].names.get(lang, key),
                "origin": g.export.sites[key].base_url,
                "languages": g.export.sites[key].languages,
            }
            for key in sites
        ],
        "types": {key: str(label) for key, label in search_types().items()},
        "languages": {code: LANGUAGE_NAMES[code] for code in LANGUAGE_NAMES},
    }
    record = site_page(
        home,
        "search",
        gettext("Search"),
        g.site.base_url,
        url,
        description=gettext(
            "Search all of the city's websites: services, news, events and official notices."
        ),
        translations={code: g.search_url(code) for code in g.site.languages},
    )
    context = g.page_context(
        record,
        search_config=json.dumps(config, ensure_ascii=False, sort_keys=True),
        sites=config["sites"],
        types=config["types"],
    )
    g.render("search.html", g.out(url), context, owner=SITE)


def error_pages(g: SiteOutputs) -> None:
    """The pages nginx answers with at a missing (404) or removed (410) address."""
    pages = (
        (
            "404.html",
            gettext("Page not found"),
            gettext("The page may have moved or been removed. Start again from the front page:"),
        ),
        (
            "410.html",
            gettext("Page removed"),
            gettext(
                "The page that was at this address has been removed from the site. Start "
                "again from the front page or search the city's sites:"
            ),
        ),
    )
    home = g.home(g.site.languages[0])
    for name, title, message in pages:
        context = g.page_context(
            {**home, "title": title, "url": "/" + name},
            message=message,
            # Served at any missing address: it is no page of its own to index.
            canonical=None,
            alternates=[],
            structured=None,
            opengraph=[],
            homes=[
                {"lang": code, "name": LANGUAGE_NAMES[code], "url": g.site.url(code)}
                for code in g.site.languages
            ],
        )
        g.render("error.html", name, context, owner=SITE)


def _taken_over(g: SiteOutputs, key: str) -> bool:
    """Whether a redirect from ``key`` would take over the publisher's own: one of its
    folders (the theme, Pagefind, the API, media and documents: a notice's attachment
    too) or a file of the site as a whole (robots.txt, the sitemap, a feed, the search
    page), all of them written before this in every build, full or incremental, or a
    live page's own file."""
    path = key.strip("/")
    if path.split("/", 1)[0] in own_folders():
        return True
    if g.owners.get(path) == SITE or g.owners.get(f"{path}/index.html") == SITE:
        return True
    # A live page's own file (its feed or calendar); the page itself wins in the export.
    folder, _slash, name = key.rpartition("/")
    return name in PAGE_FILES and f"{folder}/" in {record["url"] for record in g.records}


def old_addresses(g: SiteOutputs) -> None:
    """Redirects and removed addresses: nginx's maps and the redirect pages. (After every
    other file of the site as a whole: a redirect never takes one over.)"""
    found = g.export.addresses.get(g.site.key) or SiteAddresses()
    taken = [key for key in found.redirects if key != "/" and _taken_over(g, key)]
    if taken:
        logger.warning("Redirects left out, their addresses are the site's own: %s", taken)
        kept = {key: target for key, target in found.redirects.items() if key not in taken}
        found = replace(found, redirects=kept)
    g.emit(address_files.MAPS[0], address_files.redirects_map(found), owner=SITE)
    g.emit(address_files.MAPS[1], address_files.gone_map(found), owner=SITE)
    for path, target in address_files.redirect_pages(found):
        canonical = target if "://" in target else g.site.base_url + target
        # In the language its address was in ("/sv/..."), else the site's first.
        lang = path.split("/", 1)[0]
        lang = lang if lang in g.site.languages[1:] else g.site.languages[0]
        context = {
            "lang": lang,
            "site_name": g.site.names[lang],
            "target": target,
            "canonical": canonical,
        }
        with translation.override(lang):
            g.render("redirect.html", path, context, owner=SITE)


def icons_and_robots(g: SiteOutputs) -> None:
    logo = g.get_template("_logo").render({})
    brand = g.get_template("_brand").render({})
    for path, data in icons.site_icons(logo, brand).items():
        g.emit(path, data, owner=SITE)
    robots = f"User-agent: *\nAllow: /\nSitemap: {g.site.base_url}/sitemap.xml\n"
    g.emit("robots.txt", robots.encode(), owner=SITE)
