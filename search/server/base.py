"""What every server-side search index offers, and the comparison `search_index` reports.

A backend is built from the ``SEARCH_INDEX`` setting (``{"BACKEND": dotted path, ...}``),
as Wagtail builds its frontend-cache backends: the database backend by default, the
Elasticsearch backend when ``ELASTICSEARCH_URL`` is set (``cms/settings/search.py``). Both
index the same documents (``search.documents``), made from the export's records only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

PER_PAGE_MAX = 50


@dataclass(frozen=True)
class Query:
    """One search: words, optional filters, and which page of results."""

    text: str
    sites: tuple[str, ...] = ()
    lang: str = ""
    type: str = ""
    page: int = 1
    per_page: int = 10

    @property
    def start(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def stop(self) -> int:
        return self.page * self.per_page


@dataclass
class Hit:
    id: int
    site: str
    site_name: str
    lang: str
    type: str
    title: str
    url: str
    full_url: str
    lead: str
    date: str | None
    # HTML: the text escaped, the matched words in <mark>.
    highlights: dict[str, str] = field(default_factory=dict)


@dataclass
class ResultPage:
    query: Query
    total: int
    hits: list[Hit]


@dataclass
class Difference:
    """How an index differs from the documents it should hold, by page id."""

    missing: set[int] = field(default_factory=set)  # in the CMS, not in the index
    stale: set[int] = field(default_factory=set)  # in both, but the index holds an old version
    extra: set[int] = field(default_factory=set)  # in the index, not (or no longer) public

    @property
    def clean(self) -> bool:
        return not (self.missing or self.stale or self.extra)


class ServerIndex:
    """A search index the publishing pipeline keeps equal to the live public pages."""

    label = "base"

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def upsert(self, documents: list[dict]) -> None:
        """Add or replace these documents, visible to searches when this returns."""
        raise NotImplementedError

    def delete(self, ids: Collection[int]) -> None:
        """Remove these pages, gone from searches when this returns; unknown ids are fine."""
        raise NotImplementedError

    def search(self, query: Query) -> ResultPage:
        raise NotImplementedError

    def digests(self, sites: Collection[str] | None = None) -> dict[int, str]:
        """Page id -> digest of every document the index holds (of ``sites``, or all)."""
        raise NotImplementedError

    def rebuild(self, documents: list[dict]) -> None:
        """Replace the whole index with these documents; searches never see it half-built."""
        raise NotImplementedError

    def compare(
        self, documents: Iterable[dict], sites: Collection[str] | None = None
    ) -> Difference:
        """How the index (its part for ``sites``, or all) differs from ``documents``."""
        held = self.digests(sites)
        wanted = {doc["id"]: doc["digest"] for doc in documents}
        return Difference(
            missing=set(wanted) - set(held),
            stale={i for i in set(wanted) & set(held) if wanted[i] != held[i]},
            extra=set(held) - set(wanted),
        )

    def sync(self, documents: list[dict], sites: Collection[str] | None = None) -> Difference:
        """Bring the index (its part for ``sites``, or all) to exactly ``documents``,
        touching only what differs."""
        difference = self.compare(documents, sites)
        changed = difference.missing | difference.stale
        if changed:
            self.upsert([doc for doc in documents if doc["id"] in changed])
        if difference.extra:
            self.delete(difference.extra)
        return difference


def get_index(config: dict[str, Any] | None = None) -> ServerIndex:
    """The configured server index (``SEARCH_INDEX``); ImproperlyConfigured names what is
    wrong with the setting, rather than an import error from deep inside a request."""
    config = dict(config or settings.SEARCH_INDEX)
    try:
        backend = import_string(config.pop("BACKEND"))
    except (KeyError, ImportError) as exc:
        raise ImproperlyConfigured(f"SEARCH_INDEX['BACKEND'] cannot be used: {exc}") from exc
    return backend(config)
