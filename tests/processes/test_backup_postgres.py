"""Backup and restore on PostgreSQL (``pg_dump`` and ``pg_restore``), as processes against a
database of their own: what a restore brings back is the database as it was backed up, and
the sites built from it."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_notices import in_archive

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("TEST_POSTGRES_SERVER", "postgres://postgres@127.0.0.1:5432")
COUNT = "from wagtail.models import Page; print(Page.objects.count())"
# A notice on view with personal data in its fields, body and a personal attachment.
NOTICE = """
from wagtail.models import Site
from cms.notices.models import NoticeAttachment
from tests.factories import DocumentFactory, NoticeIndexPageFactory, NoticePageFactory
root = Site.objects.get(hostname="city.localhost").root_page
document = DocumentFactory(
    title="Kuuleminen TOKEN",
    file__filename="kuuleminen-TOKEN.txt",
    file__data=b"Asianosainen TOKEN",
)
page = NoticePageFactory(
    parent=NoticeIndexPageFactory(parent=root),
    persons_concerned="TOKEN Naapuri",
    body='<p>Hakija <span class="personal-data">TOKEN Hakija</span>.</p>',
)
NoticeAttachment.objects.create(page=page, document=document, personal=True)
page.save_revision().publish()
"""
SHOWN = """
from cms.notices.models import NoticePage
page = NoticePage.objects.get(persons_concerned__startswith="TOKEN")
print(page.persons_concerned, page.attachments.get().document.file.read().decode())
"""
# Processes on a database of their own: once, in the processes pass of bin/test.
pytestmark = pytest.mark.slow


def psql(sql: str) -> None:
    subprocess.run(
        [
            shutil.which("psql") or "/usr/bin/psql",
            f"{SERVER}/postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            sql,
        ],
        check=True,
        capture_output=True,
    )


@pytest.fixture
def database():
    name = f"kaislahti_backup_{secrets.token_hex(4)}"
    try:
        psql(f"CREATE DATABASE {name}")
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.fail(f"PostgreSQL at {SERVER} is not reachable (bin/test starts it): {error}")
    yield f"{SERVER}/{name}"
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_postgresql_backup_restores_the_database_and_the_sites(database, tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO")},
        "DATABASE_URL": database,
        "CITY_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "LOG_LEVEL": "WARNING",
    }

    def manage(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    manage("migrate", "--no-input", "-v0")
    manage("sync_sites")
    token = f"Kanari{secrets.token_hex(3)}"
    manage("shell", "--no-imports", "-c", NOTICE.replace("TOKEN", token))
    pages = manage("shell", "--no-imports", "-c", COUNT).strip()
    made = manage("backup", "--output", str(tmp_path / "backups"))
    archive = Path(made.split(" to ", 1)[1].split(" (", 1)[0])
    assert in_archive(archive, token) == [], "sealed under the notice's key"

    # After the backup, an editor deletes a whole site's tree.
    manage(
        "shell",
        "--no-imports",
        "-c",
        "from wagtail.models import Site; Site.objects.get(hostname='climate.localhost')"
        ".root_page.get_parent().get_children().last().delete()",
    )
    assert manage("shell", "--no-imports", "-c", COUNT).strip() != pages

    out = manage("restore", str(archive), "--yes")
    assert "Restored the backup" in out
    assert manage("shell", "--no-imports", "-c", COUNT).strip() == pages
    # Its key exists (the notice is on view): its data comes back whole.
    shown = manage("shell", "--no-imports", "-c", SHOWN.replace("TOKEN", token)).strip()
    assert shown == f"{token} Naapuri Asianosainen {token}"
    for site in ("city", "tourism", "business", "events", "climate"):
        assert (tmp_path / "var" / "output" / site / "current" / "index.html").is_file()
