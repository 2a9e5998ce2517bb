"""Preview: a draft rendered through the same export and theme as the static site, so what
the editor sees is what residents will get.

The draft's surroundings (the site's menus, its translations, the listings and other sites
it shows) are the published ones, as the last build saved them (``state.py``): a refresh
exports one page, not every site. Without a saved state (nothing published yet, or the
sites changed since) everything is exported once for the preview.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.utils import timezone, translation

from wagtail.models import Page

from ..export.exporter import Export, Exporter
from ..plan.state import load_state
from ..render import parts
from ..render.run import make_generator
from ..render.site_generator import CityGenerator


def _published() -> tuple[Exporter, Export]:
    """Where pages are and what the sites hold, as published."""
    state = load_state()
    if state is not None and state.locations is not None:
        exporter = Exporter.restored(state.locations)
        assert isinstance(exporter, Exporter)  # (``restored`` makes its own class)
        if exporter.pages and set(exporter.sites) == set(state.export.records):
            return exporter, state.export
    exporter = Exporter()
    return exporter, exporter.export()


def preview_html(page: Page) -> str:
    """The public HTML of ``page`` as it stands in the editor (saved or not)."""
    exporter, export = _published()
    if not page.url_path or not page.url_path.endswith(f"/{page.slug}/"):
        page.set_url_path(page.get_parent())
    located = exporter.locate(page)
    if located is None:
        raise ValueError("This page is outside every site declared in sites/.")
    records = export.records[located.site]
    renderers = {located.site: exporter.renderer_for(located.site)}
    record = exporter.record_for(page, renderers=renderers, located=located)
    # Translations and listing context come from what is published.
    existing = next(
        (r for r in records if r["key"] == record["key"] and r["lang"] == record["lang"]), None
    )
    record["translations"] = (
        dict(existing["translations"]) if existing else {record["lang"]: record["url"]}
    )
    # In tree order, as every site's records are (the indexes and listings rely on it).
    preview_records = sorted(
        [r for r in records if r is not existing] + [record], key=lambda r: r["path"]
    )
    preview_export = Export(
        sites=export.sites,
        records={**export.records, located.site: preview_records},
    )
    files: dict[str, bytes] = {}
    now = timezone.now()
    with tempfile.TemporaryDirectory(prefix="city-preview-") as workdir:
        generator = make_generator(
            preview_export, located.site, Path(workdir), now=now, files=files
        )
        with translation.override(record["lang"]):
            generator.page_outputs(record)
    html = files[CityGenerator.out(record["url"])].decode("utf-8")
    # The site parts as nginx would put them in (an alert on view shows in the preview).
    return parts.expand(html, parts.read_rendered(export.sites[located.site], now))
