"""The live read API is scoped per site and shows only live, public pages."""

import pytest

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
