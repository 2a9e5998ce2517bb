"""Publisher tests build real sites from real content: the demo, loaded through the same
service as ``load_demo``.

Loading it takes seconds, so each test module loads it once, inside a transaction held for
the module (as Django's ``TestCase.setUpTestData`` does); every test runs in a savepoint
rolled back after it, with its own output folder and its own copy of the media files.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from django.core.cache import caches
from django.db import transaction
from django.test import override_settings

from cms.demo.services import demo_load


def _held_demo(django_db_blocker, tmp_path_factory, sites: list[str]) -> Iterator[Path]:
    media = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        caches["default"].clear()
        with transaction.atomic():
            demo_load(sites=sites)
            yield media
            transaction.set_rollback(True)
        caches["default"].clear()


def _use(settings, tmp_path: Path, media: Path) -> Path:
    settings.OUTPUT_DIR = tmp_path / "output"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Hard links: a test that deletes an image removes only its own link to the file.
    if shutil.which("cp"):
        subprocess.run(["cp", "-al", str(media), str(tmp_path / "media")], check=True)  # noqa: S603, S607
    else:  # pragma: no cover
        shutil.copytree(media, tmp_path / "media")
    # Wagtail remembers renditions in the cache; those files lived in another test's media.
    caches["default"].clear()
    return tmp_path


@pytest.fixture(scope="module")
def _city_demo(request, django_db_setup, django_db_blocker, tmp_path_factory):
    if "_two_site_demo" in request.module.__dict__.get("_demo_kinds", set()):
        raise pytest.UsageError("a module uses either city_content or two_sites, not both")
    request.module._demo_kinds = {"_city_demo"}
    yield from _held_demo(django_db_blocker, tmp_path_factory, ["city"])


@pytest.fixture(scope="module")
def _two_site_demo(request, django_db_setup, django_db_blocker, tmp_path_factory):
    if "_city_demo" in request.module.__dict__.get("_demo_kinds", set()):
        raise pytest.UsageError("a module uses either city_content or two_sites, not both")
    request.module._demo_kinds = {"_two_site_demo"}
    yield from _held_demo(django_db_blocker, tmp_path_factory, ["city", "tourism"])


@pytest.fixture
def city_content(_city_demo, db, settings, tmp_path):
    """The city site's demo: every page type, in fi, sv and en."""
    return _use(settings, tmp_path, _city_demo)


@pytest.fixture
def two_sites(_two_site_demo, db, settings, tmp_path):
    """City and tourism, for what crosses sites (links, syndication, host names)."""
    return _use(settings, tmp_path, _two_site_demo)
