"""End-to-end set-up: the whole demo, published once for this package and served on a free
port by a real nginx with the generated configuration, its workers as an unprivileged user.
The database work happens in a transaction rolled back afterwards, so tests in other
packages still start from an empty database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from django.core.cache import caches
from django.db import transaction
from django.test import override_settings

from wagtail.models import Page, Site

from cms.demo.services import demo_load
from cms.operations.chromium import CHROMIUM, CHROMIUM_ARGS
from publisher import release
from publisher.publish import publish_full
from tests import factories
from tests.net import free_port
from tests.nginx import run_nginx, write_config

SITES = ["city", "tourism", "business", "events", "climate"]
# Enough extra news on the city site for its listing to have two pages.
EXTRA_NEWS = 12
HOSTILE_TITLE = "Tiedote <!--<script> & </script> kaikille"


@dataclass
class BuiltSites:
    port: int
    roots: dict[str, Path]

    def url(self, site: str, path: str = "/") -> str:
        return f"http://{site}.localhost:{self.port}{path}"


@pytest.fixture(scope="package")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    output = tmp_path_factory.mktemp("output")
    media = tmp_path_factory.mktemp("media")
    workdir = tmp_path_factory.mktemp("nginx")
    port = free_port()
    with django_db_blocker.unblock(), override_settings(OUTPUT_DIR=output, MEDIA_ROOT=media):
        caches["default"].clear()
        # The database is only needed to build the files: roll it all back afterwards.
        with transaction.atomic():
            demo_load()
            Site.objects.update(port=port)
            listing = Page.objects.get(url_path="/city/uutiset/").specific
            for number in range(EXTRA_NEWS):
                factories.NewsArticlePageFactory(
                    parent=listing, title=f"Tiedotustilaisuus {number + 1}"
                )
            # A title as a hostile (or careless) editor writes it, inside the page's JSON-LD.
            factories.NewsArticlePageFactory(
                parent=listing, title=HOSTILE_TITLE, slug="vihamielinen"
            )
            result = publish_full()
            assert result.ok, [s.error for s in result.sites]
            roots = {site: release.current(site) for site in SITES}
            # As the city serves them: the generated nginx config, workers as www-data.
            conf = write_config(workdir, port)
            transaction.set_rollback(True)
        caches["default"].clear()
    with run_nginx(conf, port):
        yield BuiltSites(port=port, roots=roots)


@pytest.fixture(scope="package")
def browser(built):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is installed by bin/test")
    # Playwright's sync API keeps an event loop in another greenlet of this thread; Django
    # would then refuse the test database's own (synchronous) set-up and teardown.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with playwright_api.sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
