"""The search indexes as the publisher's build sees them (``publisher.hooks.Indexer``): the
Pagefind bundles in every release, the server index after each build goes live."""

from __future__ import annotations

from . import bundles, static_index
from .pagefind_memo import prune_cache
from .server.pipeline import index_changes, index_full


class SearchIndexer:
    def site_files(self, site, records, wanted):
        return static_index.bundle_files(site, records, wanted)

    def affected(self, before, after, languages, edited):
        return static_index.affected(before, after, languages, edited)

    def warm(self, records, languages) -> None:
        bundles.assign(records, languages)

    def after_full(self, export) -> None:
        index_full(export)

    def after_changes(self, export, *, changed, gone, sites) -> None:
        index_changes(export, changed=changed, gone=gone, sites=sites)

    def tidy(self) -> None:
        prune_cache(static_index.cache_dir())
