"""Frontend caches and CDNs forget what a release changed, the moment it goes live.

The generated nginx already tells shared caches not to store a page or file holding
personal data (``private, no-store``) and lets pages go stale quickly; a CDN configured to
cache HTML whatever the origin says, or a copy cached before a page held any, would still
serve the old one: an expired notice, a removed attachment, an edit. So every address
whose file a release changed, added or took away (compared by inode with the release live
before it: a changed file is written through a new inode, the rest are hard links) is
purged through Wagtail's frontend cache backends (``WAGTAILFRONTENDCACHE``: Varnish or any
cache that takes HTTP ``PURGE``, Cloudflare, CloudFront, Azure). Nothing is done when none
is configured; a cache that cannot be reached is logged and the site stays live.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from django.conf import settings
from django.utils.encoding import iri_to_uri

logger = logging.getLogger(__name__)

# Files nginx never serves as such (its maps, the personal-data markers, site parts).
_PRIVATE = (".nginx/", "_parts/")


def _files(root: Path | None) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    if root is None or not root.is_dir():
        return found
    for folder, _dirs, names in os.walk(root):
        for name in names:
            path = Path(folder, name)
            stat = path.lstat()
            found[path.relative_to(root).as_posix()] = (stat.st_dev, stat.st_ino)
    return found


def _addresses(name: str) -> list[str]:
    if name.startswith(_PRIVATE) or name.endswith(".noindex"):
        return []
    if name == "index.html" or name.endswith("/index.html"):
        return [f"/{name[: -len('index.html')]}", f"/{name}"]
    return [f"/{name}"]


def changed_addresses(old: Path | None, new: Path, base_url: str) -> list[str]:
    """Full URLs (ASCII: an address with "ä" percent-encoded) of every address whose file
    differs between the releases ``old`` and ``new``."""
    now_files, old_files = _files(new), _files(old)
    names = {n for n, key in now_files.items() if old_files.get(n) != key}
    names |= set(old_files) - set(now_files)
    origin = base_url.rstrip("/")
    return [iri_to_uri(origin + a) for name in sorted(names) for a in _addresses(name)]


def purge(old: Path | None, new: Path, base_url: str) -> int:
    """Purge what going from ``old`` to ``new`` changed; how many addresses."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or old == new:
        return 0
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = changed_addresses(old, new, base_url)
    if not urls:
        return 0
    try:
        purge_urls_from_cache(urls)
    except Exception:  # the site is live; the cache's copies go stale on their own
        logger.exception("Purging %d address(es) from the frontend caches failed", len(urls))
        return 0
    logger.info("Purged %d address(es) from the frontend caches", len(urls))
    return len(urls)
