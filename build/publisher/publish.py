"""A full publish: export, render every site, write a release, switch it live."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from . import release
from .export import export_sites
from .render import render_site

logger = logging.getLogger(__name__)


@dataclass
class SiteResult:
    site: str
    release: Path | None = None
    files: int = 0
    error: str | None = None


@dataclass
class PublishResult:
    sites: list[SiteResult] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(result.error is None for result in self.sites)


def publish_full(
    *, sites: list[str] | None = None, progress: Callable[[str, str], None] | None = None
) -> PublishResult:
    """Build the given sites (all by default). A site whose build fails keeps its live
    release; the others still go live."""
    result = PublishResult()
    started = time.perf_counter()
    export = export_sites(sites)
    result.timings["export"] = time.perf_counter() - started
    render_time = write_time = 0.0
    for site in export.records:
        if progress:
            progress(site, "render")
        outcome = SiteResult(site=site)
        path = release.new_release(site)
        try:
            began = time.perf_counter()
            files = render_site(export, site, path)
            render_time += time.perf_counter() - began
            began = time.perf_counter()
            outcome.files = release.write_files(path, files)
            media = {"/media/" + name: name for name in export.media[site].paths}
            media.update(export.documents[site])
            release.link_media(path, Path(settings.MEDIA_ROOT), media)
            release.activate(site, path)
            release.prune(site)
            write_time += time.perf_counter() - began
            outcome.release = path
        except Exception as exc:  # noqa: BLE001 - any failure must leave the live site as it was
            logger.exception("Publishing %s failed; the live site is unchanged", site)
            release.discard(path)
            outcome.error = f"{type(exc).__name__}: {exc}"
        result.sites.append(outcome)
        if progress:
            progress(site, "done" if outcome.error is None else "failed")
    result.timings["render"] = render_time
    result.timings["write"] = write_time
    result.timings["total"] = time.perf_counter() - started
    return result
