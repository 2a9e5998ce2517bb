"""The database backend of the server index. This module runs in both passes of bin/test,
on SQLite (FTS5) and on PostgreSQL (full-text search), and asserts one table of expected
results for a fixed set of queries: the two databases find the same pages."""

from __future__ import annotations

import pytest

from search.server import Query, get_index
from search.server.database import DatabaseIndex
from tests.factories import SearchDocFactory

pytestmark = pytest.mark.django_db

CORPUS = {
    "library-fi": dict(
        title="Kaupunginkirjasto",
        text="Pääkirjasto on auki arkisin. Lainaa kirjoja ja lehtiä.",
    ),
    "library-news": dict(
        title="Kirjasto remontissa",
        type="news",
        text="Pääkirjasto on suljettu remontin ajan. Lähikirjastot palvelevat.",
    ),
    "walk-fi": dict(
        site="tourism",
        site_name="Visit Kaislahti",
        title="Puu-Kaislahti",
        text="Kävelykierros 1800-luvun puutaloissa kestää noin tunnin.",
    ),
    "walk-sv": dict(
        site="tourism",
        site_name="Visit Vassvik",
        lang="sv",
        title="Trä-Vassvik",
        text="En promenad bland trähusen från 1800-talet tar ungefär en timme.",
    ),
    "library-sv": dict(lang="sv", title="Stadsbiblioteket", text="Huvudbiblioteket är öppet."),
    "library-en": dict(
        lang="en", title="City library", text="The main library is open on weekdays."
    ),
    "library-night": dict(
        site="events",
        lang="en",
        type="event",
        title="Library night",
        text="Stories at the library after dark, for the whole family.",
    ),
    "business": dict(
        site="business",
        title="Yrityspalvelut",
        text="Neuvontaa yrittäjille. Kirjasto lainaa myös yrittäjän oppaita.",
    ),
}

# query -> the documents it must find, on every database.
EXPECTED = [
    (Query("pääkirjasto"), {"library-fi", "library-news"}),
    (Query("Pääkirjasto auki"), {"library-fi"}),
    (Query("PÄÄKIRJASTO"), {"library-fi", "library-news"}),
    (Query("kirjasto"), {"library-news", "business"}),
    (Query("kävelykierros"), {"walk-fi"}),
    (Query("kaislahti"), {"walk-fi"}),
    (Query("trähusen"), {"walk-sv"}),
    (Query("promenad", lang="sv"), {"walk-sv"}),
    (Query("promenad", lang="fi"), set()),
    (Query("library"), {"library-en", "library-night"}),
    (Query("library", type="event"), {"library-night"}),
    (Query("library", sites=("city",)), {"library-en"}),
    (Query("library", sites=("city", "events")), {"library-en", "library-night"}),
    (Query('"main library"'), {"library-en"}),
    (Query('"library main"'), set()),
    (Query("yrittäjille"), {"business"}),
    (Query("1800"), {"walk-fi", "walk-sv"}),
    (Query("sanaa-jota-ei-ole"), set()),
    (Query("puu-kaislahti"), {"walk-fi"}),
    (Query("paakirjasto"), {"library-fi", "library-news"}),
    (Query("tra-vassvik"), {"walk-sv"}),
]


@pytest.fixture
def corpus() -> dict[str, dict]:
    documents = {name: SearchDocFactory(**fields) for name, fields in CORPUS.items()}
    get_index().upsert(list(documents.values()))
    return documents


def found(query: Query, corpus: dict[str, dict]) -> set[str]:
    names = {doc["id"]: name for name, doc in corpus.items()}
    return {names[hit.id] for hit in get_index().search(query).hits}


@pytest.mark.parametrize(("query", "expected"), EXPECTED, ids=lambda v: getattr(v, "text", ""))
def test_fixed_queries_find_the_same_pages_on_every_database(corpus, query, expected):
    assert found(query, corpus) == expected


def test_default_backend_is_the_database():
    assert isinstance(get_index(), DatabaseIndex)


def test_a_match_in_the_title_ranks_above_one_in_the_text():
    in_text = SearchDocFactory(title="Uimahalli", text="Uimahallin vieressä on kuntosali.")
    in_title = SearchDocFactory(title="Kuntosali", text="Avoinna arkisin.")
    get_index().upsert([in_text, in_title])
    assert [hit.id for hit in get_index().search(Query("kuntosali")).hits] == [
        in_title["id"],
        in_text["id"],
    ]


def test_highlights_mark_the_words_and_escape_the_text():
    doc = SearchDocFactory(
        title="Kirjasto <b>auki</b>",
        text="Alku. " + "täyte " * 60 + "Kirjasto on auki & palvelee. " + "loppu " * 60,
    )
    get_index().upsert([doc])
    [hit] = get_index().search(Query("kirjasto auki")).hits
    assert hit.highlights["title"] == "<mark>Kirjasto</mark> &lt;b&gt;<mark>auki</mark>&lt;/b&gt;"
    text = hit.highlights["text"]
    assert "<mark>Kirjasto</mark> on <mark>auki</mark> &amp; palvelee" in text
    assert text.startswith("…") and text.endswith("…") and "Alku" not in text


def test_paging_counts_every_match_and_returns_one_page():
    docs = [SearchDocFactory(title=f"Uutinen {n}", text="satama") for n in range(25)]
    get_index().upsert(docs)
    first = get_index().search(Query("satama", per_page=10))
    last = get_index().search(Query("satama", page=3, per_page=10))
    assert first.total == last.total == 25
    assert len(first.hits) == 10 and len(last.hits) == 5
    assert not {h.id for h in first.hits} & {h.id for h in last.hits}


def test_upsert_replaces_and_delete_removes_from_the_full_text_index():
    doc = SearchDocFactory(title="Satama", text="laiturit")
    index = get_index()
    index.upsert([doc])
    index.upsert([SearchDocFactory(id=doc["id"], title="Satama", text="venepaikat")])
    assert index.search(Query("laiturit")).total == 0
    assert index.search(Query("venepaikat")).total == 1
    index.delete([doc["id"], 123456789])  # an id never indexed is fine
    assert index.search(Query("venepaikat")).total == 0
    assert index.search(Query("satama")).total == 0
    assert doc["id"] not in index.digests()


def test_sync_writes_only_what_differs_and_compare_reports_it():
    kept, changed, gone = (SearchDocFactory(text=w) for w in ("yksi", "kaksi", "kolme"))
    index = get_index()
    index.upsert([kept, changed, gone])
    new = SearchDocFactory()
    edited = SearchDocFactory(id=changed["id"], text="kaksi muutettu")
    difference = index.compare([kept, edited, new])
    assert (difference.missing, difference.stale, difference.extra) == (
        {new["id"]},
        {changed["id"]},
        {gone["id"]},
    )
    index.sync([kept, edited, new])
    assert index.compare([kept, edited, new]).clean
    assert index.search(Query("kolme")).total == 0
    assert index.search(Query("muutettu")).total == 1


def test_sync_of_some_sites_leaves_the_others_alone():
    city, tourism = SearchDocFactory(site="city"), SearchDocFactory(site="tourism")
    index = get_index()
    index.upsert([city, tourism])
    index.sync([], sites=["city"])
    assert set(index.digests()) >= {tourism["id"]}
    assert city["id"] not in index.digests()


def test_rebuild_replaces_the_whole_index():
    old, new = SearchDocFactory(text="vanha"), SearchDocFactory(text="uusi")
    index = get_index()
    index.upsert([old])
    index.rebuild([new])
    assert set(index.digests()) == {new["id"]}
    assert index.search(Query("vanha")).total == 0
