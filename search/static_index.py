"""The static search index of one site: its Pagefind bundles and the manifest that tells a
search page which bundles exist and in which languages (so that a search merges only the
bundles holding its language)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from . import bundles
from .documents import document
from .pagefind import BundleWriter, bundle_path

MANIFEST = "pagefind/bundles.json"


def cache_dir() -> Path:
    return Path(settings.OUTPUT_DIR) / ".search-cache"


def bundle_files(
    site, records: list[dict], names: set[str] | None = None, cache: Path | None = None
) -> Iterator[tuple[str, str, bytes]]:
    """(path, owner, bytes) of the bundles ``names`` (all when None) and of the manifest.
    ``site`` is the export's SiteInfo; ``records`` are that site's records; ``cache`` is
    the memo folder (``cache_dir()`` by default)."""
    assigned = bundles.assign(records, site.languages)
    groups = bundles.members(assigned)
    wanted = sorted(groups if names is None else set(names) & set(groups))
    by_id = {record["id"]: record for record in records}
    if wanted:
        with BundleWriter(cache or cache_dir()) as service:
            for name in wanted:
                members = sorted((by_id[i] for i in groups[name]), key=lambda r: r["url"])
                documents = [document(r, site.names.get(r["lang"], site.key)) for r in members]
                runtime = site.languages if name == bundles.ROOT else []
                files = service.bundle(documents, runtime_languages=runtime)
                for path, data in files.items():
                    yield bundle_path(name) + path, f"search:{name}", data
    manifest = {
        "site": site.key,
        "bundles": {
            name: sorted({by_id[i]["lang"] for i in ids}) for name, ids in sorted(groups.items())
        },
    }
    yield MANIFEST, "search", json.dumps(manifest, sort_keys=True).encode()


def affected(
    old_records: list[dict], new_records: list[dict], languages: list[str], ids: set[int]
) -> tuple[set[str], set[str]]:
    """Bundles to rebuild after the pages ``ids`` changed (or went), and bundles that no
    longer exist. A bundle is rebuilt when one of its pages changed or its members did."""
    old = bundles.assign(old_records, languages) if old_records else {}
    new = bundles.assign(new_records, languages)
    rebuild = {old[i] for i in ids if i in old} | {new[i] for i in ids if i in new}
    old_groups, new_groups = bundles.members(old), bundles.members(new)
    for name, members in new_groups.items():
        if old_groups.get(name) != members:
            rebuild.add(name)
    return rebuild & set(new_groups), set(old_groups) - set(new_groups)
