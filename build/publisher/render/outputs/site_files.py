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
from .owned import ARCHIVE, PAGE_FILES, internal, listing_words, own_folders

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


def _taken_over(key: str, files: set[str], pages: set[str], folders: set[str]) -> bool:
    """Whether an old address ``key`` would take over what the site has: one of the
    publisher's folders (the theme, Pagefind, the API, media and documents: a notice's
    attachment too), a file of the site as a whole (robots.txt, the sitemap, a feed, the
    search page: ``files``, all written before this in every build, full or incremental),
    a live page (``pages``) or its own file (its feed, its calendar, an archive or further
    page of a listing), any of these as ``.../index.html``, and nginx's internal files. In
    lower case: nginx's maps match addresses ignoring case."""
    path = key.strip("/").lower()
    if path == "index.html" or internal(path.split("/")):
        return True  # the home, or nginx's own files (``_parts``, ``.nginx``)
    if path.endswith("/index.html"):
        return _taken_over(path.removesuffix("index.html"), files, pages, folders)
    if path.split("/", 1)[0] in folders:
        return True
    if path in files or f"{path}/index.html" in files or f"/{path}/" in pages:
        return True
    folder, _slash, name = f"/{path}".rpartition("/")
    if name in PAGE_FILES and f"{folder}/" in pages:
        return True
    # A listing's own addresses under its page, however deep: archives, past events and
    # further pages of each (/uutiset/sivu/2/, /tapahtumat/menneet/sivu/3/), which exist
    # only once there are enough items, long after a redirect was accepted.
    parts = path.split("/")
    kept = len(parts)
    while kept > 1 and _listing_part(parts[kept - 1]):
        kept -= 1
    return kept < len(parts) and f"/{'/'.join(parts[:kept])}/" in pages


def _listing_part(part: str) -> bool:
    return part in listing_words() or part.isdigit() or bool(ARCHIVE.match(part))


def _kept(keys, files: set[str], pages: set[str], folders: set[str]) -> list:
    """The keys neither taken over (``_taken_over``) nor the same as an earlier one in
    another case: nginx would refuse its whole configuration for two such keys."""
    kept, seen = [], set()
    for key in sorted(keys):
        taken = key != "/" and _taken_over(key, files, pages, folders)
        if not taken and key.lower() not in seen:
            seen.add(key.lower())
            kept.append(key)
    return kept


def old_addresses(g: SiteOutputs) -> None:
    """Redirects and removed addresses: nginx's maps and the redirect pages. (After every
    other file of the site as a whole: an old address never takes one over.)"""
    found = g.export.addresses.get(g.site.key) or SiteAddresses()
    files = {path.lower() for path, owner in g.owners.items() if owner == SITE}
    pages = {record["url"].lower() for record in g.records}
    # (A language's home is a page: what is under it is the editors'.)
    folders = own_folders() - set(g.site.languages)
    redirects = {k: found.redirects[k] for k in _kept(found.redirects, files, pages, folders)}
    gone = _kept(found.gone, files, pages, folders)
    left = sorted({*found.redirects, *found.gone} - {*redirects, *gone})
    if left:
        logger.warning("Old addresses left out, the site's own in some case: %s", left)
    found = replace(found, redirects=redirects, gone=gone)
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
