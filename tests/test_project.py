"""Project-wide guarantees: migrations match the models, production settings pass Django's
deployment checks, and the top-level ``build/`` folder shadows nothing."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_production_settings_pass_the_deployment_checks(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DJANGO_SECRET_KEY": "k" * 20 + "-Production-Secret-Value-0123456789-abcdef",
            "CITY_VAR_DIR": str(tmp_path),
        },
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "cms.settings.production", "CITY_VAR_DIR": str(tmp_path)}
    env["DJANGO_SECRET_KEY"] = ""
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_development_settings_would_fail_the_deployment_checks(tmp_path):
    # The check above is meaningful: the same checks do flag the development settings.
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "CITY_VAR_DIR": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "security.W018" in result.stderr  # DEBUG on


def test_build_folder_shadows_no_package():
    # `build` is PyPA's build tool; our build/ folder must not hide it from the repo root.
    assert not (ROOT / "build" / "__init__.py").exists()
    probe = "import importlib.util as u; s = u.find_spec('build'); print(s and s.origin)"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    origin = result.stdout.strip()
    assert origin in {"None", ""} or not origin.startswith(str(ROOT / "build")), origin
    import publisher

    assert Path(publisher.__file__).parent == ROOT / "build" / "publisher"


def test_runtime_state_is_git_ignored():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "/var/" in ignored
