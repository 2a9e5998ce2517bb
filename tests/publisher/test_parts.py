"""The publisher's extension points from an app it does not name (``tests/partapp``): a site
part on every page of every site and language, changed on all of them at once with no
build, behind the generated nginx; and a subscriber told what went live, with the live
addresses, after a full and an incremental build."""

from __future__ import annotations

import shutil

import pytest

from wagtail import hooks
from wagtail.rich_text import RichText

from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.export.richtext import inert
from publisher.public import SITE_PARTS_HOOK, SITES_LIVE_HOOK, parts_folder, write_parts
from publisher.release import folders as release
from publisher.render.parts import guarded
from publisher.worker.queue import process_pending
from tests.nginx import fetch, nginx_serving
from tests.partapp import parts

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
SITES = ["city", "tourism"]
INCLUDE = '<!--# include virtual="/_parts/alerts.{}.html" -->'


@pytest.fixture
def registered():
    with hooks.register_temporarily(
        [
            (SITE_PARTS_HOOK, parts.BoardPart),
            (SITE_PARTS_HOOK, parts.BrokenPart),
            (SITES_LIVE_HOOK, parts.remember),
        ]
    ):
        yield


def board(text: str) -> None:
    parts.folder().mkdir(parents=True, exist_ok=True)
    (parts.folder() / "board.txt").write_text(text)


@pytest.fixture(autouse=True)
def _own_var(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"


def test_only_the_parts_own_includes_reach_the_server():
    """Anything else that looks like a server-side directive (in content an editor or an
    import wrote) is made a plain comment before the page is written."""
    own = INCLUDE.format("fi")
    html = f'<p><!--# echo var="http_cookie" --></p>{own}<!--#include file="/x"-->'
    made = f'<p><!-- # echo var="http_cookie" --></p>{own}<!-- #include file="/x"-->'
    assert guarded(html) == made
    assert guarded("<p>plain</p>") == "<p>plain</p>"
    # Content is made inert where it is rendered: not even a part's include survives.
    assert inert(f"<p>{own}</p>") == f"<p>{own.replace('<!--#', '<!-- #')}</p>"


def test_the_slot_is_there_before_any_part_is(two_sites):
    """Pages hold the alert slot's include whether or not an app registered the part yet
    (one that registers it later needs no page built again); nothing is written."""
    assert publish_full(sites=["city"]).ok
    page = (release.current("city") / "index.html").read_text()
    assert page.count("<!--#") == 1 and INCLUDE.format("fi") in page
    assert not parts_folder("city").exists()


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by bin/test")
def test_a_part_is_on_every_page_and_changes_everywhere_at_once(two_sites, registered, tmp_path):
    board("Vesikatko <b>tänään</b>")
    # Content with a directive of its own (stored as an import or a script could store it).
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    stored = '<p>Auki<!--# echo var="http_user_agent" -->' + INCLUDE.format("en") + "</p>"
    page.body = [("paragraph", RichText(stored))]
    page.save_revision().publish()
    assert publish_full(sites=SITES).ok
    for site in SITES:
        root = release.current(site)
        for lang in ("fi", "sv", "en"):  # both sites' languages
            written = parts_folder(site) / f"alerts.{lang}.html"
            assert f"[{site} {lang}]" in written.read_text()
        # The broken part is written nowhere; the good one everywhere.
        assert not list(parts_folder(site).glob("broken.*"))
        pages = [p for p in root.rglob("*.html") if p.name == "index.html"]
        assert pages and all(INCLUDE.format(lang_of(p, root)) in p.read_text() for p in pages)
    releases = {site: release.current(site) for site in SITES}
    workdir = tmp_path / "nginx"
    workdir.mkdir()
    with nginx_serving(workdir) as port:
        status, headers, body = fetch(port, "city.localhost", "/")
        assert status == 200
        assert "Vesikatko &lt;b&gt;tänään&lt;/b&gt; [city fi]" in body.decode()
        assert "<!--#" not in body.decode(), "nginx answers the include"
        assert "Last-Modified" not in headers and "ETag" not in headers
        assert "[tourism sv]" in fetch(port, "tourism.localhost", "/sv/")[2].decode()
        body = fetch(port, "city.localhost", "/palvelut/kirjasto/")[2].decode()
        assert "Auki" in body and "Python-urllib" not in body, "no directive from content runs"
        assert "[city en]" not in body, "content includes no part"
        assert body.count("[city fi]") == 1
        # Not a page of its own: internal to nginx.
        assert fetch(port, "city.localhost", "/_parts/alerts.fi.html")[0] == 404
        board("Vesikatko ohi")
        changed = write_parts(["alerts"], sites=SITES)
        assert len(changed) == 6  # two sites, three languages
        assert "Vesikatko ohi [city fi]" in fetch(port, "city.localhost", "/palvelut/")[2].decode()
        assert "Vesikatko ohi [tourism en]" in fetch(port, "tourism.localhost", "/en/")[2].decode()
        assert {site: release.current(site) for site in SITES} == releases, "no build"
        assert write_parts(["alerts"], sites=SITES) == [], "unchanged: not written again"
        # A part's own text runs nothing on the server either (an alert quoting a page).
        board('<!--# echo var="http_user_agent" --> ja <!--# include virtual="/404.html" -->')
        write_parts(["alerts"], sites=["city"])
        body = fetch(port, "city.localhost", "/")[2].decode()
        assert "Python-urllib" not in body and body.count("<html") == 1
        (parts.folder() / "board.txt").unlink()
        write_parts()
        body = fetch(port, "city.localhost", "/")[2].decode()
        assert "Vesikatko" not in body and "<!--#" not in body
        # A part not written (yet) is nothing, not nginx's error text or its 404 page.
        (parts_folder("city") / "alerts.fi.html").unlink()
        status, _headers, body = fetch(port, "city.localhost", "/")
        assert status == 200 and "error occurred" not in body.decode()
        assert body.decode().count("<html") == 1


def lang_of(page, root) -> str:
    first = page.relative_to(root).parts[0]
    return first if first in {"sv", "en"} else "fi"


def test_a_part_named_outside_the_rule_is_not_written(two_sites, registered, caplog):
    class Astray(parts.BoardPart):
        name = "../../astray"

    with hooks.register_temporarily(SITE_PARTS_HOOK, Astray):
        assert publish_full(sites=["city"]).ok
    assert not list(parts_folder("city").parent.parent.glob("astray*"))
    assert "not written" in caplog.text


def test_a_subscriber_hears_what_went_live_with_its_addresses(two_sites, registered):
    assert publish_full(sites=SITES).ok
    (full,) = parts.seen()
    assert full["full"] and full["sites"] == SITES
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    assert full["pages"][str(page.pk)] == f"{page.get_site().root_url}/palvelut/kirjasto/"
    page.lead = "Kirjasto on auki myös sunnuntaisin."
    page.save_revision().publish()
    process_pending()
    changes = parts.seen()[1:]
    assert changes and not changes[-1]["full"]
    told = {pid: url for entry in changes for pid, url in entry["pages"].items()}
    assert told[str(page.pk)] == full["pages"][str(page.pk)]
    assert "city" in changes[-1]["sites"]
