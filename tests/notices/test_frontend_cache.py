"""A CDN that caches every page whatever the origin says (Varnish, told to keep HTML for an
hour) in front of the generated nginx: at a notice's removal, every address its publish
changed or took away (its page, its attachment) is purged through Wagtail's frontend cache
backend as the release goes live, so the next reader gets the page without the personal
data, not the cached copy."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import time_machine

from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from tests.net import free_port
from tests.nginx import fetch, nginx_serving
from tests.notices.removal_kit import END, SECOND, START, published_notice

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("nginx") and shutil.which("varnishd")), reason="installed by bin/test"
    ),
]

VCL = """vcl 4.1;
backend default {{ .host = "127.0.0.1"; .port = "{port}"; }}
acl purgers {{ "127.0.0.1"; }}
sub vcl_recv {{
    set req.http.host = regsub(req.http.host, ":[0-9]+$", "");
    if (req.method == "PURGE") {{
        if (client.ip !~ purgers) {{ return (synth(405)); }}
        return (purge);
    }}
    return (hash);
}}
sub vcl_backend_response {{
    # Told to cache every answer for an hour, whatever the origin says.
    set beresp.ttl = 1h;
    return (deliver);
}}
sub vcl_deliver {{
    set resp.http.X-Cache = "MISS";
    if (obj.hits > 0) {{ set resp.http.X-Cache = "HIT"; }}
}}
"""


def _varnish(workdir: Path, upstream: int):
    port = free_port()
    (workdir / "default.vcl").write_text(VCL.format(port=upstream))
    process = subprocess.Popen(
        [
            shutil.which("varnishd") or "varnishd",
            "-F",
            "-j",
            "none",
            "-n",
            str(workdir / "state"),
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(workdir / "default.vcl"),
            "-s",
            "malloc,32m",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            fetch(port, "city.localhost", "/")
            return process, port
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise AssertionError("varnishd did not start")


def test_a_cdn_that_keeps_everything_forgets_the_notice_at_its_removal(
    city_content, tmp_path, settings
):
    token = "Valimuistinimi"
    with time_machine.travel(START, tick=False):
        notice = published_notice(token)
        publish_full(sites=["city"])
    page = f"/kuulutukset/{notice.slug}/"
    (tmp_path / "nginx").mkdir()
    (tmp_path / "varnish").mkdir()
    with nginx_serving(tmp_path / "nginx") as site:
        process, cache = _varnish(tmp_path / "varnish", site)
        try:
            settings.WAGTAILFRONTENDCACHE = {
                "default": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": f"http://127.0.0.1:{cache}",
                }
            }
            first, second = (fetch(cache, "city.localhost", page) for _ in "ab")
            assert token.encode() in second[2] and second[1]["X-Cache"] == "HIT"
            attachment = re.search(rb'href="(/documents/[^"]+)"', second[2])[1].decode()
            kept = [fetch(cache, "city.localhost", attachment) for _ in "ab"][1]
            assert token.encode() in kept[2] and kept[1]["X-Cache"] == "HIT"
            with time_machine.travel(END + SECOND, tick=False):
                assert notice.pk in {o.item for o in reconcile_due()}
            status, headers, body = fetch(cache, "city.localhost", page)
            assert status == 200 and token.encode() not in body
            assert headers["X-Cache"] == "MISS", "purged, fetched again from the site"
            # The attachment the removal deleted: gone from the cache too.
            status, headers, body = fetch(cache, "city.localhost", attachment)
            assert token.encode() not in body and headers["X-Cache"] == "MISS"
        finally:
            process.terminate()
            process.wait(timeout=10)
