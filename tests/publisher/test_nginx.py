"""The generated nginx configuration, tested with a real nginx on loopback."""

import gzip
import re
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest

from django.core.management import call_command

from publisher.publish import publish_full
from tests.net import free_port

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by bin/test"),
]


def fetch(port: int, host: str, path: str):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": host, "Accept-Encoding": "gzip"}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback
            status, headers, body = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers), error.read()
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return status, headers, body


@pytest.fixture
def nginx(two_sites, tmp_path):
    publish_full(sites=["city", "tourism"])
    port = free_port()
    generated = tmp_path / "sites.conf"
    call_command("nginx_config", "--listen", f"127.0.0.1:{port}", "--output", str(generated))
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"user root;\nworker_processes 1;\npid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/error.log;\n"
        f"events {{}}\nhttp {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {tmp_path}/body;\n proxy_temp_path {tmp_path}/proxy;\n"
        f" fastcgi_temp_path {tmp_path}/fcgi;\n uwsgi_temp_path {tmp_path}/uwsgi;\n"
        f" scgi_temp_path {tmp_path}/scgi;\n include {generated};\n}}\n"
    )
    binary = shutil.which("nginx")
    check = subprocess.run([binary, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([binary, "-c", str(conf), "-g", "daemon off;"])
    for _ in range(50):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield port
    process.terminate()
    process.wait(timeout=10)


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
    status, headers, _ = fetch(nginx, "city.localhost", notice + "index.html")
    assert status == 200 and headers["X-Robots-Tag"] == robots
    # The attachment the page links to, flagged personal.
    section = html[html.index(b'class="attachments"') :]
    attachment = re.search(rb'href="(/documents/[^"]+)"', section).group(1).decode()
    status, headers, body = fetch(nginx, "city.localhost", attachment)
    assert status == 200 and b"Matti Meik" in body
    assert headers["X-Robots-Tag"] == robots
    # The marker itself is not served, and pages without personal data are indexable.
    status, _headers, _ = fetch(nginx, "city.localhost", notice + "index.html.noindex")
    assert status == 404
    for path in ("/", "/kuulutukset/"):
        status, headers, _ = fetch(nginx, "city.localhost", path)
        assert status == 200 and "X-Robots-Tag" not in headers, path
