"""The Elasticsearch backend of the server index, written with the elasticsearch.dsl API.

One index behind an alias (``INDEX``, ``kaislahti-pages`` by default). Every language has
its own analysed fields (``title_fi`` with the Finnish analyzer, ``title_sv`` with the
Swedish one, ...): a document fills the fields of its language, and a search with a
language filter queries only that language's fields, so Finnish words are stemmed as
Finnish. Writes go in bulk and are visible when they return (``refresh``); a rebuild
fills a new index and then moves the alias to it in one atomic request, so searches never
see an empty or half-built index.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.dsl import Date, Document, Index, Keyword, Search, Text
from elasticsearch.helpers import BulkIndexError, bulk, scan

from .base import Hit, Query, ResultPage, ServerIndex

# Elasticsearch's built-in language analyzers: stemming and stop words per language.
ANALYZERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
BOOSTS = {"title": 3, "lead": 2, "text": 1}
HIGHLIGHT = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html"}
PASSAGE = 200


class PageDocument(Document):
    """A public page as Elasticsearch holds it."""

    site = Keyword()
    lang = Keyword()
    type = Keyword()
    date = Date()
    # Shown in results, not searched: the searched copies are the per-language fields.
    site_name = Keyword(index=False)
    url = Keyword(index=False)
    full_url = Keyword(index=False)
    title = Keyword(index=False)
    lead = Text(index=False)
    digest = Keyword(index=False)

    title_fi = Text(analyzer=ANALYZERS["fi"])
    lead_fi = Text(analyzer=ANALYZERS["fi"])
    text_fi = Text(analyzer=ANALYZERS["fi"])
    title_sv = Text(analyzer=ANALYZERS["sv"])
    lead_sv = Text(analyzer=ANALYZERS["sv"])
    text_sv = Text(analyzer=ANALYZERS["sv"])
    title_en = Text(analyzer=ANALYZERS["en"])
    lead_en = Text(analyzer=ANALYZERS["en"])
    text_en = Text(analyzer=ANALYZERS["en"])


def index_definition(name: str, *, replicas: int = 1) -> Index:
    """A concrete index with the page mapping (its alias is set apart)."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=replicas)
    index.document(PageDocument)
    return index


def source(doc: dict) -> dict:
    """The stored body of a search document."""
    lang = doc["lang"]
    if lang not in ANALYZERS:
        raise ValueError(f"no analyzer for language {lang!r}; known: {', '.join(ANALYZERS)}")
    page = PageDocument(
        site=doc["site"],
        lang=lang,
        type=doc["type"],
        date=doc.get("date") or None,
        site_name=doc["site_name"],
        url=doc["url"],
        full_url=doc["full_url"],
        title=doc["title"],
        lead=doc.get("lead") or "",
        digest=doc["digest"],
        **{
            f"title_{lang}": doc["title"],
            f"lead_{lang}": doc.get("lead") or "",
            f"text_{lang}": doc.get("text") or "",
        },
    )
    return page.to_dict()


def index_actions(documents: Iterable[dict], index: str) -> Iterator[dict]:
    for doc in documents:
        yield {"_op_type": "index", "_index": index, "_id": str(doc["id"]), "_source": source(doc)}


def delete_actions(ids: Iterable[int], index: str) -> Iterator[dict]:
    for page_id in ids:
        yield {"_op_type": "delete", "_index": index, "_id": str(page_id)}


def alias_actions(alias: str, old: Iterable[str], new: str) -> list[dict]:
    """One atomic ``_aliases`` request: the alias leaves every old index and joins the new."""
    return [{"remove": {"index": name, "alias": alias}} for name in sorted(old)] + [
        {"add": {"index": new, "alias": alias}}
    ]


def build_search(query: Query, index: str) -> Search:
    """The request for one search: words in the language's fields, filters, a page, marks."""
    langs = [query.lang] if query.lang else list(ANALYZERS)
    fields = [f"{name}_{lang}^{boost}" for lang in langs for name, boost in BOOSTS.items()]
    search = Search(index=index).query(
        "simple_query_string",
        query=query.text,
        fields=fields,
        default_operator="and",
        flags="AND|OR|NOT|PHRASE|PRECEDENCE|WHITESPACE",
    )
    if query.sites:
        search = search.filter("terms", site=list(query.sites))
    if query.lang:
        search = search.filter("term", lang=query.lang)
    if query.type:
        search = search.filter("term", type=query.type)
    search = search.highlight_options(**HIGHLIGHT)
    search = search.highlight(*(f"title_{lang}" for lang in langs), number_of_fragments=0)
    search = search.highlight(
        *(f"text_{lang}" for lang in langs), fragment_size=PASSAGE, number_of_fragments=1
    )
    search = search.source(excludes=[f"{name}_*" for name in BOOSTS])
    search = search.extra(track_total_hits=True)
    return search[query.start : query.stop]


def _hit(raw: Any) -> Hit:
    data = raw.to_dict()
    marks = raw.meta.to_dict().get("highlight", {})
    lang = data["lang"]
    return Hit(
        id=int(raw.meta.id),
        site=data["site"],
        site_name=data["site_name"],
        lang=lang,
        type=data["type"],
        title=data["title"],
        url=data["url"],
        full_url=data["full_url"],
        lead=data.get("lead", ""),
        date=data.get("date"),
        highlights={
            "title": (marks.get(f"title_{lang}") or [""])[0],
            "text": (marks.get(f"text_{lang}") or [""])[0],
        },
    )


# One client per process and cluster: a client keeps a pool of connections, and every
# ``get_index()`` (each build, each search request) would otherwise open new ones. Keyed by
# process too: a forked process (a render process, a server worker) makes its own.
_clients: dict[tuple[int, str, str], Elasticsearch] = {}


def client_for(url: str, options: dict) -> Elasticsearch:
    key = (os.getpid(), url, json.dumps(options, sort_keys=True, default=str))
    client = _clients.get(key)
    if client is None:
        client = _clients[key] = Elasticsearch(url, **options)
    return client


class ElasticsearchIndex(ServerIndex):
    label = "elasticsearch"

    def __init__(self, params: dict) -> None:
        super().__init__(params)
        self.alias = params.get("INDEX", "kaislahti-pages")
        self.replicas = int(params.get("REPLICAS", 1))
        self.client = client_for(params["URL"], params.get("OPTIONS", {}))

    # -- lifecycle ------------------------------------------------------------------------

    def _indices(self) -> list[str]:
        """The concrete indices the alias points to."""
        try:
            return sorted(self.client.indices.get_alias(name=self.alias).body)
        except NotFoundError:
            return []

    def _create(self) -> str:
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 10**6:06d}"
        index_definition(name, replicas=self.replicas).create(using=self.client)
        return name

    def _writable(self) -> str:
        """The index behind the alias; made on first use."""
        indices = self._indices()
        if indices:
            return indices[-1]
        name = self._create()
        self.client.indices.update_aliases(actions=alias_actions(self.alias, [], name))
        return name

    def rebuild(self, documents: list[dict]) -> None:
        old = self._indices()
        new = self._create()
        try:
            bulk(self.client, index_actions(documents, new), chunk_size=500)
            self.client.indices.refresh(index=new)
            if self.client.indices.exists(index=self.alias) and not old:
                # A concrete index squats on the alias's name (made by hand): replace it.
                self.client.indices.delete(index=self.alias)
            self.client.indices.update_aliases(actions=alias_actions(self.alias, old, new))
        except Exception:
            self.client.indices.delete(index=new, ignore_unavailable=True)
            raise
        for name in old:
            self.client.indices.delete(index=name, ignore_unavailable=True)

    # -- documents --------------------------------------------------------------------------

    def upsert(self, documents: list[dict]) -> None:
        if documents:
            index = self._writable()
            bulk(self.client, index_actions(documents, index), chunk_size=500, refresh="wait_for")

    def delete(self, ids: Collection[int]) -> None:
        if not ids or not self._indices():
            return
        errors: Any
        _done, errors = bulk(
            self.client,
            delete_actions(ids, self.alias),
            chunk_size=500,
            refresh=True,
            raise_on_error=False,
        )
        # Deleting a page the index never held is fine; anything else is not.
        real = [e for e in errors if e.get("delete", {}).get("status") != 404]
        if real:
            raise BulkIndexError(f"{len(real)} document(s) failed to delete", real)

    def digests(self, sites: Collection[str] | None = None) -> dict[int, str]:
        if not self._indices():
            return {}
        query = {"terms": {"site": list(sites)}} if sites is not None else {"match_all": {}}
        return {
            int(hit["_id"]): hit["_source"]["digest"]
            # The whole request in the body: scan sends ``query`` as the body as it is.
            for hit in scan(
                self.client, index=self.alias, query={"query": query, "_source": ["digest"]}
            )
        }

    def all_documents(self) -> Iterator[dict]:
        """Every stored document as stored (``verify_privacy`` reads them all)."""
        if not self._indices():
            return
        for hit in scan(self.client, index=self.alias, query={"query": {"match_all": {}}}):
            yield hit["_source"]

    def search(self, query: Query) -> ResultPage:
        if not self._indices():
            return ResultPage(query=query, total=0, hits=[])
        response: Any = build_search(query, self.alias).using(self.client).execute()
        return ResultPage(
            query=query,
            total=response.hits.total.value,
            hits=[_hit(raw) for raw in response],
        )
