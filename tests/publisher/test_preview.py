"""Preview renders through the same export and theme: identical to the published page."""

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.events.models import EventPage
from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.builds.preview import preview_html
from publisher.public import expand_parts, parts_folder
from publisher.release import folders as release

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "slug", "lang"),
    [
        (ContentPage, "kirjasto", "fi"),
        (ContentPage, "bibliotek", "sv"),
        (EventPage, "joulumarkkinat", "fi"),
    ],
)
def test_preview_of_published_content_equals_the_published_file(city_content, model, slug, lang):
    publish_full(sites=["city"])
    page = model.objects.get(slug=slug, locale__language_code=lang)
    url = page.get_url(current_site=page.get_site())
    # As a resident gets it: the published file with its site parts put in (nginx's SSI).
    published = as_served(release.current("city") / url.lstrip("/") / "index.html")
    assert preview_html(page) == published


def test_admin_preview_shows_the_draft_in_the_site_theme(city_content, client):
    client.force_login(get_user_model().objects.get(username="admin"))
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    data = nested_form_data(
        {
            "title": "Kirjasto (luonnos)",
            "slug": "kirjasto",
            "lead": "Uusi johdanto",
            "body": streamfield([("paragraph", rich_text("Uutta tekstiä."))]),
            "comments": inline_formset([]),
        }
    )
    assert client.post(url, data).json()["is_valid"]
    html = client.get(url).content.decode()
    assert "<h1>Kirjasto (luonnos)</h1>" in html and "Uutta tekstiä." in html
    assert '<link rel="stylesheet" href="/theme/css/site.css">' in html
    assert client.get("/theme/css/site.css").status_code == 200
    page.refresh_from_db()
    assert page.title == "Kirjasto", "previewing changes nothing"


def test_preview_reads_the_published_sites_from_the_saved_state(city_content, monkeypatch):
    """A refresh exports the one page being edited, not every site: its surroundings are
    the published ones, as the last build saved them."""
    from publisher.export.exporter import Exporter

    publish_full()
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    url = page.get_url(current_site=page.get_site())
    # As a resident gets it: the published file with its site parts put in (nginx's SSI).
    published = as_served(release.current("city") / url.lstrip("/") / "index.html")

    def refused(self, sites=None):
        raise AssertionError("the preview exported every site")

    monkeypatch.setattr(Exporter, "export", refused)
    assert preview_html(page) == published
    page.title = "Kirjasto (luonnos)"
    assert "<h1>Kirjasto (luonnos)</h1>" in preview_html(page)


def as_served(page) -> str:
    """A published page as nginx sends it: its site parts (none written here) put in."""
    return expand_parts(page.read_text(), parts_folder("city"))
