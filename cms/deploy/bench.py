"""``manage.py bench api``: ``/api/search`` as residents' tools reach it, through the
production server and nginx, loaded by ``wrk`` (Debian's) from this machine.

Two runs. **Capacity**: both rate limits raised out of reach, so the figure is what gunicorn
(production settings, its configuration file) and the database answer behind the generated
nginx. **As shipped**: the same load with the limits the deployment ships, from one client
address, which must answer 429 (nginx's, or Django's behind it) and never a 5xx.
"""

from __future__ import annotations

import http.client
import io
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from cms.deploy.nginx import standalone

HOST = "bench.localhost"
# wrk's threads count the status of every answer; done() prints the sums.
STATUS_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      io.write(string.format("status %d %d\\n", status, count))
    end
  end
end
"""
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


class BenchError(RuntimeError):
    pass


@dataclass
class Row:
    name: str
    connections: int
    per_second: float
    p50_ms: float
    p99_ms: float
    statuses: dict[int, int] = field(default_factory=dict)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, what: str, timeout: float = 60) -> None:
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        if process.poll() is not None:
            raise BenchError(f"{what} exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise BenchError(f"{what} did not answer within {timeout} s")


@contextmanager
def _serving(work: Path, limited: bool) -> Iterator[int]:
    """gunicorn with production settings behind the generated nginx; yields nginx's port."""
    port, cms_port = _free_port(), _free_port()
    out_of_reach = {} if limited else {"API_SEARCH_RATE": "1000000/s", "API_READ_RATE": "1000000/s"}
    env = {
        **os.environ,
        **out_of_reach,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # nginx speaks plain HTTP on loopback here
        "DJANGO_ALLOWED_HOSTS": HOST,
        "CITY_VAR_DIR": str(settings.VAR_DIR),
        "CMS_BIND": f"127.0.0.1:{cms_port}",
        "DJANGO_TRUSTED_PROXIES": "127.0.0.1",  # (over TCP here: nginx's address)
        "LOG_LEVEL": "WARNING",
        "RATELIMIT_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",
    }
    conf = work / ("limited.conf" if limited else "capacity.conf")
    rates = [] if limited else ["--search-rate", "1000000r/s", "--api-rate", "1000000r/s"]
    call_command(
        "nginx_config",
        *("--listen", f"127.0.0.1:{port}", "--cms-host", HOST),
        *("--cms-upstream", f"127.0.0.1:{cms_port}", "--output", str(conf), *rates),
        stdout=io.StringIO(),
    )
    folder = work / conf.stem
    folder.mkdir()
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "cms/deploy/gunicorn.conf.py"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(folder / "gunicorn.log").open("wb"),
    )
    nginx = subprocess.Popen(  # noqa: S603 - nginx with our own configuration
        [_tool("nginx"), "-c", str(standalone(folder, conf)), "-g", "daemon off;"],
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(cms_port, gunicorn, "gunicorn")
        _wait_for(port, nginx, "nginx")
        _wait_answering(port)
        yield port
    finally:
        for process in (nginx, gunicorn):
            process.terminate()
        for process in (nginx, gunicorn):
            process.wait(timeout=30)


def _wait_answering(port: int, timeout: float = 120) -> None:
    """Until the CMS answers through nginx: gunicorn listens at once, but each worker
    loads the application (several seconds) before it answers."""
    began = time.monotonic()
    while time.monotonic() - began < timeout:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", "/health/", headers={"Host": HOST})
            if connection.getresponse().status in (200, 503):
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.2)
    raise BenchError(f"the CMS did not answer within {timeout} s")


def _tool(name: str) -> str:
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if path is None:
        raise BenchError(f"{name} is not installed (apt-get install {name})")
    return path


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(port: int, path: str, connections: int, seconds: int, work: Path) -> Row:
    script = work / "statuses.lua"
    script.write_text(STATUS_SCRIPT)
    done = subprocess.run(  # noqa: S603 - wrk against our own loopback server
        [_tool("wrk"), "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
        + ["-s", str(script), "-H", f"Host: {HOST}", f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    )
    if done.returncode != 0:
        raise BenchError(f"wrk failed: {done.stderr or done.stdout}")
    out = done.stdout
    statuses: dict[int, int] = {}
    for status, count in re.findall(r"^status (\d+) (\d+)$", out, re.M):
        statuses[int(status)] = statuses.get(int(status), 0) + int(count)
    return Row(
        name="",
        connections=connections,
        per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        p99_ms=_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        statuses=statuses,
    )


def run(query: str, connections: int, seconds: int) -> list[Row]:
    path = "/api/search?" + query
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        # nginx's workers (www-data) pass through to their temporary files.
        os.chmod(work, 0o711)  # noqa: S103
        for name, limited in (("capacity (limits out of reach)", False), ("as shipped", True)):
            with _serving(work, limited) as port:
                wrk(port, path, 2, 2, work)  # warm the workers and the database's cache
                row = wrk(port, path, connections, seconds, work)
            row.name = name
            rows.append(row)
    return rows
