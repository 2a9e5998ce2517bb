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

from cms.deploy import backup
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
            {"sizes": {"media/big": 10}},
            "size",
        ),
        ({DATABASE_SQLITE: DATABASE}, {"files": {}}, "differ"),
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
    skipped (as the log's readers skip it); the archive's good receipts are merged."""
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
    ]
    (folder / backup.AUDIT).write_bytes(
        b"\xff\xfe\n"
        + b"\n".join(json.dumps(line).encode() for line in [good, *foreign])
        + b'\n{"torn": \n["not", "a receipt"]\n'
    )
    assert backup._merge_audit(folder) == 1
    text = settings.NOTICE_AUDIT_LOG.read_bytes()
    assert text.count(b'"notice":2') == 1 and text.startswith(b'{"notice": 1')
