"""``sync_sites``: creates the five sites with a home page per language, is idempotent, applies
changes from the files, and changes nothing at all when any file is malformed."""

import shutil

import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail.models import Collection, Page, Site, WorkflowPage

from cms.core.models import SiteProfile
from cms.core.services import sites_sync
from cms.core.site_config import SiteConfigError
from cms.pages.models import HomePage
from tests.factories import PressReleaseIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites_dir(tmp_path):
    folder = tmp_path / "sites"
    shutil.copytree(settings.SITES_DIR, folder)
    return folder


def snapshot():
    """Everything a sync writes, in comparable form."""
    return {
        "sites": sorted(
            Site.objects.values_list("hostname", "port", "is_default_site", "root_page_id")
        ),
        "pages": sorted(Page.objects.values_list("id", "title", "slug", "locale__language_code")),
        "profiles": sorted(
            SiteProfile.objects.values_list("key", "names", "navigation", "languages")
        ),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "collections": sorted(Collection.objects.values_list("name", flat=True)),
    }


def test_sync_creates_every_site_with_a_home_page_per_language():
    report = sites_sync()
    assert report.changes
    assert Site.objects.count() == 5, "Wagtail's placeholder site is replaced"
    assert Site.objects.get(is_default_site=True).hostname == "city.localhost"
    for profile in SiteProfile.objects.select_related("site"):
        home = profile.site.root_page.specific
        assert isinstance(home, HomePage) and home.live
        assert home.locale.language_code == "fi"
        translations = {p.locale.language_code: p for p in home.get_translations(inclusive=True)}
        assert set(translations) == {"fi", "sv", "en"}
        assert translations["sv"].title == profile.names["sv"]
        assert all(page.live for page in translations.values())
        assert profile.collection is not None and profile.editors_group is not None
    assert SiteProfile.objects.get(key="city").navigation[0]["page"] == "palvelut"
    city_sv = HomePage.objects.get(slug="city-sv")
    assert city_sv.full_url == "http://city.localhost:8080/sv/"
    assert city_sv.get_url(current_site=synced_site("city")) == "/sv/"


def synced_site(key):
    return SiteProfile.objects.get(key=key).site


def test_sync_is_idempotent():
    sites_sync()
    before = snapshot()
    report = sites_sync()
    assert report.changes == []
    assert snapshot() == before


def test_sync_applies_changed_files(sites_dir):
    sites_sync(directory=sites_dir)
    path = sites_dir / "tourism.toml"
    text = path.read_text("utf-8").replace("tourism.localhost", "visit.localhost")
    path.write_text(
        text.replace('en = "Visit Kaislahti"', 'en = "Visit Kaislahti Lakeland"'), "utf-8"
    )
    report = sites_sync(directory=sites_dir)
    profile = SiteProfile.objects.select_related("site").get(key="tourism")
    assert profile.site.hostname == "visit.localhost"
    assert profile.names["en"] == "Visit Kaislahti Lakeland"
    assert any("tourism: updated site" in line for line in report.changes)
    assert Site.objects.count() == 5


def test_malformed_file_changes_nothing(sites_dir):
    sites_sync(directory=sites_dir)
    before = snapshot()
    # A valid change in one file and a broken one in another: neither may be applied.
    city = sites_dir / "city.toml"
    city.write_text(city.read_text("utf-8").replace("city.localhost", "www.localhost"), "utf-8")
    climate = sites_dir / "climate.toml"
    climate.write_text(
        climate.read_text("utf-8").replace('audience = "residents"', "audience = 7"), "utf-8"
    )

    with pytest.raises(SiteConfigError) as caught:
        sites_sync(directory=sites_dir)
    assert caught.value.key == "audience"
    assert caught.value.path.endswith("climate.toml")
    assert snapshot() == before


def test_command_reports_malformed_file(sites_dir):
    (sites_dir / "events.toml").write_text('key = "events"\nhostname = [', "utf-8")
    with pytest.raises(CommandError) as caught:
        call_command("sync_sites", "--dir", str(sites_dir))
    message = str(caught.value)
    assert "events.toml: (syntax):" in message and "Nothing was changed." in message
    assert not SiteProfile.objects.exists()


def test_press_release_listings_get_the_review_workflow(synced_sites):
    home = synced_sites["city"].site.root_page
    listing = PressReleaseIndexPageFactory(parent=home, slug="tiedotteet")
    assignment = WorkflowPage.objects.get(page=listing)
    assert assignment.workflow.name == "Review by communications"
    tasks = assignment.workflow.tasks.all()
    assert [task.name for task in tasks] == ["Approval by communications"]
    assert [group.name for group in tasks[0].specific.groups.all()] == ["Communications"]


def test_stock_editors_group_is_replaced(db):
    assert Group.objects.filter(name="Editors").exists(), "Wagtail creates it in a migration"
    sites_sync()
    assert not Group.objects.filter(name="Editors").exists()


def test_dry_run_reports_changes_and_writes_nothing(sites_dir):
    sites_sync(directory=sites_dir)
    before = snapshot()
    path = sites_dir / "business.toml"
    path.write_text(
        path.read_text("utf-8").replace("business.localhost", "yritys.localhost"), "utf-8"
    )
    from io import StringIO

    out = StringIO()
    call_command("sync_sites", "--dir", str(sites_dir), "--dry-run", stdout=out)
    assert "business: updated site (hostname)" in out.getvalue()
    assert "Dry run, nothing written: 1 change(s)." in out.getvalue()
    assert snapshot() == before


def test_sites_port_moves_every_sites_address(settings):
    """``SITES_PORT=8980 bin/run``: every site is served and linked at that port, its pages'
    addresses included; without it, each site file's port."""
    settings.SITES_PORT = 8980
    sites_sync()
    assert {site.port for site in Site.objects.all()} == {8980}
    city = Site.objects.get(hostname="city.localhost")
    assert city.root_url == "http://city.localhost:8980"
    assert city.root_page.full_url == "http://city.localhost:8980/"
    settings.SITES_PORT = None
    sites_sync()
    assert Site.objects.get(hostname="city.localhost").port == 8080
