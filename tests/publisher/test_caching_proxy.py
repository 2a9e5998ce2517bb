"""A real caching proxy (nginx's proxy_cache, as a frontend cache or CDN edge would be) in
front of the generated site configuration: it keeps the sites' ordinary pages, and never
stores a notice page or attachment holding personal data, so none can be served from a
cache after the notice's deadline."""

import os
import re
import shutil
from pathlib import Path

import pytest

from publisher.builds.full import publish_full
from tests.net import free_port
from tests.nginx import fetch, nginx_serving, run_nginx

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is installed by bin/test"),
]
NOTICE = "/kuulutukset/poikkeamispaatos-rantakatu-5/"


def _proxy_config(workdir: Path, port: int, upstream: int) -> Path:
    temp = " ".join(
        f"{name}_temp_path {workdir / name};" for name in ("client_body", "proxy", "fastcgi")
    )
    user = "user root;" if os.geteuid() == 0 else ""  # (the cache is under the test's folder)
    conf = workdir / "proxy.conf"
    conf.write_text(
        f"""{user}
worker_processes 1;
pid {workdir}/proxy.pid;
error_log {workdir}/proxy-error.log;
events {{}}
http {{
    access_log off;
    {temp} uwsgi_temp_path {workdir}/uwsgi; scgi_temp_path {workdir}/scgi;
    proxy_cache_path {workdir}/cache levels=1:2 keys_zone=edge:1m;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $host;
            proxy_cache edge;
            add_header X-Cache-Status $upstream_cache_status always;
        }}
    }}
}}
"""
    )
    return conf


def test_a_caching_proxy_keeps_pages_but_never_a_personal_notice(two_sites, tmp_path):
    publish_full(sites=["city"])
    (tmp_path / "nginx").mkdir()
    (tmp_path / "proxy").mkdir()
    with nginx_serving(tmp_path / "nginx") as site:
        port = free_port()
        with run_nginx(_proxy_config(tmp_path / "proxy", port, site), port) as proxy:
            statuses = [fetch(proxy, "city.localhost", "/")[1]["X-Cache-Status"] for _ in "ab"]
            assert statuses == ["MISS", "HIT"], "the proxy caches what it may"
            _status, _headers, html = fetch(proxy, "city.localhost", NOTICE)
            assert b"Matti Meik" in html
            section = html[html.index(b'class="attachments"') :]
            attachment = re.search(rb'href="(/documents/[^"]+)"', section).group(1).decode()
            for path in (NOTICE, attachment, NOTICE, attachment):
                status, headers, _body = fetch(proxy, "city.localhost", path)
                assert status == 200 and headers["X-Cache-Status"] == "MISS", path
    stored = [p.read_bytes() for p in (tmp_path / "proxy" / "cache").rglob("*") if p.is_file()]
    assert stored, "the front page is in the cache"
    assert not [data for data in stored if b"Matti Meik" in data]


def test_an_address_with_letters_beyond_ascii_is_purged_percent_encoded(tmp_path):
    """One "ä" in an address stopped the purge of every address after it."""
    from publisher.release.purge import changed_addresses

    old, new = tmp_path / "old", tmp_path / "new"
    (old / "kesäleiri").mkdir(parents=True)
    (old / "kesäleiri" / "index.html").write_text("leiri")
    new.mkdir()
    urls = changed_addresses(old, new, "https://city.example/")
    assert urls == [
        "https://city.example/kes%C3%A4leiri/",
        "https://city.example/kes%C3%A4leiri/index.html",
    ]
