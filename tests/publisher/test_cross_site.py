"""What crosses sites: links between them use real host names, and the city's home page
shows news and events of the sites it syndicates."""

import pytest

from wagtail.models import Page

from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.export.exporter import export_sites
from publisher.release import folders as release
from tests import factories

# Links and syndication between two sites are rendering; the export they come from runs on
# both databases elsewhere. Once, on SQLite (it is the only user of the two-site demo).
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def live(site: str):
    return release.current(site)


def test_links_between_sites_use_real_host_names(two_sites):
    tourism_lake = ContentPage.objects.get(slug="kaislajarvi", locale__language_code="fi")
    home = Page.objects.get(slug="city").specific
    factories.ContentPageFactory(
        parent=home,
        slug="linkit",
        body=[
            (
                "paragraph",
                factories.RichText(
                    f'<p>Katso <a linktype="page" id="{tourism_lake.pk}">järvi</a> ja '
                    f'<a linktype="page" id="{home.pk}">etusivu</a> ja '
                    '<a linktype="page" id="999999">poistettu</a>.</p>'
                ),
            )
        ],
    )
    record = next(r for r in export_sites(["city"]).records["city"] if r["url"] == "/linkit/")
    assert (
        '<a href="http://tourism.localhost:8080/nahtavyydet/kaislajarvi/">järvi</a>'
        in record["body"]
    )
    assert '<a href="/">etusivu</a>' in record["body"]
    assert "poistettu" in record["body"] and "999999" not in record["body"]


def test_city_home_syndicates_news_and_events_from_other_sites(two_sites):
    publish_full(sites=["city", "tourism"])
    home = (live("city") / "index.html").read_text()
    assert "http://tourism.localhost:8080/uutiset/risteilykausi-alkaa/" in home
    assert "http://tourism.localhost:8080/tapahtumat/opastettu-kavely/" in home


def test_a_site_built_alone_still_shows_what_it_syndicates(two_sites):
    """``publish --full --site city`` renders the city's home with the tourism site's news
    and events (read for it, not built), and the next incremental build still knows the
    tourism site as its last build left it."""
    from publisher.plan.state import load_state

    assert publish_full(sites=["city", "tourism"]).ok
    tourism_release = live("tourism")
    tourism_records = load_state().export.records["tourism"]
    assert publish_full(sites=["city"]).ok
    home = (live("city") / "index.html").read_text()
    assert "http://tourism.localhost:8080/tapahtumat/opastettu-kavely/" in home
    assert live("tourism") == tourism_release
    assert load_state().export.records["tourism"] == tourism_records


def test_the_site_of_the_edited_page_goes_live_before_the_sites_that_syndicate_it(
    two_sites, monkeypatch
):
    """The editor waits for their own page: the city's home page, which shows the tourism
    event too, is switched live after it, in the same build."""
    from cms.events.models import EventPage
    from publisher.builds import incremental
    from publisher.builds.incremental import ChangeSet, publish_changes

    assert publish_full(sites=["city", "tourism"]).ok
    event = EventPage.objects.get(slug="opastettu-kavely", locale__language_code="fi")
    event.title = "Opastettu iltakävely"
    event.save_revision().publish()
    switched = []
    activate = release.activate

    def recording(site, path, base_url=None):
        switched.append(site)
        return activate(site, path, base_url)

    monkeypatch.setattr(incremental.release, "activate", recording)
    assert publish_changes(ChangeSet(page_ids={event.pk})).ok
    assert switched[0] == "tourism" and "city" in switched
    assert "Opastettu iltakävely" in (live("city") / "index.html").read_text()
    assert (
        "Opastettu iltakävely"
        in (live("tourism") / "tapahtumat/opastettu-kavely/index.html").read_text()
    )
