"""Frontend caches and CDNs forget what a removal changed on the sites.

The generated nginx already tells shared caches not to store a page or file holding
personal data (``private, no-store``); a CDN configured to cache HTML whatever the origin
says, or a page cached before it held any, would still serve the old copy. After the
removal's publish, every address whose file the publish changed or removed (compared by
inode with the release that was live before: the publisher writes a changed file through
a new inode and shares the rest by hard links) is purged through Wagtail's frontend cache
backends (``WAGTAILFRONTENDCACHE``: Varnish or any cache that takes HTTP ``PURGE``,
Cloudflare, CloudFront, Azure). Nothing is done when none is configured.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

# Files nginx never serves as such (its maps, the personal-data markers, site parts).
_PRIVATE = (".nginx/", "_parts/")


def releases() -> dict[str, Path | None]:
    """The live release of every site now."""
    from publisher.public import current_release, load_state

    state = load_state()
    return {site: current_release(site) for site in (state.export.sites if state else {})}


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


def changed_addresses(before: dict[str, Path | None]) -> list[str]:
    """Full URLs of every address whose file differs between the releases live in
    ``before`` and those live now (changed, added or gone)."""
    from publisher.public import load_state

    state = load_state()
    urls: list[str] = []
    for site, live in releases().items():
        old = before.get(site)
        if state is None or live is None or live == old:
            continue
        now_files, old_files = _files(live), _files(old)
        names = {n for n, key in now_files.items() if old_files.get(n) != key}
        names |= set(old_files) - set(now_files)
        origin = state.export.sites[site].base_url.rstrip("/")
        urls += [origin + address for name in sorted(names) for address in _addresses(name)]
    return urls


def purge_changed(before: dict[str, Path | None]) -> int:
    """Purge every address the publish since ``before`` changed; how many were purged."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return 0
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = changed_addresses(before)
    if urls:
        purge_urls_from_cache(urls)
        logger.info("Purged %d address(es) from the frontend caches", len(urls))
    return len(urls)
