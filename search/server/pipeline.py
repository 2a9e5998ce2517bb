"""How the publishing pipeline keeps the server index equal to the live static sites.

Called after a build has gone live, with the export it was built from: a full build syncs
every document (only what differs is written); an incremental build writes the documents
of the pages it re-exported and deletes those that are gone. Deleting takes page ids that
are no longer exported, whatever the reason (unpublished, made private, expired, deleted,
moved out of a site), so nothing that left the sites stays findable.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from django.conf import settings

from search.documents import export_documents

from .base import Difference, get_index


def _stale_marker() -> Path:
    return Path(settings.OUTPUT_DIR) / ".server-index-stale"


def index_full(export) -> Difference:
    """Sync the documents of the export's sites (an export may hold only some sites). If
    it fails, a marker makes the next incremental build sync in full instead, so pages the
    failed sync missed are not left out of the index for good."""
    marker = _stale_marker()
    try:
        difference = get_index().sync(export_documents(export), sites=list(export.records))
    except Exception:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
        raise
    if len(export.records) == len(export.sites):
        marker.unlink(missing_ok=True)
    return difference


def index_changes(
    export, *, changed: Collection[int], gone: Collection[int], sites: Collection[str] = ()
) -> None:
    """Write the documents of ``changed`` pages and of every page of ``sites`` (whose name
    or settings changed), and delete ``gone`` pages."""
    if _stale_marker().exists():
        index_full(export)
        return
    index = get_index()
    exported = {record["id"] for records in export.records.values() for record in records}
    documents = export_documents(export, ids=set(changed) & exported)
    if sites:
        seen = {doc["id"] for doc in documents}
        documents += [doc for doc in export_documents(export, sites=sites) if doc["id"] not in seen]
    index.upsert(documents)
    index.delete(set(gone) - exported)
