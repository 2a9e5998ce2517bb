"""Export: only live, public content becomes records; links resolve across sites."""

import pytest

from wagtail.models import Page, PageViewRestriction

from cms.pages.models import ContentPage
from publisher.export.exporter import export_sites
from tests import factories

pytestmark = pytest.mark.django_db


def city_home(lang="fi"):
    home = Page.objects.get(slug="city").specific
    return (
        home if lang == "fi" else home.get_translation(Page.objects.get(slug=f"city-{lang}").locale)
    )


def test_records_cover_every_language_with_linked_translations(city_content):
    export = export_sites(["city"])
    records = export.records["city"]
    assert {r["lang"] for r in records} == {"fi", "sv", "en"}
    waste = next(r for r in records if r["url"] == "/palvelut/jatehuolto/")
    assert waste["translations"] == {
        "fi": "/palvelut/jatehuolto/",
        "sv": "/sv/tjanster/avfall-och-atervinning/",
        "en": "/en/services/waste-and-recycling/",
    }
    assert waste["full_url"] == "http://city.localhost:8080/palvelut/jatehuolto/"
    # Every page's computed address is the one Wagtail itself gives.
    for record in records[:40]:
        assert Page.objects.get(pk=record["id"]).get_url() in {record["url"], record["full_url"]}


def test_drafts_private_pages_and_pending_changes_never_reach_records(city_content):
    home = city_home()
    draft = factories.ContentPageFactory(parent=home, live=False, title="Luonnos")
    private = factories.ContentPageFactory(parent=home, title="Yksityinen")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    under_private = factories.ContentPageFactory(parent=private, title="Salainen alasivu")
    edited = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    edited.title = "Muokattu mutta julkaisematon otsikko"
    edited.save_revision()  # pending, e.g. in moderation: the live version stays

    urls = {r["url"]: r for r in export_sites(["city"]).records["city"]}
    titles = {r["title"] for r in urls.values()}
    assert draft.title not in titles
    assert private.title not in titles and under_private.title not in titles
    assert "Muokattu mutta julkaisematon otsikko" not in titles
    assert urls["/palvelut/kirjasto/"]["title"] == "Kirjasto"


def test_images_get_avif_webp_and_jpeg_renditions(city_content):
    export = export_sites(["city"])
    record = next(r for r in export.records["city"] if r["url"] == "/palvelut/asuminen/")
    assert '<source type="image/avif"' in record["body"]
    assert '<source type="image/webp"' in record["body"]
    assert 'alt="Kaislahden keskustan rakennuksia järven rannalla."' in record["body"]
    assert any(path.endswith(".avif") for path in record["media"])


def test_a_subtree_is_the_pages_whose_path_starts_with_its_place(city_content):
    """The query each edit's relocation reads its subtrees with (a range on SQLite, where
    ``LIKE`` cannot use the index) finds exactly what ``path__startswith`` finds."""
    from publisher.export.locations import _subtree

    for page in Page.objects.filter(depth__in=[2, 3, 4]).exclude(numchild=0)[:12]:
        wanted = set(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))
        assert set(Page.objects.filter(_subtree(page.path)).values_list("pk", flat=True)) == wanted
        assert len(wanted) > 1
