"""Images like documents: the live read API lists only images live, public pages show; a
rendition of any other image (an embargoed press photo) answers only the editors who may
use it; the media folder serves nothing else; the admin API lists only usable images."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_images(synced_sites, django_capture_on_commit_callbacks):
    from django.core.cache import caches

    # Wagtail keeps renditions by image id in a cache: ids come back after a rollback.
    caches["renditions" if "renditions" in caches else "default"].clear()
    city = synced_sites["city"]
    home = city.site.root_page.specific
    shown = factories.ImageFactory(title="Kesäjuhla", collection=city.collection)
    embargoed = factories.ImageFactory(
        title="Lehdistökuva ennen julkaisua", collection=city.collection
    )
    home.hero_image, home.hero_alt = shown, "Kesäjuhla torilla"
    # (The reference index is brought up to date once the publish is committed.)
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    return {
        "shown": shown.get_rendition("fill-100x100").url,
        "embargoed": embargoed.get_rendition("fill-100x100").url,
        "ids": (shown.pk, embargoed.pk),
        "original": embargoed.file.url,
    }


def test_the_live_api_lists_only_images_live_pages_show(client, city_images):
    shown, embargoed = city_images["ids"]
    listed = [item["id"] for item in client.get("/api/v2/images/").json()["items"]]
    assert shown in listed and embargoed not in listed
    assert client.get(f"/api/v2/images/{embargoed}/").status_code == 404


def test_a_rendition_of_an_unpublished_image_answers_its_editors_only(
    client, synced_sites, city_images
):
    assert city_images["embargoed"].startswith("/media/images/")
    response = client.get(city_images["shown"])
    assert response.status_code == 200 and response["Cache-Control"].startswith("public")
    assert client.get(city_images["embargoed"]).status_code == 404
    client.force_login(factories.UserFactory(groups=[synced_sites["tourism"].editors_group]))
    assert client.get(city_images["embargoed"]).status_code == 404
    client.force_login(factories.UserFactory(groups=[synced_sites["city"].editors_group]))
    response = client.get(city_images["embargoed"])
    assert response.status_code == 200 and response["Cache-Control"].startswith("private")
    # Nothing else of the media folder: not the original, not a document, no way up.
    for path in (city_images["original"], "/media/documents/liite.pdf", "/media/images/../x"):
        assert client.get(path).status_code == 404, path


def test_the_admin_api_lists_only_images_the_editor_may_use(client, synced_sites, city_images):
    client.force_login(factories.UserFactory(groups=[synced_sites["tourism"].editors_group]))
    response = client.get("/admin/api/main/images/")
    assert response.status_code == 200
    listed = {item["id"] for item in response.json()["items"]}
    assert not listed & set(city_images["ids"])


def test_a_password_alone_shows_no_embargoed_image(client, settings, city_images):
    """A superuser (two-factor required) signed in with the password only: the admin sends
    them to the second factor, and the embargoed photo is not theirs to see either."""
    settings.TWO_FACTOR_REQUIRED = True
    client.force_login(factories.UserFactory(is_superuser=True))
    assert client.get(city_images["embargoed"]).status_code == 404
    assert client.get(city_images["shown"]).status_code == 200


def test_an_image_of_a_page_left_out_of_its_build_is_not_public(client, city_images):
    """The page the image is on could not be built (``PageProblem``): it is on no site, so
    neither is its image, in the API or as a rendition."""
    from wagtail.models import Page

    from publisher.public import PageProblem

    shown, _embargoed = city_images["ids"]
    home = Page.objects.get(url_path="/city/")
    PageProblem.objects.create(page_id=home.pk, site_key="city", error="ValueError: rikki")
    listed = [item["id"] for item in client.get("/api/v2/images/").json()["items"]]
    assert shown not in listed
    assert client.get(city_images["shown"]).status_code == 404


def test_a_page_left_out_of_its_build_is_not_in_the_read_api(client, city_images):
    """The CMS's read API lists and searches only pages that are on a site."""
    from wagtail.models import Page

    from publisher.public import PageProblem

    home = Page.objects.get(url_path="/city/")
    assert client.get(f"/api/v2/pages/{home.pk}/").status_code == 200
    PageProblem.objects.create(page_id=home.pk, site_key="city", error="ValueError: rikki")
    assert client.get(f"/api/v2/pages/{home.pk}/").status_code == 404
    listed = [item["id"] for item in client.get("/api/v2/pages/").json()["items"]]
    assert home.pk not in listed
