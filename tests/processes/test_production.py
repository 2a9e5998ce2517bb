"""The production path, as the README's production section runs it: ``bin/deploy`` with an
environment file (production settings, TLS), then every systemd unit it wrote started as the
unit says (its user, folder, environment and umask), behind the generated nginx whose
workers run as ``www-data``. An editor logs in to the admin in Chromium, sets up two-factor
authentication, publishes a page, and the static site shows it; outsiders are throttled
there, by their own address."""

from __future__ import annotations

import grp
import http.client
import os
import pwd
import secrets
import stat
import subprocess
import time
from base64 import b32decode

import pytest

from cms.operations.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.nginx import reload, worker_users
from tests.processes.deployment import (
    CMS,
    PASSWORD,
    RENDITIONS,
    SERVICE_USER,
    deployment_fixture,  # noqa: F401 - the fixture "deployment"
)
from tests.procs import children, uid

pytestmark = [
    # Processes on their own database: once, in the processes pass of bin/test.
    pytest.mark.slow,
    pytest.mark.skipif(
        os.geteuid() != 0, reason="bin/deploy makes a service user: run as root, as CI does"
    ),
]


def test_services_run_unprivileged_and_own_only_the_runtime_folder(deployment):
    service_uid = pwd.getpwnam(SERVICE_USER).pw_uid
    for service in deployment.services:
        assert service.poll() is None, "every unit's service is running"
        assert uid(service.pid) == service_uid
        assert all(uid(child) == service_uid for child in children(service.pid))
    assert worker_users(deployment.nginx_dir) == {"www-data"}
    foreign = [p for p in deployment.var.rglob("*") if p.stat().st_uid != service_uid]
    assert foreign == []


def test_plain_http_is_sent_to_https(deployment):
    connection = http.client.HTTPConnection("127.0.0.1", deployment.http_port, timeout=10)
    connection.request("GET", "/admin/?x=1", headers={"Host": CMS})
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == f"https://{CMS}:{deployment.port}/admin/?x=1"


def test_the_admin_answers_with_its_static_files_through_nginx(deployment):
    status, headers, body = deployment.request(CMS, "/admin/login/")
    assert status == 200, body[:500]
    # Once: nginx's (Django's is dropped), not both.
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    # collectstatic ran: the page names hashed files, and nginx serves them.
    stylesheet = body.split(b'href="/static/', 1)[1].split(b'"', 1)[0].decode()
    status, headers, _css = deployment.request(CMS, "/static/" + stylesheet)
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    # HSTS on what nginx answers itself too (a location's own headers drop the server's).
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert deployment.request(CMS, "/media/documents/anything.pdf")[0] == 404


def test_an_editor_logs_in_publishes_and_the_site_shows_it(deployment):
    from django_otp.oath import totp
    from playwright.sync_api import sync_playwright

    home = deployment.manage(
        "shell",
        "--no-imports",
        "-c",
        "from wagtail.models import Site; "
        "print(Site.objects.get(is_default_site=True).root_page_id)",
    ).strip()
    token = f"Tuotantotesti {secrets.token_hex(4)}"
    origin = f"https://{CMS}:{deployment.port}"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[*CHROMIUM_ARGS, f"--host-resolver-rules=MAP * 127.0.0.1:{deployment.port}"],
        )
        try:
            page = browser.new_context(ignore_https_errors=True).new_page()
            # The login, the two-factor set-up and the editor under the admin's CSP.
            refused: list[str] = []
            page.on(
                "console",
                lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
            )
            page.goto(f"{origin}/admin/login/")
            page.fill("#id_username", "ops")
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            # A superuser sets up an authenticator app first: the test is the app.
            page.wait_for_url(f"{origin}/admin/two-factor/setup/**")
            secret = page.text_content("#two-factor-secret").strip()
            page.fill("#id_code", f"{totp(b32decode(secret)):06d}")
            with page.expect_navigation():
                page.click("main button[type=submit]")
            assert page.locator("#recovery-codes li").count() == 10
            with page.expect_navigation():
                page.click("main a.button")  # on to the admin
            assert page.url == f"{origin}/admin/", page.url
            page.goto(f"{origin}/admin/pages/{home}/edit/")
            page.fill("#id_title", token)
            page.locator("footer [data-w-dropdown-target='toggle']").first.click()
            page.click("button[name=action-publish]")
            page.wait_for_selector(".messages .success", timeout=30_000)
            published = time.monotonic()
            assert refused == []
        finally:
            browser.close()
    for _ in range(300):
        status, _headers, body = deployment.request("city.localhost", "/")
        if token.encode() in body:
            break
        time.sleep(0.1)
    assert status == 200 and token.encode() in body
    print(f"\nlive on the static site {time.monotonic() - published:.2f} s after publishing")


def test_a_renamed_page_redirects_once_the_reload_unit_has_run(deployment):
    """The worker (its service user) publishes an editor's rename and stamps the change;
    the reload the path unit then starts makes nginx answer the old address 301."""
    stamp = deployment.var / "output" / ".nginx-reload"
    # A service page the city publishes, then renames, as two commits of an editor.
    create = (
        "from wagtail.models import Site; from wagtail.rich_text import RichText; "
        "from cms.pages.models import ContentPage; "
        "home = Site.objects.get(is_default_site=True).root_page; "
        "page = home.add_child(instance=ContentPage(title='Pysakointi', slug='pysakointi', "
        "lead='Luvat.', body=[('paragraph', RichText('<p>Luvat.</p>'))])); "
        "page.save_revision().publish()"
    )
    deployment.manage("shell", "--no-imports", "-c", create)
    for _ in range(300):
        if deployment.request("city.localhost", "/pysakointi/")[0] == 200:
            break
        time.sleep(0.1)
    before = stamp.read_text()
    rename = (
        "from cms.pages.models import ContentPage; "
        "page = ContentPage.objects.get(slug='pysakointi'); "
        "page.slug = 'pysakointi-ja-luvat'; page.save_revision().publish()"
    )
    deployment.manage("shell", "--no-imports", "-c", rename)
    old, new = "/pysakointi/", "/pysakointi-ja-luvat/"
    for _ in range(300):
        if stamp.read_text() != before:
            break
        time.sleep(0.1)
    assert stamp.read_text() != before, "the worker stamps changed redirects"
    assert stamp.stat().st_uid != 0, "written by the service user"
    reload(deployment.nginx_dir, lambda: deployment.request("city.localhost", old)[0] == 301)
    status, headers, _ = deployment.request("city.localhost", old)
    assert (status, headers["Location"]) == (301, new)
    assert deployment.request("city.localhost", new)[0] == 200


def test_a_locked_out_account_is_locked_for_its_address_only(deployment):
    def login(source: str, password: str, spoof: str = "") -> tuple[int, dict[str, str]]:
        status, headers, body = deployment.request(CMS, "/admin/login/", source=source)
        cookie = headers["Set-Cookie"].split(";", 1)[0]
        csrf = body.split(b'name="csrfmiddlewaretoken" value="', 1)[1].split(b'"', 1)[0]
        form = f"csrfmiddlewaretoken={csrf.decode()}&username=ops&password={password}"
        extra = {"X-Forwarded-For": spoof} if spoof else {}
        return deployment.request(
            CMS,
            "/admin/login/",
            "POST",
            form,
            {
                "Cookie": cookie,
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"https://{CMS}:{deployment.port}/admin/login/",
                **extra,
            },
            source=source,
        )[:2]

    # An attacker that names another address in X-Forwarded-For each time is still one
    # client: nginx replaces the header with the connection's address.
    # The fifth wrong password locks the account for that address (django-axes: 429 with
    # Retry-After of the whole cool-off, not nginx's one second).
    answers = [login("127.0.0.2", "wrong", spoof=f"198.51.100.{i}") for i in range(5)]
    assert [status for status, _headers in answers] == [200] * 4 + [429]
    status, headers = login("127.0.0.2", PASSWORD)
    assert status == 429 and headers["Retry-After"] == "900"
    assert login("127.0.0.3", PASSWORD)[0] == 302  # the editor elsewhere is not locked out


def test_only_nginx_reaches_gunicorn(deployment):
    """gunicorn listens on a unix socket (no TCP port), in a folder only the service user
    and nginx's workers may enter: another local user cannot connect and name any client
    address in X-Forwarded-For."""
    path = deployment.var / "socket" / "cms.sock"
    folder = path.parent.stat()
    assert stat.S_ISSOCK(path.stat().st_mode) and stat.S_IMODE(folder.st_mode) == 0o710
    assert grp.getgrgid(folder.st_gid).gr_name == "www-data"
    connect = "import socket, sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])"
    for user, allowed in (("nobody", False), ("www-data", True)):
        tried = subprocess.run(
            ["/usr/sbin/runuser", "-u", user, "--", "/usr/bin/python3", "-c", connect, str(path)],
            capture_output=True,
            text=True,
        )
        assert (tried.returncode == 0) == allowed, (user, tried.stderr)
        assert allowed or "PermissionError" in tried.stderr


def test_renditions_of_unpublished_images_do_not_reach_outsiders(deployment):
    """nginx asks the CMS, which lets nginx send a rendition of an image a live page shows
    (the reference index is brought up to date by the worker) and answers 404 for another
    (an embargoed press photo)."""
    shown, hidden = deployment.manage("shell", "--no-imports", "-c", RENDITIONS).split()
    for _ in range(300):
        status, headers, body = deployment.request(CMS, shown)
        if status == 200 or time.sleep(0.1):
            break
    assert status == 200 and headers["Content-Type"] == "image/jpeg" and body[:2] == b"\xff\xd8"
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert deployment.request(CMS, hidden)[0] == 404
    assert deployment.request(CMS, "/_city_renditions/" + hidden.rsplit("/", 1)[1])[0] == 404


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("/django-admin/login/", 5),
        ("/_util/login/", 6),
        # A password-protected collection's document: its password form.
        ("/documents/authenticate_with_password/1/", 7),
    ],
)
def test_every_login_form_is_under_the_login_limit(deployment, path, source):
    statuses = [deployment.request(CMS, path, source=f"127.0.0.{source}")[0] for _ in range(30)]
    assert 429 in statuses and 500 not in statuses, statuses


def test_the_search_api_answers_a_flood_with_429_never_500(deployment):
    statuses = []
    for _ in range(60):
        status, headers, _body = deployment.request(
            CMS, "/api/search?q=kaislahti", source="127.0.0.4"
        )
        statuses.append(status)
        if status == 429:
            assert int(headers["Retry-After"]) >= 1
    assert set(statuses) <= {200, 429} and statuses[0] == 200 and 429 in statuses
    # Another client is served meanwhile.
    assert deployment.request(CMS, "/api/search?q=kaislahti", source="127.0.0.5")[0] == 200


def test_an_upload_past_the_limit_is_refused_before_it_reaches_the_cms(deployment):
    body = "x" * (26 * 1024 * 1024)
    status, _headers, _body = deployment.request(
        CMS, "/admin/images/multiple/add/", "POST", body, {"Content-Type": "text/plain"}
    )
    assert status == 413


def test_every_service_stops_cleanly_on_sigterm(deployment):
    """What ``systemctl stop`` sends first: each service ends by itself, in time."""
    started = time.monotonic()
    for service in deployment.services:
        service.terminate()
    codes = [service.wait(timeout=90) for service in deployment.services]
    print(f"\nall services stopped {time.monotonic() - started:.2f} s after SIGTERM: {codes}")
    assert all(code in (0, -15) for code in codes), codes
