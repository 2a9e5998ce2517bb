"""The five sites of the demo as residents see them, built once for this package at a
fixed moment (its dates, the events to come and the notices on view are the same on every
run) and served by the generated nginx, its workers as an unprivileged user."""

from __future__ import annotations

from datetime import datetime

import pytest

from records import HELSINKI
from tests.browsers import chromium
from tests.nginx import demo_served

# The moment the screenshots show: a weekday morning with events ahead and notices on
# view. Controlled (the clock is held there while the demo is loaded and built), so the
# references stay right whatever the date of the run.
MOMENT = datetime(2026, 12, 7, 9, 0, tzinfo=HELSINKI)


def pytest_report_header(config) -> str:
    """The Chromium the screenshots are compared with, named at the top of the run: a
    difference against the references says which browser drew it."""
    import subprocess

    from cms.operations.chromium import CHROMIUM

    try:
        done = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30)
        version = done.stdout.strip() or done.stderr.strip()
    except OSError as error:
        version = f"not runnable ({error})"
    return f"visual tests compare screenshots of: {version}"


@pytest.fixture(scope="package")
def frozen(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_served(django_db_blocker, tmp_path_factory, at=MOMENT) as served:
        yield served


@pytest.fixture(scope="package")
def browser(frozen):
    with chromium() as launched:
        yield launched
