"""``/api/search``: the server index as JSON for headless consumers: filters, paging with
links, highlights, open to every origin, and clear errors (in the caller's language)."""

from __future__ import annotations

import pytest

from search.server import get_index
from tests.factories import SearchDocFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(synced_sites):
    docs = [
        SearchDocFactory(title=f"Satama {n}", text="venepaikat laiturilla", type="news")
        for n in range(12)
    ]
    docs.append(
        SearchDocFactory(site="tourism", lang="sv", title="Hamnen", text="Båtplatser vid bryggan")
    )
    get_index().upsert(docs)
    return docs


def test_results_page_with_links_and_highlights(client, indexed):
    response = client.get("/api/search", {"q": "venepaikat", "per_page": 5, "page": 2})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert (data["count"], data["page"], data["pages"], len(data["results"])) == (12, 2, 3, 5)
    assert data["next"].endswith("/api/search?page=3&per_page=5&q=venepaikat")
    assert data["previous"].endswith("/api/search?page=1&per_page=5&q=venepaikat")
    first = data["results"][0]
    assert first["type"] == "news" and first["type_label"] == "Uutiset"
    assert first["url"].startswith("http://city.localhost/")
    assert "<mark>venepaikat</mark>" in first["highlight"]["text"]


def test_filters_by_site_language_and_type(client, indexed):
    def count(**params) -> int:
        return client.get("/api/search", params).json()["count"]

    assert count(q="båtplatser") == 1
    assert count(q="båtplatser", lang="fi") == 0
    assert count(q="båtplatser", site="tourism", lang="sv") == 1
    assert count(q="båtplatser", site="city,business") == 0
    assert count(q="venepaikat", type="event") == 0
    assert count(q="venepaikat", type="news", site=["city", "tourism"]) == 12


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "Anna hakusanat"),
        ({"q": "  "}, "Anna hakusanat"),
        ({"q": "x" * 201}, "enintään 200 merkkiä"),
        ({"q": "a", "site": "atlantis"}, "Tuntematon sivusto atlantis"),
        ({"q": "a", "lang": "de"}, "Tuntematon kieli de"),
        ({"q": "a", "type": "recipe"}, "Tuntematon sisältötyyppi recipe"),
        ({"q": "a", "page": "0"}, "page"),
        ({"q": "a", "page": "kaksi"}, "page"),
        ({"q": "a", "per_page": "500"}, "per_page"),
    ],
)
def test_bad_parameters_get_a_clear_error(client, indexed, params, message):
    response = client.get("/api/search", params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_errors_speak_the_callers_language(client, indexed):
    response = client.get("/api/search", {"q": "a", "lang": "de"}, HTTP_ACCEPT_LANGUAGE="sv")
    assert "Okänt språk de" in response.json()["error"]
    response = client.get("/api/search", {"q": "a", "lang": "de"}, HTTP_ACCEPT_LANGUAGE="en")
    assert "Unknown language de" in response.json()["error"]


def test_only_get_is_allowed(client, indexed):
    assert client.post("/api/search", {"q": "satama"}).status_code == 405


def test_editors_see_the_public_search_in_the_admin(client, indexed, synced_sites):
    from tests import factories

    editor = factories.UserFactory(groups=[synced_sites["tourism"].editors_group])
    client.force_login(editor)
    html = client.get("/admin/public-search/", {"q": "båtplatser", "lang": "sv"}).content.decode()
    assert "<mark>Båtplatser</mark> vid bryggan" in html
    assert "1 tulos" in html and 'lang="sv"' in html
    html = client.get("/admin/public-search/", {"q": "venepaikat", "per_page": 5}).content.decode()
    assert "12 tulosta" in html and "page=2" in html
    html = client.get("/admin/public-search/", {"q": "a", "type": "recipe"}).content.decode()
    assert "Tuntematon sisältötyyppi recipe" in html
    client.logout()
    assert client.get("/admin/public-search/", {"q": "a"}).status_code == 302, "login first"


def test_the_edit_link_shows_only_where_the_editor_may_edit(client, synced_sites):
    from wagtail.models import Page

    from tests import factories

    page = factories.ContentPageFactory(parent=Page.objects.get(slug="city"), title="Satama")
    get_index().upsert([SearchDocFactory(id=page.pk, title="Satama", text="laiturit")])
    edit_url = f"/admin/pages/{page.pk}/edit/"
    for site, sees_link in [("city", True), ("tourism", False)]:
        client.force_login(factories.UserFactory(groups=[synced_sites[site].editors_group]))
        html = client.get("/admin/public-search/", {"q": "laiturit"}).content.decode()
        assert "<mark>Satama</mark>" not in html and "<mark>laiturit</mark>" in html
        assert (edit_url in html) is sees_link, site


@pytest.mark.parametrize(
    "words",
    ['"unbalanced', "title:satama", "NEAR(satama venepaikat)", "*", "((", "'", "a AND", "-", "\\"],
)
def test_query_syntax_of_the_engines_is_just_text(client, indexed, words):
    response = client.get("/api/search", {"q": words})
    assert response.status_code == 200, response.content
    assert isinstance(response.json()["count"], int)
