"""The publishing pipeline keeps every search index equal to the live sites: a published
page is in the server index and in its Pagefind bundle; unpublishing removes it from both
(and from Elasticsearch when a cluster is configured); drafts, private, pending and expired
content never reaches any index; a failed index update stays queued until it succeeds."""

from __future__ import annotations

import io
import os
import uuid
from datetime import timedelta

import pytest

from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.models import PublishRequest
from publisher.release import folders as release
from publisher.worker.queue import process_pending
from search.pagefind import fragments
from search.server import Query, get_index
from tests import factories
from tests.net import free_port

pytestmark = pytest.mark.django_db
LIVE_ES = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture(params=["database", "elasticsearch"])
def server_index(request, settings):
    if request.param == "elasticsearch":
        if not LIVE_ES:
            pytest.skip("ELASTICSEARCH_URL is not set: no cluster to test against")
        settings.SEARCH_INDEX = {
            "BACKEND": "search.server.elasticsearch.ElasticsearchIndex",
            "URL": LIVE_ES,
            "INDEX": f"test-publish-{uuid.uuid4().hex[:8]}",
            "REPLICAS": 0,
        }
    yield request.param
    if request.param == "elasticsearch":
        index = get_index()
        for name in index._indices():
            index.client.indices.delete(index=name, ignore_unavailable=True)


def found(word: str) -> dict[str, set[str]]:
    """Where ``word`` can be found: the server index and the city's Pagefind bundles."""
    static = {
        fragment["url"]
        for fragment in fragments(release.current("city") / "pagefind")
        if word in fragment["content"]
    }
    server = {hit.url for hit in get_index().search(Query(word, per_page=50)).hits}
    return {"server": server, "pagefind": static}


def kirjasto() -> ContentPage:
    return ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")


def test_unpublishing_removes_a_page_from_every_index(city_content, server_index):
    publish_full()
    page = kirjasto()
    page.lead = "Lukusalissa on nyt kvartsikello ja hiljainen nurkkaus."
    page.save_revision().publish()
    assert process_pending().ok
    url = "/palvelut/kirjasto/"
    assert found("kvartsikello") == {"server": {url}, "pagefind": {url}}

    page.unpublish()
    result = process_pending()
    assert result.ok and result.index_error is None
    assert found("kvartsikello") == {"server": set(), "pagefind": set()}
    call_command("search_index", "check", stdout=io.StringIO())  # raises if anything differs


def test_drafts_private_pending_and_expired_content_never_reach_an_index(city_content):
    home = Page.objects.get(slug="city")
    factories.ContentPageFactory(parent=home, live=False, title="Luonnos", lead="sumupilvi")
    private = factories.ContentPageFactory(parent=home, title="Yksityinen", lead="sumupilvi")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    factories.ContentPageFactory(parent=private, title="Salainen alasivu", lead="sumupilvi")
    pending = kirjasto()
    pending.lead = "sumupilvi odottaa hyväksyntää"
    pending.save_revision()  # in moderation: the live version stays
    expiring = factories.ContentPageFactory(parent=home, title="Vanheneva", lead="sumupilvi")
    expiring.expire_at = timezone.now() + timedelta(hours=1)
    expiring.save_revision().publish()
    publish_full()
    # Only the live, public page is findable, until it expires.
    url = f"/{expiring.slug}/"
    assert found("sumupilvi") == {"server": {url}, "pagefind": {url}}

    Page.objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - timedelta(seconds=1))
    call_command("publish_scheduled", stdout=io.StringIO())  # Wagtail expires it
    assert process_pending().ok
    assert found("sumupilvi") == {"server": set(), "pagefind": set()}


def test_a_failed_index_update_stays_queued_and_the_next_run_indexes_it(city_content, settings):
    good = settings.SEARCH_INDEX
    # A real client against a port where nothing listens: the connection is refused.
    settings.SEARCH_INDEX = {
        "BACKEND": "search.server.elasticsearch.ElasticsearchIndex",
        "URL": f"http://127.0.0.1:{free_port()}",
        "OPTIONS": {"max_retries": 0, "request_timeout": 2},
    }
    result = publish_full()
    assert result.ok and "Connection" in result.index_error
    page = kirjasto()
    page.lead = "Lainaa nyt myös kvanttilaskimia."
    page.save_revision().publish()
    result = process_pending()
    assert result.ok, "the static sites went live"
    assert result.index_error and PublishRequest.objects.filter(page_id=page.pk).exists()
    assert (
        "kvanttilaskimia" in (release.current("city") / "palvelut/kirjasto/index.html").read_text()
    )

    settings.SEARCH_INDEX = good
    result = process_pending()
    assert result.ok and result.index_error is None
    assert not PublishRequest.objects.exists()
    assert found("kvanttilaskimia")["server"] == {"/palvelut/kirjasto/"}
    # The full sync that failed earlier was redone: the whole index is complete.
    call_command("search_index", "check", stdout=io.StringIO())


def test_search_index_command_reports_and_repairs_differences(city_content):
    publish_full()
    out = io.StringIO()
    call_command("search_index", "check", stdout=out)
    assert "missing       0" in out.getvalue()
    page = kirjasto()
    get_index().delete([page.pk])
    with pytest.raises(CommandError, match="differs from the CMS"):
        call_command("search_index", "check", stdout=(out := io.StringIO()))
    assert f"missing       1  public pages the index lacks: {page.pk}" in out.getvalue()
    call_command("search_index", "sync", stdout=(out := io.StringIO()))
    assert "1 added, 0 updated, 0 removed" in out.getvalue()
    call_command("search_index", "rebuild", stdout=(out := io.StringIO()))
    assert "Rebuilt the database index" in out.getvalue()
    call_command("search_index", "check", stdout=io.StringIO())


def everywhere(word: str) -> dict[str, set[str]]:
    """Where ``word`` is on the live city site: search indexes, pages, sitemap, feeds, API."""
    live = release.current("city")
    files = {
        str(path.relative_to(live))
        for path in live.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".xml", ".json"}
        and word in path.read_text(errors="replace")
        and "pagefind" not in path.parts
    }
    return {**found(word), "files": files}


def test_making_a_section_private_in_the_admin_unpublishes_it_everywhere(
    city_content, client, django_capture_on_commit_callbacks
):
    """The admin's privacy setting on a section takes it and its pages off every output and
    index, and making it public again brings them all back; each through the queue."""
    section = Page.objects.get(url_path="/city/palvelut/")
    child = kirjasto()
    child.lead = "kuutamokirjasto"
    child.save_revision().publish()
    publish_full()
    PublishRequest.objects.all().delete()
    before = everywhere("kuutamokirjasto")
    assert before["server"] == {child.url_path.removeprefix("/city")}
    assert before["pagefind"] == before["server"]
    assert "palvelut/kirjasto/index.html" in before["files"]
    sitemap = (release.current("city") / "sitemap.xml").read_text()
    assert "/palvelut/kirjasto/" in sitemap

    client.force_login(factories.UserFactory(is_superuser=True, is_staff=True))
    privacy = f"/admin/pages/{section.pk}/privacy/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(privacy, {"restriction_type": "login"})
    assert response.status_code == 200, response.content[:300]
    assert PageViewRestriction.objects.filter(page=section).exists()
    assert not PublishRequest.objects.exists(), "the queued change went live"
    assert everywhere("kuutamokirjasto") == {"server": set(), "pagefind": set(), "files": set()}
    live = release.current("city")
    assert not (live / "palvelut/kirjasto/index.html").exists()
    assert not (live / "palvelut/index.html").exists()
    sitemap = (live / "sitemap.xml").read_text()
    assert "/palvelut/" not in sitemap
    assert "/palvelut/" not in (live / "api/v1/pages.json").read_text()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(privacy, {"restriction_type": "none"})
    assert response.status_code == 200
    assert not PageViewRestriction.objects.filter(page=section).exists()
    assert everywhere("kuutamokirjasto") == before


def test_a_menu_change_keeps_the_search_documents_and_a_new_site_name_rewrites_them(
    city_content,
):
    """A search document names its site and holds nothing else of the site's settings: a
    site rebuilt whole for its menu leaves the server index as it was (re-making every
    document cost seconds on a large site), a new site name rewrites the site's documents."""
    from cms.core.models import SiteProfile
    from search.models import SearchDocument

    publish_full()
    PublishRequest.objects.all().delete()  # the demo's own pages, published by the build
    page = kirjasto()
    SearchDocument.objects.filter(pk=page.pk).update(title="Written by hand")
    profile = SiteProfile.objects.get(key="city")
    profile.navigation[0]["label"]["fi"] = "Palvelut ja asiointi"
    profile.save()
    process_pending()
    assert "Palvelut ja asiointi" in (release.current("city") / "index.html").read_text()
    assert SearchDocument.objects.get(pk=page.pk).title == "Written by hand"

    profile.names = {**profile.names, "fi": "Kaislahden kaupunki ja saaret"}
    profile.save()
    process_pending()
    row = SearchDocument.objects.get(pk=page.pk)
    assert (row.title, row.site_name) == (page.title, "Kaislahden kaupunki ja saaret")
    city_fi = SearchDocument.objects.filter(site="city", lang="fi")
    assert city_fi.exists()
    assert set(city_fi.values_list("site_name", flat=True)) == {"Kaislahden kaupunki ja saaret"}
