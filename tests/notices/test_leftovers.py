"""Copies kept beside the notice's own rows and files: the search memo cache (Pagefind
indexes by their documents), Django's file cache, and task results naming deleted files.
The reconciler deletes or scrubs those holding a removed notice's data and keeps the rest;
``verify_privacy`` reads every cache entry. Real clocks here: the purge trusts file times,
which time travel cannot move."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import pytest

from django.core.cache import caches
from django.db import connection
from django.utils import timezone

from cms.notices import richtext
from cms.removal import privacy, receipts, scans
from cms.removal.models import Removal
from cms.removal.reconciler import purge, reconcile_due
from publisher.release import folders as release
from search import static_index
from search.pagefind_memo import memo_path, pack_memo
from tests.factories import FileDeletionTaskFactory

NOTICE = 4711
FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache"


def _memo_entry(name: str, text: str, fragment_name: str = "en_1") -> Path:
    """A memo entry as the Pagefind writer stores it: a bundle's files, gzipped."""
    path = memo_path(static_index.cache_dir(), name)
    path.parent.mkdir(parents=True, exist_ok=True)
    files = {
        "pagefind-entry.json": b'{"languages": {}}',
        f"fragment/{fragment_name}.pf_fragment": _fragment(text),
    }
    path.write_bytes(pack_memo(files))
    now = time.time()
    os.utime(path, (now, now))  # dated by the process's clock, as the writer dates it
    return path


def _fragment(text: str) -> bytes:
    return gzip.compress(f'{{"content": "{text}"}}'.encode(), mtime=0)


def _live_bundle(site: str, files: dict[str, bytes]) -> Path:
    """A live release of ``site`` whose search bundle holds ``files``."""
    live = release.new_release(site)
    for name, data in files.items():
        (live / "pagefind" / name).parent.mkdir(parents=True, exist_ok=True)
        (live / "pagefind" / name).write_bytes(data)
    release.activate(site, live)
    return live


class _Card:
    """A cached object (a model instance, say): its attributes are read."""

    def __init__(self, contact: dict) -> None:
        self.contact = contact


@pytest.fixture
def stores(settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path / "output"
    settings.OUTPUT_DIR.mkdir()
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "files": {"BACKEND": FILE_CACHE, "LOCATION": str(tmp_path / "cache")},
    }
    return caches["files"]


@pytest.mark.django_db
def test_purge_keeps_the_memo_entries_live_bundles_are_made_of_and_drops_the_rest(stores):
    removed = "Sanna Kanarialintu"
    live_text = "Kaupungin kirjaamo"
    _live_bundle("city", {"fragment/en_live.pf_fragment": _fragment(live_text)})
    in_use = _memo_entry("cd02", live_text, fragment_name="en_live")
    holding = _memo_entry("ab01", f"Hakija {removed} sai luvan")
    # An old state of a bundle (nothing personal in it), and one whose data file has the
    # live name but not its size: neither is what a live bundle is made of.
    unused = _memo_entry("ef03", "Kaupungin kirjasto")
    other_size = _memo_entry("ef04", f"{live_text} ja arkisto", fragment_name="en_live")
    planted = memo_path(static_index.cache_dir(), "0f05")
    planted.parent.mkdir()
    planted.write_bytes(b"not an entry")

    stores.set("card", _Card({"name": removed.upper(), "phone": "040 765 4321"}), None)
    stores.set("listing", ["Kuulutus", f"Naapuri {removed}"], None)
    stores.set("other", "Kaupungin kirjaamo", None)

    purge(scans.Needles({("notice", NOTICE): receipts.needles([removed])}))

    assert in_use.exists()
    assert not any(p.exists() for p in (holding, unused, other_size, planted))
    assert stores.get("card") is None and stores.get("listing") is None
    assert stores.get("other") == "Kaupungin kirjaamo"


@pytest.mark.django_db
def test_a_table_made_after_a_scan_is_scanned_too(stores):
    """The text columns are worked out once per schema: a migration's new table counts."""
    removed = "Taulu Uusitalo"
    receipts.append({"notice": NOTICE, "needles": receipts.needles([removed])})
    assert privacy.verify(timezone.now()) == []
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE planted_copy (note TEXT)")
        cursor.execute("INSERT INTO planted_copy (note) VALUES (%s)", [f"Asiakas {removed}"])
    findings = privacy.verify(timezone.now())
    assert [(f.store, f.where, f.item) for f in findings] == [
        ("database", "planted_copy.note", NOTICE)
    ]


@pytest.mark.django_db
def test_verify_privacy_reads_every_cache_entry(stores):
    removed = "Ville Välimuisti"
    receipts.append({"notice": NOTICE, "needles": receipts.needles([removed])})
    stores.set("other", {"title": "Kaupungin kirjaamo"}, None)
    assert privacy.verify(timezone.now()) == []

    stores.set("planted", {"rows": [("Yhteyshenkilö", f"{removed}")]}, None)
    findings = privacy.verify(timezone.now())
    assert [(f.store, f.item) for f in findings] == [("cache", NOTICE)]
    assert findings[0].where.endswith(".djcache")

    # However old the entry: the proof does not trust file times.
    stores.delete("planted")
    entry = _memo_entry("0a1b", f"Hakija {removed}")
    os.utime(entry, (0, 0))
    findings = privacy.verify(timezone.now())
    assert [(f.store, f.item, f.where) for f in findings] == [("static output", NOTICE, str(entry))]


@pytest.mark.django_db
def test_file_names_kept_by_an_earlier_release_are_forgotten_by_the_next_round():
    """Removals finished before the reconciler forgot deleted files' names: the journal
    kept them, and so did the worker's record of the file deletion."""
    name = "documents/kuuleminen-ville-valimuisti.pdf"
    journal = Removal.objects.create(
        kind="notice",
        item_id=NOTICE,
        ends_at=timezone.now(),
        started_at=timezone.now(),
        redacted_at=timezone.now(),
        finished_at=timezone.now(),
        pending_files=[name],
    )
    task = FileDeletionTaskFactory(name=name)
    assert reconcile_due() == []
    journal.refresh_from_db()
    task.refresh_from_db()
    assert journal.pending_files == []
    assert task.args_kwargs["args"][1] == richtext.marker()


@pytest.mark.django_db
def test_the_proof_names_every_copy_of_the_same_bytes(stores):
    """The proof reads each distinct content once, yet names every path that holds it: a
    memo entry and the live bundle file it made, and a copy under another name."""
    removed = "Kaisa Kopio"
    receipts.append({"notice": NOTICE, "needles": receipts.needles([removed])})
    fragment = _fragment(f"Hakija {removed}")
    live = _live_bundle("city", {"fragment/en_copy.pf_fragment": fragment})
    entry = _memo_entry("1a2b", f"Hakija {removed}", fragment_name="en_copy")
    (live / "kopio.pf_fragment").write_bytes(fragment)
    findings = privacy.verify(timezone.now())
    assert sorted(f.where for f in findings) == sorted(
        [
            str(live / "pagefind/fragment/en_copy.pf_fragment"),
            str(live / "kopio.pf_fragment"),
            str(entry),
        ]
    )
    assert {(f.store, f.item) for f in findings} == {("static output", NOTICE)}
