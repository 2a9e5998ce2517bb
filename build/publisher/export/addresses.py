"""Old addresses of the static sites: Wagtail's redirects (made when an editor moves or
renames a page, and editors' own) and the addresses of removed pages, resolved for each
site at export time.

A redirect is published only where no page lives (a live page always wins, as in Wagtail,
whose redirects only answer a 404); its target is followed through other redirects to
the end of the chain, so a visitor is sent once. A chain that comes back to where it
started is a loop: it is left out and named in ``problems`` (the admin refuses to save
one, ``redirect_checks.py``). A redirect that cannot be served by a static host (a query
string, characters nginx would read as syntax) is left out the same way.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from django.db.models import F

from records import kind_named

if TYPE_CHECKING:
    from .exporter import Exporter

logger = logging.getLogger(__name__)
# What an address may hold and still be a key of an nginx map written in double quotes,
# and how long it may be (nginx.MAP_HASH sizes the map's hash table for it).
UNSAFE_RE = re.compile(r'[\s"\\{};$\'\x00-\x1f\x7f#?]')
MAX_LENGTH = 400
SLASHES_RE = re.compile(r"/{2,}")


@dataclass
class SiteAddresses:
    """A site's redirects (old path, without its final slash -> target URL, a path on the
    same site or a full URL) and removed paths (ending in "/"), each sorted."""

    redirects: dict[str, str] = field(default_factory=dict)
    gone: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def normalise(path: str) -> str | None:
    """A path as a key: decoded (nginx matches the decoded ``$uri``), starting with "/",
    without its final "/"; None when a static host cannot match it."""
    path = unquote(path.strip())
    # nginx merges repeated slashes (merge_slashes, on by default) before it matches: a
    # key with "//" would never match, and its redirect page would be written over the
    # file at the merged address (a listing's further page).
    path = "/" + SLASHES_RE.sub("/", path).strip("/")
    if len(path) > MAX_LENGTH or UNSAFE_RE.search(path) or ".." in path.split("/"):
        return None
    return path


def as_location(url: str) -> str:
    """A target as an HTTP Location and nginx value: percent-encoded, so that no quote,
    space or "$" (an nginx variable) survives as itself."""
    return quote(url, safe=":/?#[]@!&()*+,=%~-._")


@dataclass
class _Rule:
    site: str
    target_site: str | None  # None: outside the city's sites
    target: str  # a path on target_site, or a full URL


def _rules(
    exporter: Exporter, live: set[tuple[str, str]], gone: set[tuple[str, str]]
) -> tuple[dict, dict]:
    """Each site's redirects; ``gone``: (site, lower-case key) of every removed page's
    address, which only Wagtail's own redirect of a moved page may take."""
    from wagtail.contrib.redirects.models import Redirect

    by_site_id = {profile.site.pk: profile.key for profile in exporter.profiles}
    hosts = {info.base_url: key for key, info in exporter.sites.items()}
    rules: dict[tuple[str, str], _Rule] = {}
    problems: dict[str, list[str]] = {key: [] for key in exporter.sites}
    # A site's own redirects first, then those of all sites (NULL sorts first in SQLite
    # and last in PostgreSQL unless told).
    order = (F("site_id").asc(nulls_last=True), "old_path", "pk")
    rows = Redirect.objects.select_related("redirect_page").order_by(*order)
    for row in rows:
        sites = [by_site_id[row.site_id]] if row.site_id in by_site_id else []
        if row.site_id is None:
            sites = list(exporter.sites)
        for site in sites:
            key = normalise(row.old_path)
            if key is None:
                problems[site].append(f"{row.old_path}: not an address a static site can redirect")
                continue
            if (site, key + "/") in live or (site, key) in live:
                continue  # a page lives there: it wins
            if not row.automatically_created and (site, key.lower()) in gone:
                # A removed page's address answers "410 Gone"; only the redirect Wagtail
                # made when the page itself moved may send it on.
                problems[site].append(f"{row.old_path}: a removed page's address")
                continue
            if row.redirect_page_id is not None:
                located = exporter.located.get(row.redirect_page_id)
                if located is None:
                    problems[site].append(f"{row.old_path}: its page is not published")
                    continue
                rule = _Rule(site, located.site, located.path)
            else:
                link = (row.redirect_link or "").strip()
                parts = urlsplit(link)
                origin = f"{parts.scheme}://{parts.netloc}"
                if link.startswith("/") and not link.startswith("//"):
                    rule = _Rule(site, site, link)
                elif parts.scheme in {"http", "https"} and parts.netloc:
                    if origin in hosts:
                        rule = _Rule(site, hosts[origin], parts.path or "/")
                    else:
                        rule = _Rule(site, None, link)
                else:
                    problems[site].append(f"{row.old_path}: no page or web address to go to")
                    continue
            rules.setdefault((site, key), rule)  # a site's own rule before "all sites"
    return rules, problems


def collect(exporter: Exporter) -> dict[str, SiteAddresses]:
    """Every site's redirects and removed addresses, from the database."""
    from ..models import RemovedAddress

    live = {(located.site, located.path) for located in exporter.located.values()}
    removed = [
        (site, key)
        for site, path in RemovedAddress.objects.values_list("site_key", "path")
        if (key := normalise(path)) is not None
    ]
    rules, problems = _rules(exporter, live, {(site, key.lower()) for site, key in removed})
    found = {key: SiteAddresses(problems=problems[key]) for key in exporter.sites}
    for (site, key), rule in rules.items():
        seen = {(site, key)}
        while rule.target_site is not None:
            step = normalise(rule.target)
            if step is not None and (rule.target_site, step.rstrip("/") + "/") in live:
                rule.target = step.rstrip("/") + "/"  # the page's own address, in one hop
                break
            if (rule.target_site, rule.target) in live or step is None:
                break
            following = rules.get((rule.target_site, step))
            if following is None:
                break
            if (rule.target_site, step) in seen:
                rule = None
                break
            seen.add((rule.target_site, step))
            rule = following
        if rule is None:
            found[site].problems.append(f"{key}: a loop of redirects")
            continue
        if rule.target_site is None or rule.target_site == site:
            target = rule.target
        else:
            target = exporter.sites[rule.target_site].base_url + rule.target
        found[site].redirects[key] = as_location(target)
    for site, key in removed:
        if site not in found:
            continue
        if (site, key + "/") in live or (site, key) in live or key in found[site].redirects:
            continue
        found[site].gone.append(key.rstrip("/") + "/")
    for addresses in found.values():
        addresses.redirects = dict(sorted(addresses.redirects.items()))
        addresses.gone.sort()
        for problem in addresses.problems:
            logger.warning("Redirect left out: %s", problem)
    return found


def remember_removed(removed: Iterable[dict]) -> None:
    """Record the addresses of these records' pages, which have just left their sites."""
    from ..models import RemovedAddress

    rows = [
        RemovedAddress(site_key=record["site"], path=record["url"])
        for record in removed
        # A page that may hold personal data may have it in its address too.
        if not kind_named(record["kind"]).personal and record["url"] != "/"
    ]
    if rows:
        RemovedAddress.objects.bulk_create(rows, ignore_conflicts=True)
