"""The development server picks the site by host name and never leaves the site's folder."""

import http.client
import threading

import pytest

from cms.operations.devserver import serve


@pytest.fixture
def server(tmp_path):
    city = tmp_path / "city"
    (city / "palvelut").mkdir(parents=True)
    (city / "index.html").write_text("<p>city</p>")
    (city / "palvelut/index.html").write_text("<p>services</p>")
    (city / "404.html").write_text("<p>not here</p>")
    (city / "event.ics").write_text("BEGIN:VCALENDAR")
    (tmp_path / "secret.txt").write_text("never served")
    # Old addresses as a release carries them (``publisher.render.address_files``).
    (city / ".nginx").mkdir()
    (city / ".nginx/redirects.map").write_text('"/vanha" "/palvelut/";\n"/vanha/" "/palvelut/";\n')
    (city / ".nginx/gone.map").write_text('"/poistettu" 1;\n"/poistettu/" 1;\n')
    (city / "410.html").write_text("<p>removed</p>")
    (city / "tyhja").mkdir()  # a folder without its page
    httpd = serve({"city.localhost": city}, port=0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def get(port: int, host: str, path: str):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    return response.status, response.getheader("Content-Type"), response.read()


@pytest.mark.parametrize("length", [248, 255, 300])
def test_a_name_too_long_for_the_disk_is_not_found(server, length):
    """As nginx answers a name the file system refuses (ENAMETOOLONG): 404, not a dropped
    connection (its ``.noindex`` marker's name was the one too long)."""
    status, _type, body = get(server, "city.localhost", f"/{'a' * length}/")
    assert status == 404 and body == b"<p>not here</p>"


def test_serves_by_host_with_its_own_404(server):
    assert get(server, "city.localhost:8080", "/palvelut/") == (
        200,
        "text/html; charset=utf-8",
        b"<p>services</p>",
    )
    status, _type, body = get(server, "city.localhost", "/ei-ole/")
    assert status == 404 and body == b"<p>not here</p>"
    assert get(server, "city.localhost", "/event.ics")[1].startswith("text/calendar")
    assert get(server, "unknown.localhost", "/")[0] == 404


def test_puts_the_site_parts_in_as_nginx_does(server, tmp_path):
    """A page's server-side include of a part (``publisher/parts.py``) is answered with the
    part as last written beside the site; a part never written is empty; the part itself
    is nobody's page."""
    include = '<!--# include virtual="/_parts/{}.fi.html" -->'
    (tmp_path / "city/index.html").write_text(
        f"<main>{include.format('alerts')}<p>city</p>{include.format('never')}</main>"
    )
    (tmp_path / "_parts").mkdir()
    (tmp_path / "_parts/alerts.fi.html").write_text("<div>Vesikatko</div>")
    status, kind, body = get(server, "city.localhost", "/")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert body == b"<main><div>Vesikatko</div><p>city</p></main>"
    assert get(server, "city.localhost", "/_parts/alerts.fi.html")[0] == 404
    assert get(server, "city.localhost", "/palvelut")[0] == 301  # its own "/", as before
    # The site's own 404 page too, which is no page at its own address (as with nginx).
    (tmp_path / "city/404.html").write_text(f"<p>not here</p>{include.format('alerts')}")
    assert get(server, "city.localhost", "/ei-ole/")[2] == b"<p>not here</p><div>Vesikatko</div>"
    assert get(server, "city.localhost", "/404.html")[0] == 404
    assert get(server, "city.localhost", "/_parts/alerts.fi.html%00")[0] == 404


@pytest.mark.parametrize(
    "path", ["/../secret.txt", "/%2e%2e/secret.txt", "/palvelut/../../secret.txt"]
)
def test_never_serves_files_outside_the_site(server, path):
    status, _type, body = get(server, "city.localhost", path)
    assert b"never served" not in body and status in {404, 400}


def test_old_addresses_and_folders_without_a_page_answer_as_nginx_does(server):
    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=5)
    connection.request("GET", "/vanha/", headers={"Host": "city.localhost"})
    response = connection.getresponse()
    assert (response.status, response.getheader("Location")) == (301, "/palvelut/")
    assert get(server, "city.localhost", "/poistettu/")[::2] == (410, b"<p>removed</p>")
    assert get(server, "city.localhost", "/tyhja/")[::2] == (404, b"<p>not here</p>")
    assert get(server, "city.localhost", "/.nginx/redirects.map")[0] == 404


def test_what_nginx_keeps_internal_is_not_served(server, tmp_path):
    """A page at /_parts/ (nginx's internal folder) and the ``.noindex`` markers: 404, as
    behind nginx."""
    (tmp_path / "city/_parts").mkdir()
    (tmp_path / "city/_parts/index.html").write_text("<p>a page nginx never shows</p>")
    (tmp_path / "city/palvelut/index.html.noindex").write_text("")
    for path in ("/_parts/", "/palvelut/index.html.noindex"):
        assert get(server, "city.localhost", path)[0] == 404, path


def test_sends_the_cache_headers_nginx_sends(server, tmp_path):
    city = tmp_path / "city"
    (city / "kuulutukset/paatos").mkdir(parents=True)
    (city / "kuulutukset/paatos/index.html").write_text("<p>Matti</p>")
    (city / "kuulutukset/paatos/index.html.noindex").write_text("")

    def headers(path: str) -> dict:
        connection = http.client.HTTPConnection("127.0.0.1", server, timeout=5)
        connection.request("GET", path, headers={"Host": "city.localhost"})
        response = connection.getresponse()
        response.read()
        return dict(response.getheaders())

    personal = headers("/kuulutukset/paatos/")
    assert personal["Cache-Control"] == "private, no-store"
    assert personal["X-Robots-Tag"] == "noindex, nofollow, noarchive"
    assert headers("/palvelut/")["Cache-Control"] == "public, max-age=60, must-revalidate"
    assert "X-Robots-Tag" not in headers("/palvelut/")
