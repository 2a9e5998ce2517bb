"""A real nginx serving the generated configuration the way a city runs it: its worker
processes run as an unprivileged user (``www-data``), so a file the publisher leaves
unreadable to others answers 403 here exactly as in production."""

from __future__ import annotations

import gzip
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import time_machine

from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from wagtail.models import Site

from cms.demo.services import demo_load
from cms.deploy.nginx import standalone
from publisher.builds.full import publish_full
from publisher.release import folders as release
from tests.net import free_port
from tests.procs import children, uid

SITES = ["city", "tourism", "business", "events", "climate"]


@dataclass
class BuiltSites:
    """The built sites as nginx serves them: on this port, from these release folders."""

    port: int
    roots: dict[str, Path]

    def url(self, site: str, path: str = "/") -> str:
        return f"http://{site}.localhost:{self.port}{path}"


@contextmanager
def demo_served(
    django_db_blocker,
    tmp_path_factory,
    add: Callable[[], None] = lambda: None,
    at: datetime | None = None,
) -> Iterator[BuiltSites]:
    """The demo (and what ``add`` adds to it), loaded and built (with the clock held at
    ``at``, if given) in a transaction rolled back afterwards, and served by the generated
    nginx, its workers as www-data, as the city serves it; yields the served sites. The
    database is only needed to build the files."""

    output, media = tmp_path_factory.mktemp("output"), tmp_path_factory.mktemp("media")
    workdir = tmp_path_factory.mktemp("nginx")
    port = free_port()
    clock = time_machine.travel(at, tick=False) if at else nullcontext()
    with (
        django_db_blocker.unblock(),
        override_settings(OUTPUT_DIR=output, MEDIA_ROOT=media),
        clock,
    ):
        caches["default"].clear()
        with transaction.atomic():
            demo_load()
            Site.objects.update(port=port)
            add()
            result = publish_full()
            assert result.ok, [s.error for s in result.sites]
            roots = {site: release.current(site) for site in SITES}
            conf = write_config(workdir, port)
            transaction.set_rollback(True)
        caches["default"].clear()
    with run_nginx(conf, port):
        yield BuiltSites(port=port, roots=roots)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 301 is an answer to check, not to follow


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(port: int, host: str, path: str) -> tuple[int, dict[str, str], bytes]:
    """One request to nginx on loopback, as a client that does not follow redirects."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{urllib.parse.quote(path)}",
        headers={"Host": host, "Accept-Encoding": "gzip"},
    )
    try:
        with _opener.open(request, timeout=5) as response:
            status, headers, body = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, dict(error.headers), error.read()
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return status, headers, body


def traversable(folder: Path) -> None:
    """pytest makes its temporary folders 0700 (root's own); let the web server's user pass
    through them, as it passes through a real deployment's folders. Only folders under the
    system's temporary directory, which these tests made, are touched."""
    temporary = Path(tempfile.gettempdir()).resolve()
    for parent in [folder, *folder.parents]:
        if parent == temporary or temporary not in parent.parents:
            break
        mode = parent.stat().st_mode
        parent.chmod(mode | 0o001)


def write_config(workdir: Path, port: int) -> Path:
    """nginx.conf for a free loopback port with the generated server blocks (reads the
    database's sites: call it while they are as the test wants them)."""
    traversable(Path(settings.OUTPUT_DIR))
    traversable(Path(settings.MEDIA_ROOT))
    generated = workdir / "sites.conf"
    call_command("nginx_config", "--listen", f"127.0.0.1:{port}", "--output", str(generated))
    return standalone(workdir, generated)


@contextmanager
def run_nginx(conf: Path, port: int) -> Iterator[int]:
    """nginx with ``conf`` until the block ends; yields the port."""
    binary = shutil.which("nginx")
    assert binary, "nginx is installed by bin/test"
    check = subprocess.run([binary, "-t", "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([binary, "-c", str(conf), "-g", "daemon off;"])
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def nginx_serving(workdir: Path) -> Iterator[int]:
    """The generated configuration served on a free loopback port; yields the port."""
    port = free_port()
    with run_nginx(write_config(workdir, port), port) as running:
        yield running


def worker_users(workdir: Path, settle: float = 5.0) -> set[str]:
    """The users nginx's worker processes run as. A worker is forked as root and then
    drops to its user: on a busy machine the first look can come in between, so root is
    only reported when it stays (``settle`` seconds)."""
    master = int((workdir / "nginx.pid").read_text())
    deadline = time.monotonic() + settle
    while True:
        ids = {uid(pid) for pid in children(master)}
        users = {pwd.getpwuid(i).pw_name for i in ids if i is not None}
        if "root" not in users or time.monotonic() > deadline:
            return users
        time.sleep(0.1)


def unanswered(port: int, host: str, root: Path) -> dict[str, int]:
    """Every file of the release at ``root`` fetched through nginx: the paths that did not
        answer 200, with their status. Markers (``.noindex``) and the address maps are meant to
    be 404 and skipped."""
    failures = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.endswith(".noindex"):
            continue
        relative = "/" + str(path.relative_to(root))
        if relative in {"/404.html", "/410.html"} or relative.startswith("/.nginx/"):
            continue  # internal: error pages, and the maps nginx includes
        status, _headers, _body = fetch(port, host, relative)
        if status != 200:
            failures[relative] = status
    return failures


def reload(workdir: Path, answers: Callable[[], bool]) -> None:
    """Reload nginx as the deployment's reload unit does (``nginx -t`` first, then
    ``nginx -s reload``), and wait until its new workers alone run and ``answers()``."""
    conf = workdir / "nginx.conf"
    binary = shutil.which("nginx")
    check = subprocess.run([binary, "-t", "-q", "-c", str(conf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    # Old workers finish what they hold while new ones start: wait for the new ones alone.
    # The old ones are noted before the signal (after it, new ones may be among them).
    master = int((workdir / "nginx.pid").read_text())
    before = set(children(master))
    subprocess.run([binary, "-s", "reload", "-c", str(conf)], check=True)
    in_a_row = 0
    for _ in range(200):
        fresh = not (set(children(master)) & before)
        in_a_row = in_a_row + 1 if fresh and answers() else 0
        if in_a_row == 3:
            return
        time.sleep(0.05)
    raise AssertionError("nginx did not answer as expected after the reload")
