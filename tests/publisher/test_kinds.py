"""A kind of content from an app that ``build/`` and ``search/`` do not name (the test app
``tests.kindapp``, declared in its ``kinds.py`` with a template of its own) is published
like the city's own kinds: its pages, its listing, its feeds, the site feed, the sitemap,
the JSON API and both search indexes."""

import json
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import Page

from publisher.builds.full import publish_full
from publisher.release import folders as release
from search.pagefind import fragments
from search.server import Query, get_index
from tests.kindapp.models import BulletinBoardPage, BulletinPage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_a_kind_declared_by_another_app_is_published_listed_fed_and_found(city_content):
    home = Page.objects.get(slug="city", locale__language_code="fi")
    board = home.add_child(
        instance=BulletinBoardPage(title="Ilmoitustaulu", slug="ilmoitustaulu", lead="Asukkaat")
    )
    bulletin = board.add_child(
        instance=BulletinPage(
            title="Kadonnut kissa",
            slug="kadonnut-kissa",
            lead="Harmaa kissa on kadoksissa.",
            posted=(timezone.now() - timedelta(days=1)).date(),
            notice_board="Pihapiirin ilmoitustaulu",
            text="<p>Kissa nimeltä Usvatassu karkasi pihalta.</p>",
        )
    )
    result = publish_full(sites=["city"])
    assert result.ok, [site.error for site in result.sites]
    root = release.current("city")
    url = "/ilmoitustaulu/kadonnut-kissa/"

    page = (root / "ilmoitustaulu/kadonnut-kissa/index.html").read_text()
    assert '<article class="bulletin">' in page  # the app's own template
    assert "Pihapiirin ilmoitustaulu" in page and "Usvatassu" in page

    listing = (root / "ilmoitustaulu/index.html").read_text()
    assert f'href="{url}"' in listing

    for feed in ("ilmoitustaulu/feed.xml", "feed.xml"):
        entries = ET.parse(root / feed).getroot().iter(f"{ATOM}entry")
        assert "Kadonnut kissa" in {entry.find(f"{ATOM}title").text for entry in entries}, feed

    sitemap = ET.parse(root / "sitemap.xml").getroot()
    locs = {loc.text for loc in sitemap.iter(f"{SITEMAP}loc")}
    assert any(loc.endswith(url) for loc in locs)

    news = json.loads((root / "api/v1/news.json").read_text())
    item = next(item for item in news["items"] if item["id"] == bulletin.pk)
    assert item["date"] == bulletin.posted.isoformat() and item["url"] == url

    static = {f["url"] for f in fragments(root / "pagefind") if "Usvatassu" in f["content"]}
    assert static == {url}
    hits = get_index().search(Query("Usvatassu", per_page=10)).hits
    assert [(hit.url, hit.type) for hit in hits] == [(url, "bulletin")]
