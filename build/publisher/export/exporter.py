"""Export: published Wagtail pages become plain records, the only input of render and search.

Everything downstream reads records, never the database. One export loads every live,
public page once (a few queries per page type, not per page), computes every address
without Wagtail's per-page URL lookups, and renders bodies to HTML with links resolved
across the city's sites. Drafts, private pages and pending moderation never appear: only
the live version of a public page is read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Page

from records import ExportTools, Kind, RecordError, check, iso, kind_for_model

from . import addresses
from .addresses import SiteAddresses
from .blocks_html import BlockRenderer
from .images import MediaFiles, image_record
from .locations import Locations, Locator, PageRow, SiteInfo, _Located
from .richtext import expand_links
from .site_links import link_sites

__all__ = ["Export", "Exporter", "Locations", "PageRow", "SiteInfo", "export_sites"]


@dataclass
class Export:
    """Everything the static sites are made of."""

    sites: dict[str, SiteInfo]
    # site key -> its own pages in every language; each record lists the media files and
    # documents its pages use ("media", "documents").
    records: dict[str, list[dict]]
    # site key -> its redirects and removed addresses (``addresses.py``), read from the
    # database by every build; not kept in the build state.
    addresses: dict[str, SiteAddresses] = field(default_factory=dict)


class Exporter(Locator):
    """Makes the records of located pages (``export``, ``record_for``): the export's public
    interface for full and incremental builds and for preview."""

    def __init__(self) -> None:
        super().__init__()
        # False in incremental builds: images without renditions wait (see images.py).
        self.make_renditions = True
        self.awaiting_images: set[int] = set()
        self.media: dict[str, MediaFiles] = defaultdict(
            lambda: MediaFiles(make=self.make_renditions, awaiting=self.awaiting_images)
        )
        self._record_documents: dict[str, str] | None = None

    # -- addresses -------------------------------------------------------------------------

    def document_url(self, document) -> str:
        path = f"/documents/{document.pk}/{document.filename}"
        if self._record_documents is not None:
            self._record_documents[path] = document.file.name
        return path

    def renderer_for(self, site: str) -> BlockRenderer:
        media = self.media[site]
        documents = _DocumentUrls(self)

        def rich(source: str) -> str:
            return expand_links(
                source,
                page_url=lambda pk: self.page_url(pk, from_site=site),
                document_url=documents,
            )

        return BlockRenderer(
            rich=rich,
            picture=lambda image, alt: image_record(image, alt, media),
            link=lambda pk: self.page_url(pk, from_site=site),
            document=self.document_url,
            labels={"phone": _("Phone"), "email": _("E-mail")},
        )

    def _base_record(self, page: Page, kind: Kind, located: _Located | None = None) -> dict:
        located = located or self.located[page.pk]
        return {
            "id": page.pk,
            "key": str(page.translation_key),
            "site": located.site,
            "lang": located.lang,
            "kind": kind.name,
            "url": located.path,
            "full_url": self.sites[located.site].base_url + located.path,
            "title": page.title,
            "seo_title": page.seo_title or page.title,
            "description": page.search_description,
            "published": iso(page.first_published_at),
            "updated": iso(page.last_published_at),
            "depth": page.depth,
            "path": page.path,
            "lead": getattr(page, "lead", ""),
            "translations": {},  # filled in once every language's record is made
        }

    def record_for(
        self, page: Page, *, renderers: dict[str, BlockRenderer], located: _Located | None = None
    ) -> dict:
        """The record of ``page`` (of a registered kind), checked against its contract."""
        kind = kind_for_model(page._meta.label_lower)
        if kind is None:
            raise RecordError(f"page {page.pk}: {page._meta.label} is of no registered kind")
        record = self._base_record(page, kind, located)
        media = self.media[record["site"]]
        media.current, self._record_documents = set(), {}
        try:
            with translation.override(record["lang"]):
                tools = _Tools(self, renderers[record["site"]], media)
                record.update(kind.fields(page, tools))
            # What this record's pages need in the release, for exact incremental builds.
            record["media"] = sorted(media.current)
            record["documents"] = dict(sorted(self._record_documents.items()))
        finally:
            media.current, self._record_documents = None, None
        return check(record)

    def export(self, sites: list[str] | None = None) -> Export:
        self.locate_pages()
        wanted = set(sites or self.sites)
        by_type: dict[type[Page], list[int]] = defaultdict(list)
        for page_id, page in self.pages.items():
            if self.located[page_id].site in wanted:
                by_type[page.model].append(page_id)

        records: dict[str, list[dict]] = {key: [] for key in wanted}
        translations: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        renderers = {key: self.renderer_for(key) for key in wanted}
        for model, ids in by_type.items():
            queryset = model.objects.filter(pk__in=ids)
            kind = kind_for_model(model._meta.label_lower)
            if kind is not None and kind.prefetch:
                queryset = queryset.prefetch_related(*kind.prefetch)
            for page in queryset.iterator(chunk_size=500):
                record = self.record_for(page, renderers=renderers)
                records[record["site"]].append(record)
                translations[(record["site"], record["key"])][record["lang"]] = record["url"]

        for site, site_records in records.items():
            site_records.sort(key=lambda record: record["path"])
            for record in site_records:
                record["translations"] = translations[(site, record["key"])]
        link_sites(self, records)
        return Export(sites=self.sites, records=records, addresses=addresses.collect(self))


class _Tools(ExportTools):
    """The export's tools lent to a kind's ``fields`` (``records.ExportTools``)."""

    def __init__(self, exporter: Exporter, renderer: BlockRenderer, media: MediaFiles) -> None:
        self.exporter, self.renderer, self.media = exporter, renderer, media
        self.now = timezone.now()

    def stream(self, value, *, eager_first: bool = False) -> str:
        return self.renderer.stream(value, eager_first=eager_first)

    def rich(self, html: str) -> str:
        return self.renderer.rich(html)

    def image(self, image, alt: str, *, max_width: int = 1600, share: bool = False):
        return image_record(image, alt, self.media, max_width=max_width, share=share)

    def document_url(self, document) -> str:
        return self.exporter.document_url(document)


class _DocumentUrls:
    """Document id -> public path, registering each document the first time it is linked."""

    def __init__(self, exporter: Exporter) -> None:
        self.exporter = exporter
        self.cache: dict[int, object | None] = {}

    def get(self, key: int, default: str | None = None) -> str | None:
        if key not in self.cache:
            self.cache[key] = get_document_model().objects.filter(pk=key).first()
        document = self.cache[key]
        # Registered for every record that links it, so each record lists its documents.
        return self.exporter.document_url(document) if document else default


def export_sites(sites: list[str] | None = None) -> Export:
    return Exporter().export(sites)
