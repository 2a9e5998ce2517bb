"""The publisher's public face: the one module of the publisher that the CMS layer and
search import (import-linter holds them to it: the contract "Only the publisher's public
module is imported from outside it" in pyproject.toml). Everything else in the package is
its own business and may change without notice.

What others do with the publisher, and where it comes from:

- ask for a build and run one: ``request_publish``, ``enqueue_publish``,
  ``process_pending``, ``publish_full``; what the queue holds: ``PublishRequest``,
  ``PublishStatus``; who builds now: ``build_lock``, ``build_lock_holder``; why a page
  was left out of its site's last build: ``page_problem``
- read what is live: ``current_release``, ``site_root``, ``load_state``, ``export_sites``,
  ``locate_live``; the site parts: ``write_parts``, ``expand_parts``, ``parts_folder``
- plug in (Wagtail hooks, docs/architecture.md): ``INDEXERS_HOOK`` (``Indexer``),
  ``SITE_PARTS_HOOK`` (``SitePart``), ``SITES_LIVE_HOOK`` (``SitesLive``)
- serve and deploy: ``SiteServer``, ``nginx_config``, ``tls_lines``, ``https_redirect``,
  ``HSTS``, ``write_file``, ``WORKER_ARGS``
- measure: the worker's start and stop for the benchmarks, ``PeakTreeMemory``
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from django.utils import timezone

from .builds.full import publish_full
from .builds.problems import problem_of as page_problem
from .builds.treememory import PeakTreeMemory
from .export.exporter import Export, Exporter, SiteInfo, export_sites
from .files import site_root, write_file
from .hooks import INDEXERS_HOOK, SITE_PARTS_HOOK, SITES_LIVE_HOOK, Indexer, SitePart, SitesLive
from .models import PageProblem, PublishRequest, PublishStatus, RemovedAddress
from .plan.state import load_state
from .release.folders import current as current_release
from .release.lock import build_lock
from .release.lock import holder as build_lock_holder
from .release.nginx import HSTS, SiteServer, cache_control, https_redirect, tls_lines
from .release.nginx import config as nginx_config
from .release.reuse import drop_all as drop_reused
from .render import parts
from .worker.benchworker import (
    WORKER_ARGS,
    peak_rss_mb,
    start_worker,
    stop_worker,
    wait_ready,
    wait_until,
)
from .worker.queue import enqueue_publish, process_pending, request_publish
from .worker.warm import due_for_time

PARTS_FOLDER = parts.FOLDER  # a site's parts: output/<site>/<PARTS_FOLDER>/

__all__ = [
    "page_problem",
    "HSTS",
    "INDEXERS_HOOK",
    "PARTS_FOLDER",
    "SITES_LIVE_HOOK",
    "SITE_PARTS_HOOK",
    "WORKER_ARGS",
    "Export",
    "Indexer",
    "PageProblem",
    "PeakTreeMemory",
    "PublishRequest",
    "PublishStatus",
    "RemovedAddress",
    "SiteInfo",
    "SitePart",
    "SiteServer",
    "SitesLive",
    "build_lock",
    "build_lock_holder",
    "cache_control",
    "current_release",
    "drop_reused",
    "due_for_time",
    "enqueue_publish",
    "expand_parts",
    "export_sites",
    "https_redirect",
    "load_state",
    "locate_live",
    "nginx_config",
    "parts_folder",
    "peak_rss_mb",
    "process_pending",
    "publish_full",
    "request_publish",
    "site_root",
    "start_worker",
    "stop_worker",
    "tls_lines",
    "wait_ready",
    "wait_until",
    "write_file",
    "write_parts",
]


def locate_live(pages: Iterable) -> dict[int, Path]:
    """Each page's folder in its site's live release (``output/<site>/current/...``)."""
    exporter = Exporter()
    exporter.locate_pages()
    folders = {}
    for page in pages:
        located = exporter.locate(page)
        if located is None:
            raise LookupError(f"page {page.pk} is not on any site")
        folders[page.pk] = site_root(located.site) / "current" / located.path.lstrip("/")
    return folders


def write_parts(
    names: Iterable[str] | None = None,
    *,
    sites: Iterable[str] | None = None,
    now: datetime | None = None,
) -> list[Path]:
    """Write the site parts ``names`` (all when None) of ``sites`` (all) now, apart from
    any build and never behind one in the queue: every page includes the new part at the
    next request. The sites are as last published; the files that changed."""
    state = load_state()
    if state is not None:
        known = state.export.sites
    else:  # nothing published yet: the sites as declared
        locator = Exporter()
        locator.locate_homes()
        known = locator.sites
    wanted = known if sites is None else {key: known[key] for key in sites}
    return parts.write(wanted.values(), now or timezone.now(), names=names)


def parts_folder(site: str) -> Path:
    """Where a site's parts are written (beside its releases)."""
    return parts.folder(site)


def expand_parts(html: str, where: Path) -> str:
    """``html`` with its parts put in as written in ``where`` (what nginx's SSI sends)."""
    return parts.expand(html, parts.read_written(where))
