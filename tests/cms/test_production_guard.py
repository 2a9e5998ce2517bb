"""Under production settings the demo (a superuser with the README's password), the
benchmark corpus and the benchmarks refuse to run, before they touch the database."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "command", [["load_demo"], ["generate_corpus", "--pages", "10"], ["bench", "build"]]
)
def test_demo_and_benchmarks_refuse_production_settings(tmp_path, command):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "CITY_VAR_DIR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)  # the SQLite file under tmp_path: it must stay unmade
    done = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert command[0] in done.stderr
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in done.stderr
    assert not (tmp_path / "db.sqlite3").exists()
