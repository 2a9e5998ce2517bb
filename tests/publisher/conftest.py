"""Publisher tests build real sites from real content: the city demo is loaded once per test
through the same service as ``load_demo``."""

import pytest

from django.core.cache import caches

from cms.demo.services import demo_load


def _demo(settings, tmp_path, sites: list[str]):
    settings.OUTPUT_DIR = tmp_path / "output"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail remembers renditions in the cache; those files lived in another test's media.
    caches["default"].clear()
    demo_load(sites=sites)
    return tmp_path


@pytest.fixture
def city_content(db, settings, tmp_path):
    """The city site's demo: every page type, in fi, sv and en."""
    return _demo(settings, tmp_path, ["city"])


@pytest.fixture
def two_sites(db, settings, tmp_path):
    """City and tourism, for what crosses sites (links, syndication, host names)."""
    return _demo(settings, tmp_path, ["city", "tourism"])
