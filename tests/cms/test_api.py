"""The live read API is scoped per site and shows only live, public pages."""

import json

import pytest

from cms.notices.models import NoticePage
from tests import factories

pytestmark = pytest.mark.django_db


def test_pages_are_scoped_to_the_named_site_in_every_language(client, synced_sites):
    tourism_home = synced_sites["tourism"].site.root_page
    page = factories.ContentPageFactory(parent=tourism_home, title="Kaislajärven risteilyt")
    factories.ContentPageFactory(parent=synced_sites["city"].site.root_page, title="Kaupungin sivu")
    factories.ContentPageFactory(parent=tourism_home, title="Luonnos", live=False)

    data = client.get("/api/v2/pages/", {"site": "tourism", "limit": 50}).json()
    titles = {item["title"] for item in data["items"]}
    assert "Kaislajärven risteilyt" in titles
    assert {"Visit Kaislahti", "Visit Vassvik"} <= titles, "every language's home page"
    assert "Kaupungin sivu" not in titles and "Luonnos" not in titles

    swedish = client.get("/api/v2/pages/", {"site": "tourism", "locale": "sv"}).json()
    assert [item["title"] for item in swedish["items"]] == ["Visit Vassvik"]

    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["title"] == "Kaislajärven risteilyt" and detail["lead"] == page.lead


def test_unknown_site_is_a_clear_error(client, synced_sites):
    response = client.get("/api/v2/pages/", {"site": "mars"})
    assert response.status_code == 400
    assert "unknown site 'mars'" in response.json()["message"]


def test_the_live_api_speaks_the_static_apis_vocabulary(city_content, client):
    """An event and a press release in Wagtail's live API carry the fields their kinds
    declare for the static JSON API, under the same names and with the same values (dates
    written alike); official notices and their attachments are not in the live API."""
    from publisher.builds.full import publish_full
    from publisher.release import folders as release
    from records import kind_named

    assert publish_full(sites=["city"]).ok
    root = release.current("city")
    for listing, kind in (("events", "event"), ("news", "press")):
        items = json.loads((root / f"api/v1/{listing}.json").read_text())["items"]
        static = next(item for item in items if item["kind"] == kind)
        live = client.get(f"/api/v2/pages/{static['id']}/").json()
        declared = kind_named(kind)
        for name in ("lead", *declared.api_fields, *declared.api):
            assert name in live, (kind, name)
            assert live[name] == static[name], (kind, name)
        assert "venue_name" not in live and "body" in live
    notice = NoticePage.objects.live().first()
    assert notice is not None and notice.attachments.exists()
    assert client.get(f"/api/v2/pages/{notice.pk}/").status_code == 404
    listed = client.get("/api/v2/pages/", {"type": "notices.NoticePage"}).json()["items"]
    found = client.get("/api/v2/pages/", {"search": notice.title.split(",")[0]}).json()["items"]
    assert listed == [] and notice.pk not in {item["id"] for item in found}
    documents = {item["id"] for item in client.get("/api/v2/documents/").json()["items"]}
    assert not documents & {a.document_id for a in notice.attachments.all()}


@pytest.mark.parametrize(
    "query",
    [
        {"type": "events.EventPage", "start": "2026"},
        {"type": "events.EventPage", "end": "notadate"},
        {"type": "news.NewsArticlePage", "date": "yesterday"},
        {"first_published_at": "x"},
        {"search": "kirjasto", "search_operator": "bad"},
    ],
)
def test_a_value_a_filter_cannot_take_is_a_400(client, synced_sites, query):
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 400 and response.json()["message"]
