"""``LOG_LEVEL`` as operators write it works for every command; one that is no level is
refused by name, not by a traceback from the logging configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _check(level: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LOG_LEVEL": level, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


@pytest.mark.parametrize("level", ["info", " Warning ", "DEBUG", "", " "])
def test_a_level_in_any_case_and_spacing_works(level):
    assert _check(level).returncode == 0


def test_an_unknown_level_is_refused_by_name():
    done = _check("verbose")
    assert done.returncode != 0 and "LOG_LEVEL='VERBOSE': give one of" in done.stderr
    assert "Unable to configure" not in done.stderr
