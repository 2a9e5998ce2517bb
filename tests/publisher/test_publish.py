"""A full publish writes complete sites and switches them live atomically; a failed build
leaves the live site untouched."""

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from wagtail.documents.models import Document

from publisher.builds.full import publish_full
from publisher.files import site_root
from publisher.release import folders as release

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def live(site: str) -> Path:
    path = release.current(site)
    assert path is not None, f"{site} has no live release"
    return path


def test_full_publish_writes_every_kind_of_output(city_content):
    result = publish_full(sites=["city"])
    assert result.ok, [s.error for s in result.sites]
    root = live("city")
    for name in [
        "index.html",
        "sv/index.html",
        "en/index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "feed.xml",
        "sv/feed.xml",
        "uutiset/index.html",
        "uutiset/feed.xml",
        "tapahtumat/index.html",
        "tapahtumat/calendar.ics",
        "tapahtumat/menneet/index.html",
        "tapahtumat/joulumarkkinat/index.html",
        "tapahtumat/joulumarkkinat/event.ics",
        "api/v1/pages.json",
        "api/v1/news.json",
        "api/v1/events.json",
        "theme/css/site.css",
    ]:
        assert (root / name).is_file(), name
    # Ids differ between databases (sequences are not rolled back): look the document up.
    document = Document.objects.get(title="Jätehuoltomääräykset 2026")
    assert (root / f"documents/{document.pk}/{document.filename}").is_file()
    html = (root / "palvelut/asuminen/index.html").read_text()
    for src in re.findall(r'src="(/media/[^"]+)"', html):
        assert (root / src.lstrip("/")).is_file(), src


@pytest.mark.slow  # rendering and files: once, on SQLite
def test_feeds_sitemap_calendars_and_api_are_well_formed(city_content):
    publish_full(sites=["city"])
    root = live("city")
    feed = ET.parse(root / "uutiset/feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert "Uimarannat avautuvat kesäkuun alussa" in titles

    sitemap = ET.parse(root / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    url = next(
        u
        for u in sitemap.findall("s:url", ns)
        if u.find("s:loc", ns).text.endswith("/palvelut/jatehuolto/")
    )
    alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
    assert set(alternates) == {"fi", "sv", "en", "x-default"}
    assert alternates["x-default"] == alternates["fi"]  # the site's first language

    ics = (root / "tapahtumat/joulumarkkinat/event.ics").read_bytes().decode()
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert "SUMMARY:Joulumarkkinat" in ics and "DTSTART:" in ics
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))

    events = json.loads((root / "api/v1/events.json").read_text())
    assert events["count"] == len(events["items"]) > 0
    for name in ("pages", "news", "events"):
        # Joined from each item's own text, yet what one json.dumps of the whole gives.
        raw = (root / f"api/v1/{name}.json").read_bytes()
        compact = json.dumps(json.loads(raw), ensure_ascii=False, separators=(",", ":"))
        assert raw == compact.encode(), name
    assert set(events["items"][0]["translations"]) == {"fi", "sv", "en"}
    robots = (root / "robots.txt").read_text()
    assert "Sitemap: http://city.localhost:8080/sitemap.xml" in robots


@pytest.mark.slow  # rendering and files: once, on SQLite
def test_template_error_leaves_the_live_site_untouched(city_content, tmp_path, settings):
    publish_full(sites=["city"])
    before = live("city")
    snapshot = (before / "index.html").read_bytes()

    broken = tmp_path / "themes"
    shutil.copytree(settings.THEMES_DIR, broken)
    (broken / "base/templates/content.html").write_text(
        "{% extends 'base.html' %}{% block content %}{{ page.title|nosuchfilter }}{% endblock %}"
    )
    settings.THEMES_DIR = broken
    result = publish_full(sites=["city"])
    assert not result.ok and "nosuchfilter" in result.sites[0].error
    assert live("city") == before
    assert (before / "index.html").read_bytes() == snapshot
    assert len(list((site_root("city") / "releases").iterdir())) == 1, "failed release removed"

    with pytest.raises(CommandError, match="live versions were kept"):
        call_command("publish", "--full", "--site", "city")


@pytest.mark.slow  # rendering and files: once, on SQLite
def test_leftovers_of_a_killed_build_are_removed_and_old_releases_pruned(city_content):
    publish_full(sites=["city"])
    first = live("city")
    # A build killed before it went live leaves a newer, incomplete folder behind.
    killed = release.new_release("city")
    (killed / "index.html").write_text("half a site")
    assert live("city") == first
    for _ in range(4):
        publish_full(sites=["city"])
    releases = sorted((site_root("city") / "releases").iterdir())
    assert not killed.exists()
    assert len(releases) == release.KEEP_RELEASES and releases[-1] == live("city")


def test_publish_command_rejects_unknown_sites(city_content):
    with pytest.raises(CommandError, match="Unknown site"):
        call_command("publish", "--full", "--site", "nowhere")


@pytest.mark.slow  # rendering and files: once, on SQLite
def test_site_themes_override_only_what_differs(city_content, settings):
    """The events theme changes the home layout; the city keeps the base layout."""
    from cms.demo.services import demo_load

    demo_load(sites=["events"])
    publish_full(sites=["city", "events"])
    city = (live("city") / "index.html").read_text()
    events = (live("events") / "index.html").read_text()
    assert city.index('id="news-heading"') < city.index('id="events-heading"')
    assert events.index('id="events-heading"') < events.index('id="news-heading"')
    assert "--brand:#b3261e" in events and "--brand:#0b5394" in city
    for html in (city, events):
        assert 'class="skip-link"' in html and "site-footer" in html


def test_a_full_builds_files_are_on_disk_as_soon_as_rendered_and_only_digests_are_kept(tmp_path):
    from publisher.files import ReleaseFiles, digest, file_mode

    files = ReleaseFiles(tmp_path)
    files["uutiset/index.html"] = b"<h1>Uutiset</h1>"
    assert (tmp_path / "uutiset" / "index.html").read_bytes() == b"<h1>Uutiset</h1>"
    assert (tmp_path / "uutiset" / "index.html").stat().st_mode & 0o777 == file_mode()
    files["uutiset/index.html"] = b"<h1>News</h1>"  # rendered twice: the last one stays
    assert files.digests == {"uutiset/index.html": digest(b"<h1>News</h1>")}
    assert (files["uutiset/index.html"], len(files), list(files)) == (
        b"<h1>News</h1>",
        1,
        ["uutiset/index.html"],
    )
    del files["uutiset/index.html"]
    assert not (tmp_path / "uutiset" / "index.html").exists() and len(files) == 0


def _head(html: str) -> dict[str, list[str]]:
    """canonical, hreflang codes and OpenGraph properties of a page's <head>."""
    head = html.split("</head>", 1)[0]
    return {
        "canonical": re.findall(r'<link rel="canonical" href="([^"]+)"', head),
        "hreflang": re.findall(r'<link rel="alternate" hreflang="([^"]+)"', head),
        "og": re.findall(r'<meta property="(og:[^"]+)"', head),
    }


@pytest.mark.slow  # rendering and files: once, on SQLite
def test_each_page_names_its_own_address_languages_and_preview(city_content):
    publish_full(sites=["city"])
    root = live("city")
    page = _head((root / "uutiset/index.html").read_text())
    assert page["canonical"] == ["http://city.localhost:8080/uutiset/"]
    assert page["hreflang"] == ["fi", "sv", "en", "x-default"]
    assert {"og:title", "og:url", "og:image", "og:locale"} <= set(page["og"])
    # A year of the archive is a page of its own, whose translations are not known.
    year = next(p for p in (root / "uutiset").iterdir() if p.name.isdigit())
    archive = _head((year / "index.html").read_text())
    assert archive["canonical"] == [f"http://city.localhost:8080/uutiset/{year.name}/"]
    assert archive["hreflang"] == []
    # The error pages answer at any address: no canonical address of their own.
    for name in ("404.html", "410.html"):
        assert _head((root / name).read_text())["canonical"] == [], name
    for name in ("favicon.svg", "favicon.ico", "apple-touch-icon.png", "logo.png"):
        assert (root / name).stat().st_size > 100, name
    # The official notices are linked from the menu, the home page and every footer.
    home = (root / "index.html").read_text()
    nav, rest = home.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)
    main, footer = rest.split('<footer class="site-footer">', 1)
    for part in (nav, main, footer):
        assert 'href="/kuulutukset/"' in part
    assert 'href="/sv/kungorelser/"' in (root / "sv/tjanster/index.html").read_text()
    # The search page says what it is to search engines.
    search = (root / "haku/index.html").read_text()
    assert re.search(r'<meta name="description" content="[^"]{20,}">', search)
    # Every image of a page's main content loads lazily but the first, its main image.
    events = json.loads((root / "api/v1/events.json").read_text())["items"]
    event = (root / events[0]["url"].lstrip("/") / "index.html").read_text()
    main = event.split('<main id="content"', 1)[1]
    images = re.findall(r"<img [^>]*>", main)
    assert images and 'loading="lazy"' not in images[0]
