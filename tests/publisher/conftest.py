"""Publisher tests build real sites from real content: the city demo is loaded once per test
through the same service as ``load_demo``."""

import pytest

from django.core.cache import caches

from cms.demo.services import demo_load


@pytest.fixture
def city_content(db, settings, tmp_path):
    settings.OUTPUT_DIR = tmp_path / "output"
    settings.MEDIA_ROOT = tmp_path / "media"
    # Wagtail remembers renditions in the cache; those files lived in another test's media.
    caches["default"].clear()
    demo_load(sites=["city", "tourism"])
    return tmp_path
