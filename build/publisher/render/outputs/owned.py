"""The folders of a site's release that are the publisher's own: the language homes, the
theme, Pagefind's bundle, the read API, the component library, the search page, media and
documents. A page cannot take their address (``publisher.reserved``) and a redirect cannot
take it over (``site_files.old_addresses``): both read this one list."""

from __future__ import annotations

import re
from urllib.parse import quote

from django.conf import settings

from .api import FOLDER as API_FOLDER
from .listings import SEGMENTS

THEME_FOLDER = "theme"  # where a site's theme files go
# The longest name of a folder the file systems take (ext4, XFS: 255 bytes of UTF-8): an
# address part longer than that cannot be written ("ä" takes two).
NAME_BYTES = 255
# The longest address a page may have, percent-encoded as a sitemap and a browser write it:
# with a site's address and a listing's further pages it stays within the 2,048 characters
# a sitemap's <loc> allows, and its folder within the file system's longest path.
ADDRESS_CHARS = 1800


def too_long(url: str) -> bool:
    """Whether a site-relative address is longer than a page's may be (``ADDRESS_CHARS``)."""
    return len(quote(url)) > ADDRESS_CHARS


# What nginx keeps to itself in a release: the site parts (``_parts``) and its maps
# (``.nginx``). An address with a part that begins so is never a page's or an old one's.
INTERNAL = ("_", ".")


def internal(parts) -> bool:
    """Whether an address (its parts) is nginx's own (``INTERNAL``)."""
    return any(part.startswith(INTERNAL) for part in parts)


LIBRARY_URL = "/components/"  # the component library
# The files a page's folder holds besides its page: its feed, an event's calendar, a
# listing's calendar (``feeds``, ``calendars``, ``listings``: a test holds them to it).
PAGE_FILES = frozenset({"index.html", "feed.xml", "event.ics", "calendar.ics"})


# An archive's year or month ("2026", "2026-10"), or any slug of digits, under a listing.
ARCHIVE = re.compile(r"^\d+(?:-\d{1,2})?$")


def listing_words() -> set[str]:
    """A listing's own segments (further pages, past events), in every language."""
    return {word for key in ("page", "past") for word in SEGMENTS[key].values()}


def own_folders() -> set[str]:
    languages = {code for code, _name in settings.LANGUAGES}
    search = set(SEGMENTS["search"].values())
    # (Pagefind's bundle, media and documents: folders every release has.)
    fixed = {API_FOLDER, THEME_FOLDER, LIBRARY_URL.strip("/"), "pagefind", "media", "documents"}
    return languages | search | fixed
