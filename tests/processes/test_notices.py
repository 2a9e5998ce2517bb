"""Notice removal as real processes: the reconciler killed (SIGKILL) at random points and
finished by the next run, a backup restored and the removals replayed,
and a notice going live at its start and losing its personal data at its end with only
the task worker running."""

from __future__ import annotations

import json
import os
import random
import re
import secrets
import shutil
import tarfile
import time
from pathlib import Path

import pytest

from .conftest import SITES, Platform, wait_for

pytestmark = pytest.mark.slow

# Published notices with a token in every personal field, marked span and attachment;
# SPEC is a JSON list of [token, notice type, seconds to the start]. Prints their ids.
CREATE = """
import json
from datetime import timedelta
from django.utils import timezone
from cms.notices.models import NoticeAttachment, NoticeIndexPage, NoticePage
from publisher.worker.queue import process_pending
from tests.factories import DocumentFactory, NoticePageFactory
section = NoticeIndexPage.objects.get(slug="kuulutukset")
made = []
for token, kind, start in json.loads('SPEC'):
    document = DocumentFactory(
        title="Naapurikuuleminen " + token,
        file__filename="kuuleminen-" + token.lower() + ".txt",
        file__data=("Asianosainen " + token).encode(),
    )
    page = NoticePageFactory(
        parent=section,
        slug="kuulutus-" + token[::-1].lower(),  # the address is kept: not the token
        notice_type=kind,
        display_from=timezone.now().replace(microsecond=0) + timedelta(seconds=start),
        body='<p>Hakija <span class="personal-data">' + token + ' Hakija</span>.</p>',
        persons_concerned=token + " Naapuri",
        contact_name=token + " Yhteyshenkilo",
        contact_email=token.lower() + "@kaislahti.example",
    )
    NoticeAttachment.objects.create(page=page, document=document, personal=True)
    NoticePage.objects.get(pk=page.pk).save_revision().publish()
    made.append(page.pk)
process_pending()
print(json.dumps(made))
"""

# Makes the display period of the notices IDS end SECONDS from now, as if it had been
# set so from the start (the deadline task queued for that moment, as saving does).
END = """
from datetime import timedelta
from django.db import transaction
from django.utils import timezone
from cms.notices.models import NoticePage
from cms.removal.notices.schedule import schedule_moments
ends_at = timezone.now() + timedelta(seconds=SECONDS)
with transaction.atomic():
    for page in NoticePage.objects.filter(pk__in=IDS):
        NoticePage.objects.filter(pk=page.pk).update(ends_at=ends_at)
        page.refresh_from_db()
        schedule_moments(page)
"""


def create(platform: Platform, spec: list[tuple[str, str, int]]) -> list[int]:
    return json.loads(platform.shell(CREATE.replace("SPEC", json.dumps(spec))))


def end(platform: Platform, ids: list[int], seconds: float) -> None:
    platform.shell(END.replace("IDS", repr(ids)).replace("SECONDS", repr(seconds)))


def tokens(n: int) -> list[str]:
    return [f"Kanari{secrets.token_hex(3)}" for _ in range(n)]


def page_file(platform: Platform, token: str) -> Path:
    # Through the "current" link, so that each read sees the release live at that moment.
    return (
        platform.var
        / "output/city/current"
        / f"kuulutukset/kuulutus-{token[::-1].lower()}/index.html"
    )


def receipts(platform: Platform) -> list[dict]:
    path = platform.var / "audit" / "notice-removals.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def in_archive(archive: Path, token: str) -> list[str]:
    """The members of the backup ``archive`` holding ``token`` (in any case) as bytes."""
    with tarfile.open(archive) as tar:
        members = [(m.name, tar.extractfile(m).read()) for m in tar.getmembers() if m.isfile()]
    needles = (token.encode(), token.lower().encode())
    return [name for name, data in members if any(n in data for n in needles)]


def anywhere(platform: Platform, token: str) -> list[str]:
    """Files under the platform's folder (output, media, and the database's own files,
    freed pages included) holding ``token`` as bytes, in any case."""
    needles = (token.encode(), token.lower().encode())
    databases = [p for p in platform.var.glob("db.sqlite3*") if p.is_file()]
    return [
        str(path)
        for path in [
            *databases,
            *(p for root in ("output", "media") for p in (platform.var / root).rglob("*")),
        ]
        if path.is_file()
        and (any(n in path.read_bytes() for n in needles) or token.lower() in path.name)
    ]


def test_a_reconciler_killed_at_random_points_is_finished_by_the_next_run(platform: Platform):
    names = tokens(4)
    kinds = ["decision", "building_permit", "decision", "building_permit"]
    ids = create(platform, [(t, k, 0) for t, k in zip(names, kinds, strict=True)])
    for token in names:
        assert token in page_file(platform, token).read_text()
    end(platform, ids, -1)
    before = len(receipts(platform))

    # Killed at moments seen from outside: inside a build (the build lock held), right
    # after a receipt is written, between deleting a notice's files and its publish; then
    # at a random moment (seeded: a failure can be replayed).
    def kill_when(condition) -> bool:
        process = platform.start("expire_notices")
        wait_for(lambda: process.poll() is not None or condition(), timeout=120, interval=0.005)
        running = process.poll() is None
        platform.kill(process)
        return running

    def files_gone(token: str) -> bool:
        return not list((platform.var / "media").rglob(f"*{token.lower()}*"))

    delay = random.Random(20261124).uniform(2.5, 5.0)
    kills = {
        "building": kill_when(platform.building),
        "receipt written": kill_when(lambda: len(receipts(platform)) > before),
        "files deleted": kill_when(lambda: files_gone(names[2])),
    }
    process = platform.start("expire_notices")
    time.sleep(delay)
    kills[f"after {delay:.2f} s"] = process.poll() is None
    platform.kill(process)
    print(f"killed (was running): {kills}; receipts {len(receipts(platform)) - before}")
    assert all(list(kills.values())[:3]), kills

    out = platform.manage("expire_notices")
    assert "none left" in out
    assert "No personal data" in platform.manage("verify_privacy")
    written = [r for r in receipts(platform)[before:] if r["item"] in ids]
    assert sorted(r["item"] for r in written) == sorted(ids), "one receipt per notice"
    for receipt in written:
        assert not any(token in json.dumps(receipt) for token in names)
    for token, kind in zip(names, kinds, strict=True):
        assert anywhere(platform, token) == [], token
        page = page_file(platform, token)
        if kind == "building_permit":
            assert not page.exists(), "the 'remove' policy takes the page away"
        else:
            assert "Poikkeamispäätös" in page.read_text(), "the title stays"
    for site in SITES:
        assert (platform.live(site) / "index.html").is_file(), site


def refuses_damaged(platform: Platform, archive: Path) -> None:
    """The database, media and sites lost, a damaged archive is refused before anything
    is touched."""
    for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"):
        (platform.var / name).unlink(missing_ok=True)
    shutil.rmtree(platform.var / "media")
    shutil.rmtree(platform.var / "output")
    damaged = archive.with_name("damaged.tar.gz")
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged.write_bytes(bytes(data))
    refused = platform.run("restore", str(damaged), "--yes")
    assert refused.returncode != 0 and "nothing was changed" in refused.stderr
    assert not (platform.var / "db.sqlite3").exists()


def test_a_backup_restored_is_a_working_platform_with_its_removals_replayed(
    platform: Platform,
):
    """``manage.py backup``, then the removals of two notices (one ended, one deleted by
    its officer before its end), then the machine lost but for the audit log (kept apart):
    ``manage.py restore`` brings the platform back, and neither notice's data with it."""
    ended_token, deleted_token, running_token = tokens(3)
    ended, deleted, running = create(
        platform,
        [
            (ended_token, "decision", 0),
            (deleted_token, "decision", 0),
            (running_token, "decision", 0),
        ],
    )
    end(platform, [ended], 3)
    # The nightly backup, taken while the three notices are on view.
    made = platform.manage("backup", "--output", str(platform.var.parent / f"b-{ended_token}"))
    archive = Path(made.split(" to ", 1)[1].split(" (", 1)[0])
    assert archive.stat().st_mode & 0o777 == 0o600
    assert re.search(r"The personal data of \d+ items is sealed", made)
    # Sealed: no member of the archive holds any of the three notices' values as they are.
    for token in (ended_token, deleted_token, running_token):
        assert in_archive(archive, token) == [], token
    time.sleep(3.5)
    assert f"notice {ended}: personal data removed" in platform.manage("expire_notices")
    platform.shell(
        f"from cms.notices.models import NoticePage; NoticePage.objects.get(pk={deleted}).delete()"
    )
    platform.manage("expire_notices")
    assert anywhere(platform, ended_token) == [] and anywhere(platform, deleted_token) == []

    refuses_damaged(platform, archive)

    out = platform.manage("restore", str(archive), "--yes")
    # Their keys went with their removals: the backup has nothing of them to give back.
    assert f"cannot be read any more: notice {ended}, notice {deleted}" in out
    assert f"notice {ended}: personal data removed (again, after a restore)" in out
    assert f"notice {deleted}: personal data removed (again, after a restore)" in out
    # The notice still on view comes back whole, its attachment too.
    assert running_token in page_file(platform, running_token).read_text()
    attachment = platform.var / "media" / "documents" / f"kuuleminen-{running_token.lower()}.txt"
    assert attachment.read_text() == f"Asianosainen {running_token}"
    assert "No personal data" in out
    for notice in (ended, deleted):
        mine = [r for r in receipts(platform) if r["item"] == notice]
        assert [r.get("replayed", False) for r in mine] == [False, True]
    # The notice its officer deleted stays deleted.
    exists = f"from wagtail.models import Page; print(Page.objects.filter(pk={deleted}).exists())"
    assert platform.shell(exists) == "False"
    assert anywhere(platform, ended_token) == [] and anywhere(platform, deleted_token) == []
    # A working platform: every site built again, with the ended notice redacted.
    for site in SITES:
        assert (platform.live(site) / "index.html").is_file()
    assert page_file(platform, ended_token).is_file()


def test_a_notice_goes_live_at_its_start_and_is_cleaned_at_its_end_by_the_worker(
    platform: Platform,
):
    """Nobody runs anything: the tasks queued when the notice was saved do it all."""
    worker = platform.start("publish_worker", "--interval", "0.5", "--no-reload")
    try:
        [token] = tokens(1)
        # Its period starts in 15 s: long enough that a loaded machine is still before it
        # when the shell that saved it has exited.
        [page_id] = create(platform, [(token, "decision", 15)])
        page = page_file(platform, token)
        assert not page.exists(), "not before its display period starts"
        wait_for(page.exists, timeout=60)
        assert token in page.read_text()
        end(platform, [page_id], 3)
        wait_for(lambda: token not in page.read_text(), timeout=60)
        wait_for(lambda: any(r["item"] == page_id for r in receipts(platform)), timeout=60)
        assert anywhere(platform, token) == []
        assert "No personal data" in platform.manage("verify_privacy")
    finally:
        platform.kill(worker)


def test_a_backup_reads_media_through_links_and_names_what_it_cannot_read(platform: Platform):
    """A media folder moved to another disk and linked back is backed up; an entry that is
    no file (a named pipe, a link to nothing) fails the backup by name, and the archive's
    name says it is incomplete."""
    moved = platform.var.parent / "other-disk"
    moved.mkdir(exist_ok=True)
    (moved / "ohje.txt").write_text("siirretty")
    media = platform.var / "media"
    links = [media / "siirretyt", media / "putki", media / "ei-mitaan"]
    links[0].symlink_to(moved, target_is_directory=True)
    os.mkfifo(links[1])
    links[2].symlink_to(platform.var.parent / "missing")
    try:
        done = platform.run("backup", "--output", str(platform.var.parent / "b-links"))
        assert done.returncode != 0
        assert "putki" in done.stderr and "ei-mitaan" in done.stderr
        [archive] = (platform.var.parent / "b-links").glob("*.tar.gz")
        assert archive.name.endswith("-incomplete.tar.gz")
        with tarfile.open(archive) as tar:
            member = tar.getmember("media/siirretyt/ohje.txt")
            assert member.isfile() and tar.extractfile(member).read() == b"siirretty"
    finally:
        for link in links:
            link.unlink()
