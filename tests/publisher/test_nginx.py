"""The generated nginx configuration, tested with a real nginx on loopback (workers as an
unprivileged user, see ``tests/nginx.py``)."""

import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from django.conf import settings
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from cms.deploy.nginx import WORKER_USER
from cms.events.models import EventPage
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import ContentPage
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from publisher.release import folders as release
from publisher.worker.queue import process_pending
from tests import factories
from tests.nginx import fetch, nginx_serving, reload, unanswered, worker_users

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by bin/test"),
]


@pytest.fixture
def nginx(two_sites, tmp_path):
    publish_full(sites=["city", "tourism"])
    workdir = tmp_path / "nginx"
    workdir.mkdir()
    with nginx_serving(workdir) as port:
        yield port


def test_nginx_serves_each_site_by_host_name_with_security_headers(nginx):
    status, headers, body = fetch(nginx, "city.localhost", "/sv/")
    assert status == 200 and b"Vassviks stad" in body
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cache-Control"] == "public, max-age=60, must-revalidate"
    assert "Strict-Transport-Security" not in headers, "HSTS only over HTTPS"

    status, _headers, body = fetch(nginx, "tourism.localhost", "/")
    assert status == 200 and b"Visit Kaislahti" in body


def test_nginx_headers_survive_every_location(nginx):
    status, headers, _ = fetch(nginx, "city.localhost", "/tapahtumat/joulumarkkinat/event.ics")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    assert headers["X-Content-Type-Options"] == "nosniff"
    _status, _headers, html = fetch(nginx, "city.localhost", "/")
    avif = re.search(rb'(/media/[^" ]+\.avif)', html).group(1).decode()
    status, headers, body = fetch(nginx, "city.localhost", avif)
    assert status == 200 and headers["Content-Type"] == "image/avif" and body[4:8] == b"ftyp"
    assert headers["Cache-Control"] == "public, max-age=86400"
    assert headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_nginx_not_found_and_media(nginx):
    status, headers, body = fetch(nginx, "city.localhost", "/ei-ole-olemassa/")
    assert (
        status == 404 and b"Sivua ei l" in body and headers["X-Content-Type-Options"] == "nosniff"
    )
    status, headers, _ = fetch(nginx, "city.localhost", "/theme/css/site.css")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=3600"
    assert headers.get("Content-Encoding") == "gzip"


def test_nginx_tells_crawlers_not_to_index_personal_notices_and_attachments(nginx):
    """The demo's running notice names its applicant and has a personal attachment."""
    robots = "noindex, nofollow, noarchive"
    notice = "/kuulutukset/poikkeamispaatos-rantakatu-5/"
    status, headers, html = fetch(nginx, "city.localhost", notice)
    assert status == 200 and b"Matti Meik" in html
    assert headers["X-Robots-Tag"] == robots
    # No shared cache or CDN may keep it past its deadline.
    assert headers["Cache-Control"] == "private, no-store"
    status, headers, _ = fetch(nginx, "city.localhost", notice + "index.html")
    assert status == 200 and headers["X-Robots-Tag"] == robots
    # The attachment the page links to, flagged personal.
    section = html[html.index(b'class="attachments"') :]
    attachment = re.search(rb'href="(/documents/[^"]+)"', section).group(1).decode()
    status, headers, body = fetch(nginx, "city.localhost", attachment)
    assert status == 200 and b"Matti Meik" in body
    assert headers["X-Robots-Tag"] == robots
    assert headers["Cache-Control"] == "private, no-store"
    # The marker itself is not served, and pages without personal data are indexable.
    status, _headers, _ = fetch(nginx, "city.localhost", notice + "index.html.noindex")
    assert status == 404
    for path in ("/", "/kuulutukset/"):
        status, headers, _ = fetch(nginx, "city.localhost", path)
        assert status == 200 and "X-Robots-Tag" not in headers, path
        assert headers["Cache-Control"] == "public, max-age=60, must-revalidate", path


def test_every_file_answers_200_after_edits_deletions_and_a_notice_removal(nginx, tmp_path):
    """What an editor's day leaves behind is still readable by nginx's unprivileged workers:
    every file of both sites answers 200 after each kind of incremental publish."""
    if os.geteuid() == 0:
        assert worker_users(tmp_path / "nginx") == {WORKER_USER}
    city = Page.objects.get(slug="city")

    def check(step: str) -> None:
        for site in ("city", "tourism"):
            root = release.current(site)
            assert unanswered(nginx, f"{site}.localhost", root) == {}, (step, site)
            # An empty folder would answer 403 (nginx) or list itself (other servers).
            empty = [d for d in root.rglob("*") if d.is_dir() and not any(d.iterdir())]
            assert empty == [], (step, site)

    check("full build")
    page = ContentPage.objects.live().descendant_of(city).first()
    page.title = f"{page.title} (päivitetty)"
    page.save_revision().publish()
    news = NewsIndexPage.objects.get(url_path="/city/uutiset/")
    factories.NewsArticlePageFactory(parent=news, title="Uusi uutinen lukijoille")
    assert process_pending().ok
    check("edits")
    EventPage.objects.live().descendant_of(city).first().delete()
    NewsArticlePage.objects.live().descendant_of(city).first().unpublish()
    assert process_pending().ok
    check("deletion and unpublish")
    # The demo's ended notice: its personal data leaves the page, listing, feeds and search.
    removed = reconcile_due(timezone.now())
    assert removed, "the demo has a notice whose period has ended"
    check("notice removal")
    changed = [p for p in release.current("city").rglob("*") if p.is_file()]
    assert all(p.stat().st_mode & 0o004 for p in changed), "every file readable by others"


def test_nginx_compresses_feeds_sitemaps_and_calendars(nginx):
    for path in ["/uutiset/feed.xml", "/sitemap.xml", "/tapahtumat/joulumarkkinat/event.ics"]:
        status, headers, body = fetch(nginx, "city.localhost", path)
        assert status == 200 and body, path
        assert headers.get("Content-Encoding") == "gzip", (path, headers.get("Content-Type"))


def test_an_unknown_host_gets_the_site_sites_toml_makes_the_default(nginx):
    status, _headers, body = fetch(nginx, "tuntematon.example", "/sv/")
    assert status == 200 and b"Vassviks stad" in body
    assert body == fetch(nginx, "city.localhost", "/sv/")[2]


def test_https_with_hsts_and_plain_http_redirected(two_sites, tmp_path):
    import http.client
    import ssl
    import subprocess

    from django.core.management import call_command

    from cms.deploy.nginx import standalone
    from tests.net import free_port
    from tests.nginx import run_nginx, traversable

    publish_full(sites=["city", "tourism"])
    workdir = tmp_path / "nginx"
    workdir.mkdir()
    certificate, key = workdir / "site.crt", workdir / "site.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-subj", "/CN=city.localhost", "-keyout", str(key), "-out", str(certificate)]
        + ["-addext", "subjectAltName=DNS:city.localhost,IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    https_port, http_port = free_port(), free_port()
    traversable(Path(settings.OUTPUT_DIR))
    generated = workdir / "sites.conf"
    call_command(
        "nginx_config",
        *("--listen", f"127.0.0.1:{https_port}", "--http-listen", f"127.0.0.1:{http_port}"),
        *("--certificate", str(certificate), "--certificate-key", str(key)),
        *("--cms-host", "cms.localhost", "--output", str(generated)),
    )
    conf = standalone(workdir, generated)
    # An outside analyser finds nothing in the sites' and the CMS's configuration. Not its
    # advice to cache open files: nginx would go on serving a replaced release's files (a
    # removed notice's among them) until the cache entry is checked again.
    gixy = Path(sys.executable).parent / "gixy"
    checked = subprocess.run(
        [str(gixy), "--skips", "try_files_is_evil_too", str(conf)], capture_output=True, text=True
    )
    assert checked.returncode == 0 and "No issues found" in checked.stdout, checked.stdout
    with run_nginx(conf, https_port):
        plain = http.client.HTTPConnection("127.0.0.1", http_port, timeout=5)
        plain.request("GET", "/uutiset/?sivu=2", headers={"Host": "city.localhost"})
        redirect = plain.getresponse()
        assert redirect.status == 301
        location = redirect.getheader("Location")
        assert location == f"https://city.localhost:{https_port}/uutiset/?sivu=2"
        tls = http.client.HTTPSConnection(
            "127.0.0.1",
            https_port,
            context=ssl.create_default_context(cafile=certificate),
            timeout=5,
        )
        tls.request("GET", "/sv/", headers={"Host": "city.localhost"})
        response = tls.getresponse()
        assert response.status == 200 and b"Vassviks stad" in response.read()
        hsts = response.getheader("Strict-Transport-Security")
        assert hsts == "max-age=31536000; includeSubDomains"


def test_old_addresses_redirect_and_removed_pages_answer_410(
    nginx, tmp_path, django_capture_on_commit_callbacks
):
    """An editor renames one page and moves another, adds a redirect of their own and
    deletes a page: once published (and nginx reloaded, as the reload unit does on the
    publisher's stamp), every old address answers 301 to where the page is now, in one
    hop, and the deleted page's address 410 with the site's own page, its folder gone."""
    city = Page.objects.get(slug="city")
    city_site = Site.objects.get(hostname="city.localhost")
    renamed = ContentPage.objects.live().descendant_of(city).filter(depth__gt=city.depth + 1)[0]
    moved = ContentPage.objects.live().descendant_of(city).filter(depth__gt=city.depth + 1)[1]
    renamed_from = "/" + renamed.url_path.removeprefix("/city/")
    moved_from = "/" + moved.url_path.removeprefix("/city/")
    news = NewsArticlePage.objects.live().descendant_of(city)
    deleted = news.filter(locale__language_code="fi")[0]
    deleted_at = "/" + deleted.url_path.removeprefix("/city/")
    stamp = Path(settings.OUTPUT_DIR) / ".nginx-reload"
    before = stamp.read_text()
    with django_capture_on_commit_callbacks(execute=True):
        renamed.slug = "uusi-nimi"
        renamed.save_revision().publish()
        moved.move(city, pos="last-child")
        campaign = city_site.root_url + renamed_from  # an editor's own, to the old address
        Redirect.objects.create(old_path="/vanha-kampanja", site=city_site, redirect_link=campaign)
        deleted.delete()
    # The test settings' task backend runs the queued publish as the commit callbacks run.
    assert process_pending() is None, "published already"
    assert stamp.read_text() != before, "the publisher asks for a reload"
    root = release.current("city")
    assert not (root / deleted_at.lstrip("/")).exists(), "no folder left behind"
    # Before the reload: the redirect page sends browsers on, with its canonical address.
    status, _headers, html = fetch(nginx, "city.localhost", renamed_from)
    new_address = renamed_from.rsplit("/", 2)[0] + "/uusi-nimi/"
    assert status == 200 and f'url={new_address}"'.encode() in html
    assert f'rel="canonical" href="{city_site.root_url}{new_address}"'.encode() in html

    reload(tmp_path / "nginx", lambda: fetch(nginx, "city.localhost", renamed_from)[0] == 301)
    for old, new in (
        (renamed_from, new_address),
        (renamed_from.rstrip("/"), new_address),
        (moved_from, f"/{moved.slug}/"),
        ("/vanha-kampanja", new_address),  # through the rename: one hop, not two
    ):
        status, headers, _ = fetch(nginx, "city.localhost", old)
        assert (status, headers.get("Location")) == (301, new), old
        assert fetch(nginx, "city.localhost", new)[0] == 200, new
    status, headers, body = fetch(nginx, "city.localhost", deleted_at)
    assert status == 410 and b"Sivu poistettu" in body
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert fetch(nginx, "city.localhost", "/.nginx/redirects.map")[0] == 404
    assert unanswered(nginx, "city.localhost", root) == {}
