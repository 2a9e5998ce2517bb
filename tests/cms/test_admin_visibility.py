"""As editor-tourism in the admin: another site's draft, embargoed and draft-notice titles
stay out of the page chooser (browsing, searching, opened at the page), the bulk actions'
list of pages one may not act on and the page-types report; live pages of other sites can
still be chosen (links across sites); and the sites' redirects are never answered on the
CMS's own host."""

from __future__ import annotations

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect

from cms.core import visibility
from cms.core.permissions import COMMUNICATIONS
from tests import factories

# Admin views, bound by the admin's rendering, not by the database: once, on SQLite.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]
SECRET = "Salainen luonnos Kaupunginhallitus"


@pytest.fixture
def city_pages(synced_sites):
    home = synced_sites["city"].site.root_page.specific
    draft = factories.ContentPageFactory(parent=home, title=SECRET, live=False)
    embargoed = factories.ContentPageFactory(parent=home, title=f"{SECRET} 2", live=False)
    embargoed.go_live_at = timezone.now() + timedelta(days=2)
    embargoed.save_revision().publish()
    live = factories.ContentPageFactory(parent=home, title="Avoin kaupunginsivu")
    live.save_revision().publish()
    return {"home": home, "draft": draft, "embargoed": embargoed, "live": live}


@pytest.fixture
def tourism_editor(synced_sites, client):
    client.force_login(factories.UserFactory(groups=[synced_sites["tourism"].editors_group]))
    return client


def test_the_chooser_shows_another_sites_live_pages_only(tourism_editor, city_pages):
    browse = tourism_editor.get(f"/admin/choose-page/{city_pages['home'].pk}/")
    assert browse.status_code == 200
    html = browse.content.decode()
    assert "Avoin kaupunginsivu" in html and SECRET not in html
    search = tourism_editor.get("/admin/choose-page/search/", {"q": "Salainen"})
    assert search.status_code == 200 and SECRET not in search.content.decode()
    for name in ("draft", "embargoed"):
        assert tourism_editor.get(f"/admin/choose-page/{city_pages[name].pk}/").status_code == 404


def test_another_sites_live_page_is_named_by_its_live_title(tourism_editor, city_pages):
    """A live page renamed in a draft (an embargoed announcement): the chooser names it by
    its live title for another site's editor, by the draft's for its own."""
    live = city_pages["live"]
    live.title = f"{SECRET} uusi nimi"
    live.save_revision()
    for path in (f"/admin/choose-page/{city_pages['home'].pk}/", "/admin/choose-page/search/"):
        html = tourism_editor.get(path, {"q": "kaupunginsivu"}).content.decode()
        assert "Avoin kaupunginsivu" in html and SECRET not in html, path
    tourism_editor.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    html = tourism_editor.get(f"/admin/choose-page/{city_pages['home'].pk}/").content.decode()
    assert f"{SECRET} uusi nimi" in html


def test_a_draft_notice_title_stays_out_of_the_chooser(tourism_editor, synced_sites):
    section = factories.NoticeIndexPageFactory(parent=synced_sites["city"].site.root_page)
    section.save_revision().publish()
    factories.NoticePageFactory(parent=section, title="Kuulutus Virtanen luonnos", live=False)
    html = tourism_editor.get(f"/admin/choose-page/{section.pk}/").content.decode()
    assert "Kuulutus Virtanen luonnos" not in html


def test_bulk_actions_do_not_name_pages_one_may_not_act_on(tourism_editor, city_pages):
    ids = "&".join(f"id={city_pages[n].pk}" for n in ("draft", "embargoed"))
    for action in ("delete", "publish", "unpublish", "move"):
        response = tourism_editor.get(f"/admin/bulk/wagtailcore/page/{action}/?{ids}")
        assert response.status_code == 200, action
        assert SECRET not in response.content.decode(), action


def test_no_view_of_a_page_names_another_sites_draft(tourism_editor, synced_sites, city_pages):
    """A move's confirmation named both pages to anyone who typed their ids (they are
    sequential): every view of a page another site's editor may not see answers 404."""
    tourism_home = synced_sites["tourism"].site.root_page
    for name in ("draft", "embargoed"):
        page = city_pages[name].pk
        for view in (
            f"/admin/pages/{page}/move/{tourism_home.pk}/confirm/",
            f"/admin/pages/{tourism_home.pk}/move/{page}/confirm/",
            f"/admin/pages/{page}/history/",
            f"/admin/pages/{page}/revisions/compare/earliest...latest/",
            f"/admin/pages/workflow/preview/{page}/1/",
            f"/admin/pages/workflow/action/{page}/approve/1/",
        ):
            response = tourism_editor.get(view)
            assert response.status_code == 404, view
            assert SECRET not in response.content.decode(), view
    # Their own pages' views still answer; a revision's or a task's number is no page's.
    assert tourism_editor.get(f"/admin/pages/{tourism_home.pk}/history/").status_code == 200
    named = visibility.PAGE_VIEW.match(f"/admin/pages/{tourism_home.pk}/revisions/{page}/view/")
    assert named.groups() == (str(tourism_home.pk), None)


def test_the_explorers_people_filters_name_only_those_of_pages_one_sees(tourism_editor, city_pages):
    """The "Owner" and "Edited by" filters listed every owner and editor of every site."""
    from wagtail.models import PageLogEntry

    city_editor = factories.UserFactory(username="kaupungin-salainen-toimittaja")
    draft = city_pages["draft"]
    draft.owner = city_editor
    draft.save()
    PageLogEntry.objects.log_action(draft, "wagtail.edit", user=city_editor)
    home = tourism_editor.get("/admin/pages/").content.decode()
    explorer = tourism_editor.get(f"/admin/pages/{city_pages['home'].pk}/", follow=True)
    for html in (home, explorer.content.decode()):
        assert "kaupungin-salainen-toimittaja" not in html


def test_the_page_types_report_is_for_those_on_every_site(client, synced_sites, city_pages):
    report = "/admin/reports/page-types-usage/"
    client.force_login(factories.UserFactory(groups=[synced_sites["tourism"].editors_group]))
    assert client.get(report).status_code == 404
    client.force_login(factories.UserFactory(groups=[Group.objects.get(name=COMMUNICATIONS)]))
    response = client.get(report)
    assert response.status_code == 200


def test_the_cms_host_answers_no_site_redirect(client, synced_sites):
    Redirect.objects.create(
        old_path="/admin/kirjaudu-sso",
        redirect_link="https://evil.example/login",
        site=synced_sites["city"].site,
    )
    Redirect.objects.create(old_path="/vanha", redirect_link="https://evil.example/")
    for path in ("/admin/kirjaudu-sso", "/vanha"):
        response = client.get(path, follow=True)
        hops = [location for location, _status in response.redirect_chain]
        assert not [hop for hop in hops if "evil.example" in hop], hops
        assert response.status_code in (200, 404)  # (the admin's login, or nothing)


def test_a_draft_named_by_id_in_a_link_or_chooser_is_not_shown_or_saved(
    tourism_editor, synced_sites, city_pages
):
    """editor-tourism types another site's draft's id into a link and a chooser (ids are
    sequential): the page's editor shows neither its title nor its address, and the save
    is refused."""
    from wagtail.models import Page

    from tests.admin_forms import page_form

    draft = city_pages["draft"]
    tourism_home = synced_sites["tourism"].site.root_page
    linking = factories.ContentPageFactory(
        parent=tourism_home,
        slug="linkit",
        body=[
            ("paragraph", factories.RichText(f'<p><a linktype="page" id="{draft.pk}">x</a></p>')),
            ("call_to_action", {"label": "Lue", "page": Page.objects.get(pk=draft.pk)}),
        ],
    )
    edit = f"/admin/pages/{linking.pk}/edit/"
    shown = tourism_editor.get(edit)
    assert shown.status_code == 200
    html = shown.content.decode()
    assert SECRET not in html and draft.slug not in html
    assert "Avoin kaupunginsivu" not in html  # (nothing else of the city is named either)
    # A page of their own without the links: saved with one, it is refused.
    edit = f"/admin/pages/{factories.ContentPageFactory(parent=tourism_home, slug='oma').pk}/edit/"
    link = f'<p><a linktype="page" id="{draft.pk}">kohde</a></p>'
    response = tourism_editor.post(edit, page_form("Oma", "oma", link))
    assert response.status_code == 200
    assert "jota et voi nähdä" in response.content.decode()
    assert SECRET not in response.content.decode()
    live = city_pages["live"]
    link = f'<p><a linktype="page" id="{live.pk}">kaupunki</a></p>'
    assert tourism_editor.post(edit, page_form("Oma", "oma", link)).status_code == 302
