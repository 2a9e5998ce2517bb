"""The systemd units the deployment ships, read by systemd's own checker: every key known,
every path absolute, each service its own unprivileged user's, writing the runtime folder
only."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from django.core.management import call_command

from cms.deploy.units import SERVICES


@pytest.fixture
def units(tmp_path, settings):
    env = tmp_path / "env"
    env.write_text("DJANGO_SETTINGS_MODULE=cms.settings.production\n")
    call_command(
        "systemd_units",
        "--output-dir",
        str(tmp_path),
        "--user",
        "kaislahti-test",
        "--env-file",
        str(env),
    )
    return tmp_path


def test_systemd_accepts_every_unit(units):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed")
    names = [str(path) for path in sorted(units.glob("kaislahti*"))]
    # The services, nginx's reload on changed old addresses (path and service), the target.
    assert len(names) == len(SERVICES) + 3
    done = subprocess.run(
        [analyze, "verify", "--man=no", *names], capture_output=True, text=True, cwd=units
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_each_service_runs_unprivileged_and_writes_only_the_runtime_folder(units, settings):
    for service in SERVICES:
        text = (units / f"{service.name}.service").read_text()
        assert "User=kaislahti-test\n" in text and "ProtectSystem=strict\n" in text
        # (This test's backup keys are kept apart from the runtime folder: see conftest.)
        assert f"ReadWritePaths={settings.VAR_DIR} {settings.BACKUP_KEYS_DIR}\n" in text
        assert f"ExecStart={sys.executable} " in text


def test_backup_keys_under_the_runtime_folder_need_no_path_of_their_own(tmp_path, settings):
    settings.BACKUP_KEYS_DIR = settings.VAR_DIR / "backup-keys"
    call_command("systemd_units", "--output-dir", str(tmp_path), "--user", "kaislahti-test")
    text = (tmp_path / f"{SERVICES[0].name}.service").read_text()
    assert f"ReadWritePaths={settings.VAR_DIR}\n" in text


def test_nginx_reloads_when_the_publisher_stamps_changed_addresses(units, settings):
    path = (units / "kaislahti-nginx-reload.path").read_text()
    assert f"PathChanged={settings.VAR_DIR}/output/.nginx-reload\n" in path
    service = (units / "kaislahti-nginx-reload.service").read_text()
    # Tested before loaded: a broken configuration never replaces the running one.
    assert "ExecStart=/bin/sh -c 'nginx -t -q && nginx -s reload'\n" in service
    assert "kaislahti-nginx-reload.path" in (units / "kaislahti.target").read_text()
