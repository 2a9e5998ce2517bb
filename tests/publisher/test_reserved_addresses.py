"""A page cannot take an address the publisher writes something else at: a language home,
a year archive, the search page, the component library, Pagefind's bundle, the API, the
theme. Refused in the admin, on the slug, with the reason (on a copy's form too); an
ordinary slug and a page's own unchanged address are accepted."""

from __future__ import annotations

import pytest

from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import streamfield

from cms.news.models import NewsIndexPage
from publisher.builds.full import publish_full
from tests.admin_forms import page_form

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def _post(client, parent, slug: str, model: str = "contentpage", app: str = "pages", **more):
    add = reverse("wagtailadmin_pages:add", args=(app, model, parent.pk))
    return client.post(add, page_form("Sivu", slug, **more), HTTP_ACCEPT_LANGUAGE="fi")


@pytest.fixture
def live(city_content, admin_client):
    assert publish_full().ok
    return Page.objects.get(url_path="/city/").specific


@pytest.mark.parametrize(
    "slug",
    ["sv", "en", "haku", "components", "pagefind", "api", "theme", "SV", "Pagefind", "_parts"],
)
def test_a_generated_address_cannot_be_a_pages(live, admin_client, slug):
    response = _post(admin_client, live, slug)
    assert response.status_code == 200
    [error] = response.context["form"].errors["slug"]
    assert "Tätä osoitetta ei voi käyttää" in error
    assert not Page.objects.filter(slug=slug, depth=live.depth + 1, title="Sivu").exists()


def test_a_slug_longer_than_a_file_name_is_answered_not_a_server_error(live, admin_client):
    """130 letters, 260 bytes: no folder can have the name. Refused on the form, never left
    for the build."""
    response = _post(admin_client, live, "ä" * 130)
    assert response.status_code == 200
    assert "pidempi kuin kansion nimi" in str(response.context["form"].errors["slug"])
    assert _post(admin_client, live, "ä" * 120).status_code == 302


def test_a_year_archive_cannot_be_an_articles(live, admin_client):
    news = NewsIndexPage.objects.descendant_of(live).first()
    body = {"model": "newsarticlepage", "app": "news", "contacts": streamfield([])}
    for archive in ("2026", "2099-12"):
        response = _post(admin_client, news, archive, **body)
        assert response.status_code == 200 and "slug" in response.context["form"].errors


def test_an_ordinary_address_and_a_pages_own_are_accepted(live, admin_client):
    assert _post(admin_client, live, "kokous").status_code == 302
    page = Page.objects.get(slug="kokous").specific
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    publish_full()
    changed = page_form("Sivu", "kokous", "<p>Muutettu.</p>")
    assert admin_client.post(edit, changed).status_code == 302


def test_a_section_renamed_so_that_a_page_under_it_gets_too_long_is_refused(live, admin_client):
    """Each address under a section is checked when it is made; a longer slug for the
    section makes all of them longer. One that would pass the limit is refused on the
    section's slug, not left for the build to leave its deepest page out."""
    from tests import factories

    assert _post(admin_client, live, "osio").status_code == 302
    section = Page.objects.get(slug="osio")
    parent = section
    for level in range(17):
        parent = factories.ContentPageFactory(parent=parent, slug=f"{level:02d}" + "c" * 98)
    edit = reverse("wagtailadmin_pages:edit", args=(section.pk,))
    response = admin_client.post(
        edit, page_form("Sivu", "osio-" + "y" * 150), HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert response.status_code == 200
    assert "alla olevan sivun" in str(response.context["form"].errors["slug"])
    assert admin_client.post(edit, page_form("Sivu", "osio-b")).status_code == 302


def _copy(client, page, title: str, slug: str, parent):
    copy = reverse("wagtailadmin_pages:copy", args=(page.pk,))
    data = {"new_title": title, "new_slug": slug, "new_parent_page": parent.pk}
    return client.post(copy, data, HTTP_ACCEPT_LANGUAGE="fi")


def test_a_copy_is_refused_on_its_form_not_with_a_server_error(live, admin_client):
    """A copy's new title and slug are checked as the page form checks them: a line break,
    an identity code, a publisher's address. Each is answered on the form's field; an
    ordinary copy is made."""
    page = Page.objects.get(url_path="/city/palvelut/kirjasto/")
    section = page.get_parent()
    swedish = live.get_translation(Locale.objects.get(language_code="sv"))
    refused = [
        ("Kirjasto", "SOK", swedish, "new_slug"),  # the Swedish search page, in capitals
        ("Kirjasto\nrivi", "kirjasto-kopio", section, "new_title"),
        ("Kirjasto 131052-308T", "kirjasto-kopio", section, "new_title"),
        ("Kirjasto", "sv", live, "new_slug"),
        ("Kirjasto", "Pagefind", live, "new_slug"),
        ("K" * 300, "kirjasto-kopio", section, "new_title"),  # longer than a title holds
        ("Kirjasto", "k" * 300, section, "new_slug"),
    ]
    for title, slug, parent, field in refused:
        response = _copy(admin_client, page, title, slug, parent)
        assert response.status_code == 200, (title, slug)
        assert field in response.context["form"].errors, (title, slug)
    made = Page.objects.filter(title__startswith="Kirjasto", slug__in=["kirjasto-kopio", "sv"])
    assert not made.exists()
    ordinary = _copy(admin_client, page, "Kirjasto (kopio)", "kirjasto-kopio", section)
    assert ordinary.status_code == 302
    assert Page.objects.filter(slug="kirjasto-kopio", title="Kirjasto (kopio)").exists()


def test_a_move_onto_a_publishers_address_is_refused(live, admin_client):
    """A page called "haku" in a section may not move to the home, where /haku/ is the
    search page: the move is refused with the reason, and the page stays where it was."""
    section = Page.objects.get(url_path="/city/palvelut/")
    assert _post(admin_client, section, "haku").status_code == 302
    page = Page.objects.get(url_path="/city/palvelut/haku/")
    confirm = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, live.pk))
    for response in (admin_client.get(confirm), admin_client.post(confirm)):
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_pages:move", args=(page.pk,))
    page.refresh_from_db()
    assert page.url_path == "/city/palvelut/haku/"
    messages = [str(m) for m in admin_client.get(response.url).context["messages"]]
    assert any("Tätä osoitetta ei voi käyttää" in m for m in messages), messages


def test_a_bulk_move_onto_a_publishers_address_is_refused(live, admin_client):
    """The bulk move checks only sibling slugs: a page "haku" moved with another to the
    home is refused with the reason, and neither page moves (it is one action)."""
    section = Page.objects.get(url_path="/city/palvelut/")
    assert _post(admin_client, section, "haku").status_code == 302
    assert _post(admin_client, section, "tavallinen").status_code == 302
    pages = Page.objects.filter(url_path__in=["/city/palvelut/haku/", "/city/palvelut/tavallinen/"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "move"))
    query = "&".join(f"id={page.pk}" for page in pages) + "&next=/admin/pages/"
    response = admin_client.post(f"{url}?{query}", {"chooser": live.pk}, follow=True)
    assert set(Page.objects.filter(pk__in=pages).values_list("url_path", flat=True)) == {
        "/city/palvelut/haku/",
        "/city/palvelut/tavallinen/",
    }
    shown = [str(m) for m in response.context["messages"]]
    assert any("Tätä osoitetta ei voi käyttää" in m for m in shown), shown


@pytest.mark.parametrize("date", ["0001-01-01 00:00", "1000-06-01 00:00", "2300-01-01 00:00"])
def test_a_date_outside_the_citys_time_is_answered_on_its_field(live, admin_client, date):
    """Year 1 is before UTC's year 1 in Helsinki (a server error before), year 1000 went
    into the feed with the local mean time's offset (+01:39:49, no valid Atom)."""
    news = NewsIndexPage.objects.descendant_of(live).first()
    body = {"model": "newsarticlepage", "app": "news", "contacts": streamfield([])}
    fields = {"date": date, "resident_headline": "Otsikko", **body}
    response = _post(admin_client, news, "vanha-uutinen", **fields)
    assert response.status_code == 200
    assert "vuosien 1950 ja 2199" in str(response.context["form"].errors["date"])


def test_a_page_the_sites_menu_names_keeps_its_address(live, admin_client):
    """The city's menu names its sections by address (sites/city.toml): a new slug for one,
    or for the page above the accessibility statement, would drop it from every page's menu
    or footer. Refused on the form, saying where the menu is kept; its title may change."""
    from cms.core.models import SiteProfile

    profile = SiteProfile.objects.get(key="city")
    section = Page.objects.get(url_path=f"/city/{profile.navigation[0]['page']}/")
    edit = reverse("wagtailadmin_pages:edit", args=(section.pk,))
    response = admin_client.post(
        edit, page_form(section.title, f"{section.slug}-uusi"), HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert response.status_code == 200
    assert "sites/city.toml" in str(response.context["form"].errors["slug"])
    assert admin_client.post(edit, page_form("Uusi otsikko", section.slug)).status_code == 302
