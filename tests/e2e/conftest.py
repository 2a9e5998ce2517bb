"""End-to-end set-up: the whole demo, published once for this package and served on a free
port by a real nginx with the generated configuration, its workers as an unprivileged user.
The database work happens in a transaction rolled back afterwards, so tests in other
packages still start from an empty database."""

from __future__ import annotations

import pytest

from wagtail.models import Page

from tests import factories
from tests.browsers import chromium
from tests.nginx import demo_served

# Enough extra news on the city site for its listing to have two pages.
EXTRA_NEWS = 12
HOSTILE_TITLE = "Tiedote <!--<script> & </script> kaikille"


def _news() -> None:
    listing = Page.objects.get(url_path="/city/uutiset/").specific
    for number in range(EXTRA_NEWS):
        factories.NewsArticlePageFactory(parent=listing, title=f"Tiedotustilaisuus {number + 1}")
    # A title as a hostile (or careless) editor writes it, inside the page's JSON-LD.
    factories.NewsArticlePageFactory(parent=listing, title=HOSTILE_TITLE, slug="vihamielinen")


@pytest.fixture(scope="package")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_served(django_db_blocker, tmp_path_factory, _news) as served:
        yield served


@pytest.fixture(scope="package")
def browser(built):
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
