"""The default server index: rows of ``SearchDocument`` indexed by Wagtail's database search
backend (SQLite FTS5, or PostgreSQL full-text search), with no server to run.

The backend shares Wagtail's index table with the admin's index of pages (drafts
included), but its queries only ever match ``SearchDocument`` rows, and only the publishing
pipeline writes those (in bulk, so no save signal indexes them anywhere else).

Text is indexed with PostgreSQL's ``simple`` configuration, which, like SQLite's FTS5
tokenizer, neither stems nor drops stop words, and it is folded (case, diacritics) on both:
the two databases find the same pages for the same words (tested). Stemming per language is
what the Elasticsearch backend adds at scale.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from itertools import islice

from django.db import transaction

from wagtail.search.backends.database import SearchBackend
from wagtail.search.models import IndexEntry
from wagtail.search.utils import parse_query_string

from search.highlight import fold, mark, passage, terms
from search.models import SearchDocument

from .base import Hit, Query, ResultPage, ServerIndex

CHUNK = 500  # rows per statement, far below SQLite's limit on parameters
FIELDS = [
    "site",
    "site_name",
    "lang",
    "type",
    "url",
    "full_url",
    "title",
    "lead",
    "text",
    "date",
    "digest",
]


def _chunks(items, size: int = CHUNK) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _row(doc: dict) -> SearchDocument:
    values = {name: doc.get(name) or "" for name in FIELDS}
    return SearchDocument(page_id=doc["id"], **values)


class DatabaseIndex(ServerIndex):
    label = "database"

    def __init__(self, params: dict) -> None:
        super().__init__(params)
        self.backend = SearchBackend({"SEARCH_CONFIG": params.get("SEARCH_CONFIG", "simple")})

    def upsert(self, documents: list[dict]) -> None:
        with transaction.atomic():
            for chunk in _chunks(documents):
                rows = [_row(doc) for doc in chunk]
                SearchDocument.objects.bulk_create(
                    rows, update_conflicts=True, unique_fields=["page_id"], update_fields=FIELDS
                )
                self.backend.add_bulk(SearchDocument, rows)

    def delete(self, ids: Collection[int]) -> None:
        with transaction.atomic():
            for chunk in _chunks(sorted(ids)):
                IndexEntry.objects.filter(
                    content_type__app_label="citysearch",
                    content_type__model="searchdocument",
                    object_id__in=[str(i) for i in chunk],
                ).delete()
                SearchDocument.objects.filter(pk__in=chunk).delete()

    def rebuild(self, documents: list[dict]) -> None:
        # One transaction: readers see the old index until the new one is complete.
        with transaction.atomic():
            self.delete(set(SearchDocument.objects.values_list("pk", flat=True)))
            self.upsert(documents)

    def digests(self, sites: Collection[str] | None = None) -> dict[int, str]:
        rows = SearchDocument.objects.all()
        if sites is not None:
            rows = rows.filter(site__in=sites)
        return dict(rows.values_list("page_id", "digest"))

    def search(self, query: Query) -> ResultPage:
        rows = SearchDocument.objects.all()
        if query.sites:
            rows = rows.filter(site__in=query.sites)
        if query.lang:
            rows = rows.filter(lang=query.lang)
        if query.type:
            rows = rows.filter(type=query.type)
        _filters, parsed = parse_query_string(fold(query.text), operator="and")
        results = self.backend.search(parsed, rows, operator="and")
        total = results.count()
        wanted = terms(query.text)
        hits = [
            Hit(
                id=row.page_id,
                site=row.site,
                site_name=row.site_name,
                lang=row.lang,
                type=row.type,
                title=row.title,
                url=row.url,
                full_url=row.full_url,
                lead=row.lead,
                date=row.date or None,
                highlights={
                    "title": mark(row.title, wanted),
                    "text": passage(row.text or row.lead, wanted),
                },
            )
            for row in results[query.start : query.stop]
        ]
        return ResultPage(query=query, total=total, hits=hits)
