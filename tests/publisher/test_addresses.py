"""Old addresses as the static sites publish them (``publisher.export.addresses``): Wagtail's
redirects, made on a rename or a move and by editors, resolved to the end of their chain;
loops and addresses a static host cannot match left out, and refused by the admin's form;
a live page always winning; removed pages' addresses answering "410 Gone"."""

from __future__ import annotations

import pytest

from django.utils import translation

from wagtail.contrib.redirects.forms import RedirectForm
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from cms.pages.models import ContentPage
from publisher.export.addresses import collect, normalise
from publisher.export.exporter import Exporter
from publisher.models import RemovedAddress
from publisher.render import address_files

pytestmark = pytest.mark.django_db


def _addresses(site: str = "city"):
    exporter = Exporter()
    exporter.locate_pages()
    return collect(exporter)[site]


def _content(city: Page) -> ContentPage:
    return ContentPage.objects.live().descendant_of(city).order_by("path").first()


def test_a_rename_and_a_move_redirect_their_old_addresses(
    city_content, django_capture_on_commit_callbacks
):
    city = Page.objects.get(slug="city")
    page = _content(city)
    old = Exporter.page_url  # the address before, as the export sees it
    exporter = Exporter()
    exporter.locate_pages()
    before = old(exporter, page.pk, from_site="city")
    page.slug = "uusi-osoite"
    # Wagtail records the redirect once the rename is committed.
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    found = _addresses()
    assert found.redirects[before.rstrip("/")] == before.rsplit("/", 2)[0] + "/uusi-osoite/"
    deeper = ContentPage.objects.live().descendant_of(city).filter(depth__gt=city.depth + 1)
    other = deeper.exclude(pk=page.pk).last()
    moved_from = Exporter.page_url(exporter, other.pk, from_site="city")
    other.move(city, pos="last-child")
    found = _addresses()
    assert found.redirects[moved_from.rstrip("/")] == "/" + other.slug + "/"


def test_chains_collapse_loops_and_hostile_paths_are_left_out(city_content):
    city_site = Site.objects.get(hostname="city.localhost")
    page = _content(Page.objects.get(slug="city"))
    Redirect.objects.create(old_path="/a", site=city_site, redirect_link="/b")
    Redirect.objects.create(old_path="/b", site=city_site, redirect_link="/c")
    Redirect.objects.create(old_path="/c", site=city_site, redirect_page=page)
    Redirect.objects.create(old_path="/loop-1", site=city_site, redirect_link="/loop-2")
    Redirect.objects.create(old_path="/loop-2", site=city_site, redirect_link="/loop-1/")
    Redirect.objects.create(old_path='/x";return 200 "pwned', site=city_site, redirect_page=page)
    Redirect.objects.create(old_path="/haku?q=1", site=city_site, redirect_page=page)
    Redirect.objects.create(old_path="/ulos", site=None, redirect_link="https://example.org/$x y")
    # An editor's redirect from an address where a page lives: the page wins.
    Redirect.objects.create(
        old_path=page.url_path[len("/city") :], site=city_site, redirect_link="/c"
    )
    live = page.url_path[len("/city") :]
    Redirect.objects.create(old_path="/ilman-kauttaviivaa", site=city_site, redirect_link=live[:-1])
    # A site's own redirect wins over one for all sites, on SQLite and PostgreSQL alike.
    Redirect.objects.create(old_path="/yhteinen", site=None, redirect_link="/a")
    Redirect.objects.create(old_path="/yhteinen", site=city_site, redirect_link=live)
    found = _addresses()
    assert found.redirects["/ilman-kauttaviivaa"] == live  # straight to the page, one hop
    assert found.redirects["/yhteinen"] == live
    assert _addresses("tourism").redirects["/yhteinen"] == "/a"
    target = found.redirects["/c"]
    assert found.redirects["/a"] == found.redirects["/b"] == target  # one hop for everyone
    assert "/loop-1" not in found.redirects and "/loop-2" not in found.redirects
    assert any("loop" in problem for problem in found.problems)
    assert not any("pwned" in key or "?" in key for key in found.redirects)
    assert found.redirects["/ulos"] == "https://example.org/%24x%20y"
    assert _addresses("tourism").redirects["/ulos"] == "https://example.org/%24x%20y"
    assert page.url_path[len("/city") :].rstrip("/") not in found.redirects
    # The map nginx includes: every line one quoted key and one quoted target.
    for line in address_files.redirects_map(found).decode().splitlines():
        key, value = line.removesuffix(";").split(" ")
        assert key.count('"') == value.count('"') == 2, line


def test_removed_addresses_answer_gone_until_a_page_or_its_move_takes_them(city_content):
    """A removed page's address answers 410 until a page lives there again, or the page
    moved (Wagtail's own redirect); an editor's redirect cannot take it over (to an
    outside site, say), in any case of its letters."""
    city_site = Site.objects.get(hostname="city.localhost")
    page = _content(Page.objects.get(slug="city"))
    live = page.url_path[len("/city") :]
    RemovedAddress.objects.create(site_key="city", path="/poistettu/")
    RemovedAddress.objects.create(site_key="city", path="/siirretty/")
    RemovedAddress.objects.create(site_key="city", path="/tyopaikat/")
    RemovedAddress.objects.create(site_key="city", path=live)
    Redirect.objects.create(
        old_path="/siirretty", site=city_site, redirect_page=page, automatically_created=True
    )
    for old in ("/tyopaikat", "/TYOPAIKAT"):
        Redirect.objects.create(old_path=old, site=city_site, redirect_link="https://evil.example/")
    Redirect.objects.create(old_path="/tyopaikat", site=None, redirect_link="https://evil.example/")
    found = _addresses()
    assert found.gone == ["/poistettu/", "/tyopaikat/"]
    assert "evil.example" not in address_files.redirects_map(found).decode()
    assert address_files.gone_map(found).startswith(b'"/poistettu" 1;\n"/poistettu/" 1;\n')
    # The admin's form says so.
    form = RedirectForm(
        {
            "old_path": "/Tyopaikat/",
            "site": city_site.pk,
            "is_permanent": "on",
            "redirect_link": "https://evil.example/",
        }
    )
    with translation.override("en"):
        assert not form.is_valid() and "a removed page's" in form.errors["__all__"][0]


def test_the_admin_refuses_a_loop_and_an_address_static_sites_cannot_match(city_content):
    city_site = Site.objects.get(hostname="city.localhost")
    Redirect.objects.create(
        old_path="/kierros-2", site=city_site, redirect_link=city_site.root_url + "/kierros-1"
    )

    def form(old_path: str, path: str) -> RedirectForm:
        link = city_site.root_url + path  # the admin asks for a full web address
        return RedirectForm(
            {
                "old_path": old_path,
                "site": city_site.pk,
                "is_permanent": "on",
                "redirect_link": link,
            }
        )

    with translation.override("en"):
        loop = form("/kierros-1", "/kierros-2/")
        assert not loop.is_valid()
        assert "loop back to /kierros-1" in str(loop.errors)
        query = form("/vanha?sivu=2", "/uutiset/")
        assert not query.is_valid() and "query string" in str(query.errors)
    fine = form("/vanha-osoite", "/kierros-2")  # a chain, not a loop
    assert fine.is_valid(), fine.errors
    # The site's own addresses, in any case: the build would leave them out.
    from publisher.builds.full import publish_full

    publish_full(sites=["city"])
    with translation.override("fi"):
        own = ["/Robots.txt", "/sitemap.xml", "/THEME/css/site.css", "/pagefind/x", "/SV"]
        # As Wagtail stores them (a full address, a double slash: the home), the live
        # pages and listings, in any case, and nginx's own files.
        own += ["http://x/robots.txt", "//palvelut/", "/palvelut/", "/PALVELUT/kirjasto/"]
        own += ["/uutiset/2026/", "/palvelut/index.html", "/_parts/alerts.fi.html", "/.nginx/x"]
        for taken in own:
            refused = form(taken, "/uutiset/")
            assert not refused.is_valid(), taken
            assert "on sivuston oma" in str(refused.errors), taken
    for fine_path in ("/sv/gammal-sida", "/vanha-raportti.pdf"):
        assert form(fine_path, "/uutiset/").is_valid(), fine_path


def test_normalised_keys_are_what_nginx_matches():
    assert normalise("/Sivu/%C3%A4/") == "/Sivu/ä"
    assert normalise("vanha") == "/vanha"
    assert normalise("/a/../b") is None and normalise('/a"b') is None and normalise("/a b") is None


def _page_folders_hold_page_files_only(exporter: Exporter, live) -> None:
    """Every file a page's folder holds is one of PAGE_FILES (the markers nginx reads
    aside): what ``old_addresses`` keeps redirects from."""
    from publisher.render.outputs.owned import PAGE_FILES

    for located in exporter.located.values():
        home = located.path.strip("/") in ("", "sv", "en")  # (they hold the site's files)
        if located.site == "city" and not home and (live / located.path.lstrip("/")).is_dir():
            folder = live / located.path.lstrip("/")
            names = {p.name for p in folder.iterdir() if p.is_file()}
            assert {n.removesuffix(".noindex") for n in names} <= PAGE_FILES, located.path


# What an old address may never take over (with a page's calendar and its address upper-cased).
TAKEN = [
    "/robots.txt",
    "/sitemap.xml",
    "/theme/css/site.css",
    "/pagefind/pagefind.js",
    "/api/v1/pages.json",
    "/documents/liite.pdf",
    "/media/images/kuva.jpg",
    "/sv",
    # nginx's maps ignore case: a variant takes over as much as the address itself.
    "/Robots.txt",
    "/SV",
    "/Theme/css/site.css",
    # A listing's own pages: its archives and past events.
    "/uutiset/2026",
    "/tapahtumat/2026-10",
    "/tapahtumat/menneet",
    "/tapahtumat/2026-10/index.html",
    # Its further pages, which exist only once there are enough items.
    "/uutiset/sivu/2",
    "/tapahtumat/menneet/sivu/3/",
    "/sv/nyheter/sida/2",
    # nginx merges repeated slashes before it matches: these are the addresses above.
    "/uutiset//sivu/2/",
    "//uutiset/2026",
    "/tapahtumat///2026-10",
    # nginx's own files, never a site's address.
    "/_parts/alerts.fi.html",
    "/.nginx/redirects.map",
]


def test_a_redirect_never_takes_over_the_sites_own_files(city_content):
    """Communications redirects the site's own files and a page's calendar to an outside
    site: none of them reaches nginx's map or a redirect page, in a full build and in the
    incremental one after it; a genuine redirect still does."""
    from cms.events.models import EventPage
    from publisher.builds.full import publish_full
    from publisher.builds.incremental import ChangeSet, publish_changes
    from publisher.release import folders as release

    city_site = Site.objects.get(hostname="city.localhost")
    event = EventPage.objects.live().descendant_of(Page.objects.get(slug="city")).first()
    exporter = Exporter()
    exporter.locate_pages()
    calendar = exporter.locate(event).path + "event.ics"
    taken = [*TAKEN, calendar, exporter.locate(event).path.upper()]
    for path in taken:
        evil = "https://evil.example/"
        Redirect.objects.create(old_path=path, redirect_link=evil, site=city_site)
    for path in ("/vanha-sivu", "/sv/gammal-sida", "/Kaksoset", "/kaksoset"):
        Redirect.objects.create(old_path=path, redirect_link="/", site=city_site)

    def published() -> str:
        live = release.current("city")
        assert (live / "robots.txt").read_text().startswith("User-agent")
        assert not (live / "sitemap.xml" / "index.html").exists()
        return (live / address_files.MAPS[0]).read_text()

    publish_full()
    full = published()
    _page_folders_hold_page_files_only(exporter, release.current("city"))
    assert "evil.example" not in full and '"/vanha-sivu"' in full
    assert '"/sv/gammal-sida"' in full  # (under a language's home: the editors')
    # Two keys in different case would make nginx refuse its whole configuration.
    assert full.lower().count('"/kaksoset"') == 1
    event.save_revision().publish()
    publish_changes(ChangeSet(page_ids={event.pk}))
    assert published() == full
