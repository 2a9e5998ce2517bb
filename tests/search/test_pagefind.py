"""The Pagefind bundles: the real binary indexes documents per language, the same input
gives the same bytes (memoised: Pagefind's own output varies between processes), only the
root bundle carries the runtime, and a bundle's sections are assigned stably."""

from records.text import html_text
from search import bundles
from search.documents import document
from search.pagefind import BundleWriter


def doc(number: int, lang: str, text: str = "kirjasto kaupunki") -> dict:
    return {
        "url": f"/{lang}/sivu-{number}/",
        "title": f"Sivu {number}",
        "text": f"{text} {number}",
        "lang": lang,
        "site_name": "Kaislahti",
        "site": "city",
        "type": "page",
        "date": None,
    }


def test_bundles_split_languages_and_only_the_root_carries_the_runtime(tmp_path):
    docs = [doc(n, lang) for n in range(5) for lang in ("fi", "sv")]
    with BundleWriter(tmp_path) as writer:
        section = writer.bundle(docs, runtime_languages=[])
        root = writer.bundle(docs, runtime_languages=["fi", "sv"])
    assert "pagefind-entry.json" in section and "pagefind.js" not in section
    assert not any(name.startswith("wasm.") or "-ui" in name for name in section)
    assert {"pagefind.js", "wasm.fi.pagefind", "wasm.sv.pagefind"} <= set(root)
    assert any(name.startswith("fragment/fi_") for name in section)
    assert any(name.startswith("fragment/sv_") for name in section)


def test_the_same_documents_give_the_same_bytes_and_an_edit_reindexes_one_language(tmp_path):
    docs = [doc(n, lang) for n in range(5) for lang in ("fi", "sv", "en")]
    with BundleWriter(tmp_path) as first:
        before = first.bundle(docs, runtime_languages=[])
    assert first.indexed == 3
    with BundleWriter(tmp_path) as second:  # another Pagefind process
        assert second.bundle(docs, runtime_languages=[]) == before
    assert second.indexed == 0
    edited = [dict(d, text="uimahalli") if d["url"] == "/fi/sivu-1/" else d for d in docs]
    with BundleWriter(tmp_path) as third:
        after = third.bundle(edited, runtime_languages=[])
    assert third.indexed == 1
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed and all("fi_" in name or name == "pagefind-entry.json" for name in changed)


def test_sections_and_shards_are_stable():
    home = {"id": 1, "key": "h", "kind": "home", "path": "00010001", "url": "/", "lang": "fi"}
    section = {"id": 2, "key": "s", "kind": "section", "path": "000100010001", "lang": "fi"}
    section["url"] = "/palvelut/"
    pages = [
        {"id": 10 + n, "key": f"k{n}", "kind": "content", "lang": "fi", "url": f"/palvelut/{n}/"}
        | {"path": f"000100010001{n:04d}"}
        for n in range(bundles.SHARD_SIZE + 1)
    ]
    assigned = bundles.assign([home, section, *pages], ["fi"])
    assert assigned[1] == bundles.ROOT
    assert {assigned[p["id"]] for p in pages} <= {"palvelut-1", "palvelut-2"}
    # Equal records that are other objects (another process, a re-export): worked out
    # again, to the same answer.
    copies = [dict(r) for r in [home, section, *pages]]
    again = bundles.assign(copies, ["fi"])
    assert again == assigned and again is not assigned
    # The very same objects: the answer of last time, not worked out again.
    assert bundles.assign(copies, ["fi"]) is again
    moved = {**pages[0], "path": "00010001", "kind": "home", "id": 9}
    assert bundles.assign([*copies, moved], ["fi"])[9] == bundles.ROOT
    # One page edited in place (a new record object, same place): the same answer.
    edited = [*copies]
    edited[5] = {**copies[5], "title": "Uusi otsikko", "lead": "Muutettu"}
    assert bundles.assign(edited, ["fi"]) is again
    # The section renamed: its bundles are named after its new address.
    renamed = [*edited]
    renamed[1] = {**copies[1], "url": "/asiointi/"}
    names = set(bundles.assign(renamed, ["fi"]).values())
    assert names == {bundles.ROOT, "asiointi-1", "asiointi-2"}


def test_documents_hold_visible_text_only():
    assert html_text("<p>Kirjasto <b>auki</b></p><script>x()</script><ul><li>ma</li></ul>") == (
        "Kirjasto auki\nma"
    )
    record = {
        "id": 1,
        "site": "city",
        "lang": "fi",
        "kind": "press",
        "url": "/a/",
        "full_url": "http://city.localhost/a/",
        "title": "T",
        "lead": "L",
        "body": "<p>B</p>",
    }
    assert document(record, "Kaislahti")["type"] == "press"
    assert document(record, "Kaislahti")["text"] == "L\nB"
