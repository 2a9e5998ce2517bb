"""``restore`` trusts nothing in an archive until all of it is checked: the manifest names
only the archive's own members, each where a backup puts it and of the size it says, and
the whole fits on the disk. A refused archive writes nothing."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from cms.deploy import audit, backup, dumps, media_files, vaults
from cms.deploy.dumps import DATABASE_SQLITE

DATABASE = b"SQLite format 3\x00" + b"\x00" * 100


def archive(path: Path, members: dict[str, bytes], **manifest) -> Path:
    files = {name: hashlib.sha256(data).hexdigest() for name, data in members.items()}
    sizes = {name: len(data) for name, data in members.items()}
    made = {"format": 2, "database": DATABASE_SQLITE, "files": files, "sizes": sizes}
    made.update(manifest)
    with tarfile.open(path, "w:gz") as tar:
        for name, data in [*members.items(), ("manifest.json", json.dumps(made).encode())]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_a_backup_of_the_platforms_making_is_read(tmp_path):
    made = archive(tmp_path / "a.tar.gz", {DATABASE_SQLITE: DATABASE, "media/x.txt": b"x"})
    (tmp_path / "into").mkdir()
    manifest = backup.read(made, tmp_path / "into")
    assert manifest["database"] == DATABASE_SQLITE
    assert (tmp_path / "into" / "media" / "x.txt").read_bytes() == b"x"


@pytest.mark.parametrize(
    ("members", "manifest", "said"),
    [
        # The manifest names a file outside the archive as its database.
        ({DATABASE_SQLITE: DATABASE}, {"database": "/etc/hostname"}, "database is named"),
        ({DATABASE_SQLITE: DATABASE}, {"database": "media/x"}, "database is named"),
        # A plain file where the media folder goes.
        ({DATABASE_SQLITE: DATABASE, "media": b"x"}, {}, "never does"),
        ({DATABASE_SQLITE: DATABASE, "settings.py": b"x"}, {}, "never does"),
        # A member larger than its manifest says (a bomb of zeros compresses well).
        (
            {DATABASE_SQLITE: DATABASE, "media/big": b"\x00" * 100_000},
            {"sizes": {"media/big": 10, DATABASE_SQLITE: len(DATABASE)}},
            "media/big is not of the size",
        ),
        # No sizes to check before unpacking: refused, not unpacked to see.
        ({DATABASE_SQLITE: DATABASE}, {"sizes": None}, "size of each file"),
        ({DATABASE_SQLITE: DATABASE}, {"files": {}}, r"differ.*not listed \['database"),
        ({DATABASE_SQLITE: DATABASE}, {"format": 99}, "format"),
    ],
)
def test_an_archive_not_of_its_making_is_refused_before_anything_is_written(
    tmp_path, members, manifest, said
):
    made = archive(tmp_path / "a.tar.gz", members, **manifest)
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(backup.BackupError, match=said):
        backup.read(made, into)
    assert list(into.iterdir()) == []


def test_an_archive_that_would_fill_the_disk_is_refused(tmp_path, monkeypatch):
    made = archive(tmp_path / "a.tar.gz", {DATABASE_SQLITE: DATABASE, "media/big": b"\x00" * 10**6})
    into = tmp_path / "into"
    into.mkdir()
    usage = backup.shutil.disk_usage(into)
    # (The disk as it would be with a million bytes less than the archive needs.)
    monkeypatch.setattr(backup, "MARGIN_BYTES", usage.free - 10**6 // 2)
    with pytest.raises(backup.BackupError, match="bytes unpacked"):
        backup.read(made, into)
    assert list(into.iterdir()) == []


def test_a_stray_byte_in_either_audit_log_never_stops_a_restore_halfway(tmp_path, settings, db):
    """A line that is not UTF-8 or no receipt, in the live log or the archive's, is
    skipped (as the log's readers skip it); the archive's good receipts are merged, and
    its refused lines are kept aside, each with its number and why."""
    settings.NOTICE_AUDIT_LOG = tmp_path / "live" / "notice-removals.jsonl"
    settings.NOTICE_AUDIT_LOG.parent.mkdir()
    settings.NOTICE_AUDIT_LOG.write_bytes(b'{"notice": 1, "needles": []}\n\xff\xfebinary\n')
    folder = tmp_path / "unpacked"
    (folder / "audit").mkdir(parents=True)
    good = {"notice": 2, "needles": [], "finished": "2026-12-01T00:00:00+00:00"}
    # Not a receipt either: an item no database has, a kind nobody registered, needles
    # that are no hashes.
    foreign = [
        {"item": 10**23, "kind": "notice"},
        {"item": 5, "kind": "zzz"},
        {"notice": 6, "needles": "x"},
        # A bare line naming a notice on view: merged, it would remove that notice's data.
        {"item": 83, "kind": "notice"},
    ]
    (folder / backup.AUDIT).write_bytes(
        b"\xff\xfe\n"
        + b"\n".join(json.dumps(line).encode() for line in [good, *foreign])
        + b'\n{"torn": \n["not", "a receipt"]\n'
    )
    merged = audit.merge(folder / backup.AUDIT, tmp_path / "quarantine")
    assert (merged.added, merged.refused) == (1, 7)
    text = settings.NOTICE_AUDIT_LOG.read_bytes()
    assert text.count(b'"notice":2') == 1 and text.startswith(b'{"notice": 1')
    kept = [json.loads(line) for line in merged.kept.read_text().splitlines()]
    assert [line["line"] for line in kept] == [1, 3, 4, 5, 6, 7, 8]
    assert kept[0]["why"] == "not UTF-8" and kept[4]["why"].startswith("a receipt without")
    assert kept[5]["text"] == '{"torn": ' and kept[5]["why"].startswith("not JSON")
    assert merged.kept.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        (tarfile.SYMTYPE, "symbolic link"),
        (tarfile.FIFOTYPE, "named pipe"),
        (tarfile.DIRTYPE, "folder"),
    ],
)
def test_a_member_of_the_wrong_type_is_named_with_its_type(tmp_path, kind, said):
    made = tmp_path / "a.tar.gz"
    with tarfile.open(made, "w:gz") as tar:
        info = tarfile.TarInfo("media/documents/liite.pdf")
        info.type, info.linkname = kind, "/etc/passwd"
        tar.addfile(info)
    (tmp_path / "into").mkdir()
    with pytest.raises(backup.BackupError, match=f"'media/documents/liite.pdf' as a {said}"):
        backup.read(made, tmp_path / "into")


def test_a_sealed_part_not_of_a_backups_making_is_refused(tmp_path):
    with pytest.raises(backup.BackupError, match="sealed part"):
        vaults.open_all(tmp_path, {"sealed": "nonsense"})
    with pytest.raises(backup.BackupError, match="sealed part"):
        vaults.open_all(tmp_path, {"sealed": {"nonce": "../x", "items": []}})


def _foreign_database(path: Path) -> None:
    """A sound SQLite database of some other program (a browser's history, say)."""
    import sqlite3

    db = sqlite3.connect(path)
    with db:
        db.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        db.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    db.close()


def _another_wagtail_project(path: Path) -> None:
    """The database of another Django and Wagtail project: their tables, not the city's."""
    import sqlite3

    db = sqlite3.connect(path)
    with db:
        for table in ("django_migrations", "wagtailcore_page", "wagtailcore_site", "auth_user"):
            db.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
    db.close()


@pytest.mark.parametrize(
    ("write", "said"),
    [
        (lambda path: path.write_bytes(b"not a database at all" * 100), "cannot be read"),
        (_foreign_database, "not this platform's"),
        (_another_wagtail_project, "no core_siteprofile table"),
    ],
    ids=["no-database", "another-programs-database", "another-wagtail-projects-database"],
)
def test_a_database_member_not_the_platforms_is_refused_and_leaves_nothing(
    tmp_path, settings, monkeypatch, write, said
):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("an SQLite file's restore (PostgreSQL's: tests/processes)")
    target = tmp_path / "db.sqlite3"
    target.write_bytes(b"the live database")
    monkeypatch.setitem(settings.DATABASES["default"], "NAME", str(target))
    (tmp_path / "unpacked").mkdir()
    write(tmp_path / "unpacked" / DATABASE_SQLITE)
    manifest = {"engine": "sqlite", "database": DATABASE_SQLITE}
    with pytest.raises(backup.BackupError, match=said):
        dumps.restore(tmp_path / "unpacked", manifest, lambda text: text)
    assert target.read_bytes() == b"the live database"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3", "unpacked"]


def test_a_postgresql_dump_not_the_platforms_changes_nothing(tmp_path, transactional_db):
    """A plain SQL dump of another database, given as this platform's, is refused inside
    psql's one transaction: none of its statements stays."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("psql's restore (SQLite's: above)")
    (tmp_path / dumps.DATABASE_POSTGRES).write_text(
        "CREATE TABLE public.moz_places (id integer);\n", encoding="utf-8"
    )
    manifest = {"engine": "postgresql", "database": dumps.DATABASE_POSTGRES}
    with pytest.raises(backup.BackupError, match="not this platform's"):
        dumps.restore(tmp_path, manifest, lambda text: text)
    assert "moz_places" not in connection.introspection.table_names()


@pytest.mark.parametrize("linked", ["documents", "media"])
def test_a_restore_keeps_the_folders_the_operator_linked_to_another_disk(
    tmp_path, settings, linked
):
    """The media folder, or its documents folder, moved to another disk and linked back:
    after a restore it is still the link, the backup's files are on that disk and what was
    there before is gone from it (not left behind on a disk nobody looks at)."""
    disk = tmp_path / "disk"
    (disk / "documents").mkdir(parents=True)
    (disk / "documents" / "vanha.pdf").write_bytes(b"old personal attachment")
    media = tmp_path / "runtime" / "media"
    media.parent.mkdir()
    if linked == "media":
        media.symlink_to(disk)
    else:
        (media / "images").mkdir(parents=True)
        (media / "images" / "vanha.jpg").write_bytes(b"old image")
        (media / "documents").symlink_to(disk / "documents")
    settings.MEDIA_ROOT = str(media)
    restored = tmp_path / "unpacked" / "media"
    (restored / "documents").mkdir(parents=True)
    (restored / "images").mkdir()
    (restored / "documents" / "uusi.pdf").write_bytes(b"restored attachment")
    (restored / "images" / "uusi.jpg").write_bytes(b"restored image")

    assert media_files.restore(tmp_path / "unpacked") == 2

    assert (media if linked == "media" else media / "documents").is_symlink()
    assert sorted(p.name for p in (disk / "documents").iterdir()) == ["uusi.pdf"]
    assert (media / "images" / "uusi.jpg").read_bytes() == b"restored image"
    assert not (media / "images" / "vanha.jpg").exists()


def test_a_link_to_a_file_outside_the_media_folders_is_not_backed_up(tmp_path, settings):
    """A file link in the media folder that leads outside it (and outside the folders
    linked into it) is named, not read into the backup; one to a file inside is read."""
    outside = tmp_path / "etc" / "shadow"
    outside.parent.mkdir()
    outside.write_text("root:secret")
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "liite.pdf").write_bytes(b"%PDF")
    (media / "documents" / "salasanat.txt").symlink_to(outside)
    (media / "documents" / "sama.pdf").symlink_to(media / "documents" / "liite.pdf")
    settings.MEDIA_ROOT = str(media)
    members: dict[str, Path] = {}
    skipped = media_files.read(members, set())
    assert skipped == ["documents/salasanat.txt"]
    assert sorted(members) == ["media/documents/liite.pdf", "media/documents/sama.pdf"]
