"""Addresses that belong to the publisher, refused as a page's address (``CityPageForm``
asks through ``RESERVED_HOOK``): what it writes itself (the language homes, the theme,
Pagefind's bundle, the API, the component library, the search page, media and documents),
the segments of its listings (further pages, past events, archives by year and month,
all digits), and whatever the site's live release holds at that address already (a
generated folder or another page's file). Derived from the publisher's own names and
its output, not from a list kept apart. The admin's redirect form asks too
(``redirect_taken``): a redirect from such an address would never be published."""

from __future__ import annotations

from urllib.parse import quote

from django.conf import settings
from django.utils.translation import gettext as _

from .release.folders import current
from .render.outputs.owned import (
    ARCHIVE,
    NAME_BYTES,
    internal,
    listing_words,
    own_folders,
    too_long,
)


def taken(site: str, url: str, own: str | None) -> str | None:
    """Why the site-relative address ``url`` ("/a/b/") cannot be a page's (None if it can).
    ``own``: the page's address now (an unchanged address is its own)."""
    parts = [part for part in url.split("/") if part]
    if not parts or url == own:
        return None
    last = parts[-1].lower()  # (nginx matches old addresses ignoring case)
    if len(last.encode()) > NAME_BYTES:
        return _("the address is longer than a folder's name may be")
    if too_long(url):
        return _("the whole address is longer than an address may be: shorten the slugs")
    if internal([last]):
        # The publisher's and nginx's own (``_parts``): never served as a page.
        return _("an address beginning with _ is the publisher's own")
    if len(parts) == 1 and last in own_folders():
        return _("the site's own folder /%(name)s/ is there") % {"name": last}
    if ARCHIVE.match(last) or last in listing_words():
        return _("the address is a listing's own (its further pages, past events or archives)")
    live = current(site)
    there = live is not None and _holds(live, parts)
    return _("the site already has something at that address") if there else None


def _holds(folder, parts: list[str]) -> bool:
    """Whether ``folder`` holds the path ``parts``, in any case (as nginx's maps match)."""
    for part in parts:
        try:
            names = {entry.name.lower(): entry for entry in folder.iterdir()}
        except OSError:  # (not a folder, or gone: nothing further is there)
            return False
        folder = names.get(part.lower())
        if folder is None:
            return False
    return True


def for_child(parent, slug: str, page) -> str | None:
    """Why ``slug`` cannot be the address of ``page`` under ``parent`` (None if it can)."""
    from .export.exporter import Exporter

    exporter = Exporter()
    exporter.locate_pages()
    located = exporter.locate(parent)
    if located is None:
        return None  # (under a page no site shows yet: checked when it is published)
    mine = exporter.locate(page) if page.pk else None
    url = f"{located.path}{slug}/"
    if mine is not None and mine.path != url and _in_menu(exporter, located.site, page):
        return _(
            "the site's menu or footer (sites/%(site)s.toml) names this page by its address: "
            "ask the site's administrators to change it there first"
        ) % {"site": located.site}
    return taken(located.site, url, mine.path if mine else None) or _under(page, url)


def _in_menu(exporter, site: str, page) -> bool:
    """Whether the site's file names ``page``, or a page under it, by its address (a menu
    entry, the accessibility statement): a new address would drop it from every page."""
    profile = next((p for p in exporter.profiles if p.key == site), None)
    if profile is None:
        return False
    home = profile.site.root_page.url_path
    named = [item["page"] for item in profile.navigation if "page" in item]
    named += [profile.accessibility_statement] if profile.accessibility_statement else []
    return any(f"{home}{path.strip('/')}/".startswith(page.url_path) for path in named)


def _under(page, url: str) -> str | None:
    """Why ``url`` for ``page`` would make a page under it too long an address (each was
    checked when it was made, with the section's address of then)."""
    if not page.pk:
        return None
    from wagtail.models import Page

    paths = Page.objects.descendant_of(page).values_list("url_path", flat=True)
    longest = max((path[len(page.url_path) :] for path in paths), key=_encoded, default="")
    if longest and too_long(url + longest):
        return _(
            "a page under this one would get an address longer than an address may be: "
            "shorten this slug or theirs"
        )
    return None


def _encoded(rest: str) -> int:
    return len(quote(rest))


def _removed(keys: list[str], path: str) -> bool:
    """Whether ``path`` (lower case) is a removed page's address on one of the sites."""
    from django.db.models.functions import Lower

    from .models import RemovedAddress

    paths = RemovedAddress.objects.filter(site_key__in=keys).annotate(lower=Lower("path"))
    return paths.filter(lower__in=[path, path.rstrip("/") + "/"]).exists()


def redirect_taken(old_path: str, site) -> str | None:
    """Why a redirect from ``old_path`` on ``site`` (None: every site) would never be
    published (the build leaves it out: ``site_files.old_addresses``), told in the admin's
    form: the site's home, one of the publisher's folders, a language's home, nginx's own
    files (``_parts``, ``.nginx``) or anything the live site has at that address (a page,
    a feed, a calendar, an archive, robots.txt), in any case, as nginx matches them. Read
    as Wagtail stores it (``http://x/robots.txt`` is ``/robots.txt``)."""
    from wagtail.contrib.redirects.models import Redirect

    from .export.exporter import Exporter

    parts = Redirect.normalise_path(old_path).lower().strip("/").split("/")
    if parts[-1] == "index.html":
        parts.pop()
    parts = [part for part in parts if part]
    languages = {code for code, _name in settings.LANGUAGES}
    own = not parts or internal(parts)
    own = own or (len(parts) == 1 and parts[0] in languages)
    own = own or parts[0] in own_folders() - languages
    keys = [p.key for p in Exporter().profiles if site is None or p.site.pk == site.pk]
    for key in keys if not own else []:
        live = current(key)
        own = live is not None and _holds(live, parts)
        if own:
            break
    if not own and _removed(keys, "/" + "/".join(parts)):
        message = _(
            "This address was a removed page's (%(path)s): it answers that the page is gone, and a "
            "redirect cannot take it over."
        )
        return message % {"path": "/" + "/".join(parts)}
    if not own:
        return None
    message = _("This address is the site's own (%(path)s): a redirect cannot take it over.")
    return message % {"path": "/" + "/".join(parts)}
