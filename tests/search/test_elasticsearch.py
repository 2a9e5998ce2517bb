"""The Elasticsearch backend. Without a cluster: the mapping (an analyzer per language
field), the search request (fields, filters, paging, highlights), the bulk actions and the
atomic alias swap. With ``ELASTICSEARCH_URL`` set, the same index end to end against the
live cluster: bulk indexing, search, deletion with refresh, sync, and rebuild behind the
alias."""

from __future__ import annotations

import os
import uuid

import pytest

from search.server import Query
from search.server.elasticsearch import (
    ElasticsearchIndex,
    alias_actions,
    build_search,
    delete_actions,
    index_actions,
    index_definition,
)
from tests.factories import SearchDocFactory

LIVE = os.environ.get("ELASTICSEARCH_URL", "")


def test_every_language_field_has_its_own_analyzer():
    mapping = index_definition("pages-1", replicas=0).to_dict()
    properties = mapping["mappings"]["properties"]
    for lang, analyzer in {"fi": "finnish", "sv": "swedish", "en": "english"}.items():
        for name in ("title", "lead", "text"):
            assert properties[f"{name}_{lang}"] == {"type": "text", "analyzer": analyzer}
    for name in ("site", "lang", "type"):
        assert properties[name] == {"type": "keyword"}
    assert properties["date"] == {"type": "date"}
    # Shown, never searched: a second, unanalysed copy would only grow the index.
    assert properties["title"] == {"type": "keyword", "index": False}
    assert mapping["settings"] == {"number_of_shards": 1, "number_of_replicas": 0}


def test_a_document_fills_only_its_own_languages_fields():
    doc = SearchDocFactory(lang="sv", title="Trä-Vassvik", lead="Promenad", text="Trähus")
    [action] = index_actions([doc], "pages")
    body = action["_source"]
    assert action["_id"] == str(doc["id"]) and action["_index"] == "pages"
    assert body["title_sv"] == "Trä-Vassvik" and body["text_sv"] == "Trähus"
    assert not any(key.endswith(("_fi", "_en")) for key in body)
    assert body["digest"] == doc["digest"]
    with pytest.raises(ValueError, match="no analyzer for language 'de'"):
        list(index_actions([SearchDocFactory(lang="de")], "pages"))


def test_a_search_with_a_language_queries_that_languages_fields_with_filters():
    query = Query("kävelykierros puutalot", sites=("tourism", "city"), lang="fi", type="page")
    body = build_search(Query(**{**query.__dict__, "page": 3, "per_page": 20}), "pages").to_dict()
    words = body["query"]["bool"]["must"][0]["simple_query_string"]
    assert words["query"] == "kävelykierros puutalot"
    assert words["fields"] == ["title_fi^3", "lead_fi^2", "text_fi^1"]
    assert words["default_operator"] == "and"
    assert body["query"]["bool"]["filter"] == [
        {"terms": {"site": ["tourism", "city"]}},
        {"term": {"lang": "fi"}},
        {"term": {"type": "page"}},
    ]
    assert (body["from"], body["size"]) == (40, 20)
    assert body["highlight"]["pre_tags"] == ["<mark>"]
    assert body["highlight"]["encoder"] == "html"
    assert set(body["highlight"]["fields"]) == {"title_fi", "text_fi"}
    assert body["track_total_hits"] is True


def test_a_search_without_a_language_queries_every_language():
    body = build_search(Query("library"), "pages").to_dict()
    fields = body["query"]["simple_query_string"]["fields"]
    assert {f.split("^")[0].rsplit("_", 1)[1] for f in fields} == {"fi", "sv", "en"}
    assert "filter" not in body["query"]


def test_the_alias_moves_to_the_new_index_in_one_request():
    assert alias_actions("pages", ["pages-2", "pages-1"], "pages-3") == [
        {"remove": {"index": "pages-1", "alias": "pages"}},
        {"remove": {"index": "pages-2", "alias": "pages"}},
        {"add": {"index": "pages-3", "alias": "pages"}},
    ]
    assert list(delete_actions([5], "pages")) == [
        {"_op_type": "delete", "_index": "pages", "_id": "5"}
    ]


@pytest.fixture
def live_index():
    if not LIVE:
        pytest.skip("ELASTICSEARCH_URL is not set: no cluster to test against")
    index = ElasticsearchIndex(
        {"URL": LIVE, "INDEX": f"test-pages-{uuid.uuid4().hex[:8]}", "REPLICAS": 0}
    )
    yield index
    for name in index._indices():
        index.client.indices.delete(index=name, ignore_unavailable=True)


def test_live_index_search_delete_sync_and_rebuild(live_index):
    walk = SearchDocFactory(site="tourism", title="Puu-Kaislahti", text="Kävelykierros puutaloissa")
    walk_sv = SearchDocFactory(site="tourism", lang="sv", title="Trä-Vassvik", text="Promenader")
    library = SearchDocFactory(lang="en", title="City libraries", text="Libraries open daily")
    live_index.upsert([walk, walk_sv, library])
    # Stemming per language: "promenad" finds "Promenader", "library" finds "libraries".
    assert [h.id for h in live_index.search(Query("promenad", lang="sv")).hits] == [walk_sv["id"]]
    result = live_index.search(Query("library", lang="en"))
    assert [h.id for h in result.hits] == [library["id"]]
    assert "<mark>" in result.hits[0].highlights["title"]
    assert live_index.search(Query("kävelykierros", sites=("city",))).total == 0

    live_index.delete([walk["id"], 424242])  # unknown ids are fine; visible at once
    assert live_index.search(Query("kävelykierros")).total == 0
    assert live_index.compare([walk_sv, library]).clean

    before = live_index._indices()
    live_index.rebuild([walk])
    assert live_index._indices() != before and len(live_index._indices()) == 1
    assert set(live_index.digests()) == {walk["id"]}
    assert live_index.sync([walk, library]).missing == {library["id"]}
    assert live_index.search(Query("library")).total == 1


def test_one_client_per_process_and_cluster():
    """Each index made for a request or a build reuses the process's client (its pool of
    connections); another cluster gets its own. (No request is made: nothing listens.)"""
    first = ElasticsearchIndex({"URL": "http://127.0.0.1:9"})
    second = ElasticsearchIndex({"URL": "http://127.0.0.1:9", "INDEX": "another-alias"})
    other = ElasticsearchIndex({"URL": "http://127.0.0.1:10"})
    assert first.client is second.client
    assert other.client is not first.client


def test_a_backend_that_cannot_be_imported_is_a_configuration_error():
    from django.core.exceptions import ImproperlyConfigured

    from search.server import get_index

    with pytest.raises(ImproperlyConfigured, match="SEARCH_INDEX"):
        get_index({"BACKEND": "search.server.nowhere.Index"})
    with pytest.raises(ImproperlyConfigured, match="SEARCH_INDEX"):
        get_index({"URL": "http://127.0.0.1:9"})
