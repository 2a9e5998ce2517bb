"""Search documents: what every index (the Pagefind bundles, the database index and
Elasticsearch) holds for one published page. Made from the export's records only, so an
index can never hold anything the public sites do not show: drafts, private and expired
pages never become records."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Container, Iterable

from records import kind_named
from records.text import html_text

# record id -> (the record object, site name, its document). A long-lived worker keeps
# unchanged records as the same objects from build to build, so their documents (whose
# HTML-to-text is the costly part of re-indexing a bundle) are made once.
_made: dict[int, tuple[dict, str, dict]] = {}


def document(record: dict, site_name: str) -> dict:
    """The search document of a record; ``site_name`` in the record's language."""
    made = _made.get(record["id"])
    if made is not None and made[0] is record and made[1] == site_name:
        return dict(made[2])
    doc = _document(record, site_name)
    _made[record["id"]] = (record, site_name, doc)
    return dict(doc)


def _document(record: dict, site_name: str) -> dict:
    kind = kind_named(record["kind"])
    extra = [record.get(name) or "" for name in kind.search_fields]
    # A notice offers only its matter (``search_body``): personal data is never indexed.
    body = record.get(kind.search_body, "")
    text = "\n".join(part for part in [record.get("lead") or "", *extra, html_text(body)] if part)
    dated = record.get(kind.dated_by) if kind.dated_by else None
    return {
        "id": record["id"],
        "site": record["site"],
        "site_name": site_name,
        "lang": record["lang"],
        "type": kind.search_type,
        "url": record["url"],
        "full_url": record["full_url"],
        "title": record["title"],
        "lead": record.get("lead") or record.get("description") or "",
        "text": text,
        "date": dated or record.get("published"),
    }


def digest(doc: dict) -> str:
    """A hash of everything a document holds: equal digests mean equal index entries."""
    data = json.dumps({k: v for k, v in doc.items() if k != "digest"}, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def export_documents(
    export, *, sites: Iterable[str] | None = None, ids: Container[int] | None = None
) -> list[dict]:
    """The search documents of an export's records (of ``sites`` and ``ids``, or all), with
    digests; each names its site in its own language."""
    documents = []
    for key in sorted(export.records if sites is None else sites):
        info = export.sites[key]
        for record in export.records[key]:
            if ids is not None and record["id"] not in ids:
                continue
            doc = document(record, info.names.get(record["lang"], key))
            doc["digest"] = digest(doc)
            documents.append(doc)
    return documents
