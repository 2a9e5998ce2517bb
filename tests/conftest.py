"""Shared test set-up. Content comes from factories (tests/factories.py), from the real
site files in sites/, synced through the same service the command uses, and, for tests
that build real sites, from the demo loaded through the same service as ``load_demo``
(once per session: ``tests.demo``). Each of those tests runs in a savepoint rolled back
after it, with its own output folder and its own copy of the media files."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine

from django.core.cache import caches

from cms.core.services import sites_sync
from tests import demo
from tests.mail import inbox  # noqa: F401 - a fixture for every test module


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-screenshots",
        action="store_true",
        help="write the visual tests' screenshots as the new references (docs/screenshots)",
    )


def pytest_configure(config: pytest.Config) -> None:
    """``TEST_CLOCK_OFFSET_DAYS=7 bin/test``: the whole run a week from now (the clock
    ticks on), so that a test that only passes on the day it was written shows itself.
    Python's clocks only: the processes the tests start keep the machine's."""
    days = os.environ.get("TEST_CLOCK_OFFSET_DAYS")
    if days:
        moved = datetime.now(UTC) + timedelta(days=float(days))
        time_machine.travel(moved, tick=True).start()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    demo.order(items)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    # Before any fixture of a test that does not use the held demo (its package's too).
    if demo.holder.kind is not None and demo.kind_of(item) != demo.holder.kind:
        demo.holder.release()
    return (yield)


@pytest.fixture
def synced_sites(db):
    """The five declared sites, their home pages, groups and workflows."""
    sites_sync()
    from cms.core.models import SiteProfile

    return {profile.key: profile for profile in SiteProfile.objects.select_related("site")}


@pytest.fixture(autouse=True)
def _own_audit_log(settings, tmp_path):
    """Each test gets its own removal receipts: notice ids repeat between tests (rolled-back
    rows free them), so one shared log would mix one test's receipts into another's."""
    settings.NOTICE_AUDIT_LOG = tmp_path / "audit" / "notice-removals.jsonl"
    # (and its own backup keys, named by those ids too)
    settings.BACKUP_KEYS_DIR = tmp_path / "backup-keys"


@pytest.fixture(autouse=True)
def _own_rate_limits():
    """Each test starts with no request counted against the API rate limits (every test
    client comes from one address)."""
    from django.core.cache import caches

    caches["ratelimit"].clear()


def _use(settings, tmp_path: Path, media: Path) -> Path:
    settings.OUTPUT_DIR = tmp_path / "output"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Hard links: a test that deletes an image removes only its own link to the file.
    if shutil.which("cp"):
        subprocess.run(["cp", "-al", str(media), str(tmp_path / "media")], check=True)  # noqa: S607
    else:  # pragma: no cover
        shutil.copytree(media, tmp_path / "media")
    # Wagtail remembers renditions in the cache; those files lived in another test's media.
    caches["default"].clear()
    return tmp_path


def _demo(kind: str, django_db_blocker, tmp_path_factory) -> Iterator[Path]:
    yield demo.holder.hold(kind, django_db_blocker, tmp_path_factory)
    if demo.holder.kind == kind:
        demo.holder.release()


@pytest.fixture(scope="session")
def _city_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from _demo("_city_demo", django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="session")
def _two_site_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from _demo("_two_site_demo", django_db_blocker, tmp_path_factory)


def _held(kind: str) -> Path:
    if demo.holder.kind != kind or demo.holder.media is None:
        # Its tests did not run as one block (see tests.demo.order).
        raise pytest.UsageError(f"{kind} is no longer held")
    return demo.holder.media


@pytest.fixture
def city_content(_city_demo, db, settings, tmp_path):
    """The city site's demo: every page type, in fi, sv and en."""
    return _use(settings, tmp_path, _held("_city_demo"))


@pytest.fixture
def two_sites(_two_site_demo, db, settings, tmp_path):
    """City and tourism, for what crosses sites (links, syndication, host names)."""
    return _use(settings, tmp_path, _held("_two_site_demo"))
