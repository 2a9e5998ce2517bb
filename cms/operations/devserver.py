"""A small static server for development: serves every site's live release, chosen by the
Host header (city.localhost:8080 -> output/city/current). Production uses nginx
(``manage.py nginx_config``); this server mirrors its headers, redirects and "410 Gone"
answers closely enough for tests."""

from __future__ import annotations

import mimetypes
import os
import posixpath
import re
from functools import lru_cache, partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from publisher.public import PARTS_FOLDER, cache_control, expand_parts

for extension, mime in {
    ".ics": "text/calendar; charset=utf-8",
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/json; charset=utf-8",
}.items():
    mimetypes.add_type(mime, extension)


# Pages nginx answers only as errors, never at their own address.
INTERNAL = {"/404.html", "/410.html"}
MAP_LINE = re.compile(r'^"([^"]*)" "?([^"]*)"?;$')


@lru_cache(maxsize=64)
def _map(path: Path, stamp: float) -> dict[str, str]:
    """The entries of one of a release's nginx maps (``address_files.py``)."""
    entries = {}
    for line in path.read_text("utf-8").splitlines():
        match = MAP_LINE.match(line.strip())
        if match:
            entries[match[1]] = match[2]
    return entries


def address_entry(root: Path, name: str, uri: str) -> str | None:
    path = root / ".nginx" / name
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None
    return _map(path, stamp).get(uri)


def _internal(path: str) -> bool:
    """What nginx never answers at its own address: the site parts, its maps, the
    ``.noindex`` markers (``publisher/release/nginx.py``)."""
    first = path.lstrip("/").split("/", 1)[0]
    return first in (PARTS_FOLDER, ".nginx") or path.endswith(".noindex")


class SitesHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, sites: dict[str, Path], **kwargs) -> None:
        self.sites = sites
        super().__init__(*args, directory=".", **kwargs)

    def site_root(self) -> Path | None:
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        root = self.sites.get(host)
        return root.resolve() if root and root.exists() else None

    def translate_path(self, path: str) -> str:
        root = self.site_root()
        if root is None:
            return "/nonexistent"
        clean = posixpath.normpath(unquote(urlsplit(path).path))
        if "\0" in clean or clean in INTERNAL or _internal(clean):
            return "/nonexistent"  # (nginx: a NUL is a 400; the error pages are internal)
        target = (root / clean.lstrip("/")).resolve()
        # Never serve anything outside the site's release (e.g. "/../../etc/passwd").
        if root not in target.parents and target != root:
            return "/nonexistent"
        return str(target)

    def old_address(self) -> bool:
        """Answer a redirected (301) or removed (410) address as nginx does; True if so."""
        root = self.site_root()
        if root is None:
            return False
        uri = posixpath.normpath(unquote(urlsplit(self.path).path))
        uri += "/" if self.path.split("?")[0].endswith("/") and uri != "/" else ""
        if uri.startswith("/.nginx/"):
            self.send_error(HTTPStatus.NOT_FOUND)
            return True
        target = address_entry(root, "redirects.map", uri)
        if target:
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        if address_entry(root, "gone.map", uri):
            self.send_error(HTTPStatus.GONE)
            return True
        return False

    def do_GET(self) -> None:
        if not self.old_address() and not self.page_with_parts():
            super().do_GET()

    def page_with_parts(self) -> bool:
        """Send an HTML page with its site parts put in, as nginx's SSI does; True if so."""
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path = Path(self.translate_path(self.path))
        if os.path.isdir(path):
            if not urlsplit(self.path).path.endswith("/"):
                return False  # the handler's own redirect to the address with its "/"
            path = path / "index.html"
        if host not in self.sites or path.suffix != ".html" or not os.path.isfile(path):
            return False
        body = self.with_parts(path)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return True

    def with_parts(self, page: Path) -> bytes:
        """The page's bytes with its site parts put in (written beside ``current``)."""
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        where = self.sites[host].parent / PARTS_FOLDER
        return expand_parts(page.read_text("utf-8"), where).encode("utf-8")

    def do_HEAD(self) -> None:
        if not self.old_address():
            super().do_HEAD()

    def send_error(self, code, message=None, explain=None):
        root = self.site_root()
        name = {HTTPStatus.NOT_FOUND: "404.html", HTTPStatus.GONE: "410.html"}.get(code)
        page = root / name if root and name else None
        if page and page.exists():
            body = self.with_parts(page)
            self.send_response(code)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def list_directory(self, path):
        # A folder without its index.html is no page: nginx (autoindex off) answers no
        # listing either.
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def personal(self) -> bool:
        """The file answered holds personal data (the publisher's ``.noindex`` marker)."""
        local = Path(self.translate_path(self.path))
        # (os.path's tests, not Path's: a name too long for the disk, ENAMETOOLONG, is
        # no file rather than an error that drops the connection; nginx answers 404.)
        return os.path.isfile(f"{local}.noindex") or os.path.isfile(local / "index.html.noindex")

    def end_headers(self) -> None:
        personal = self.personal()
        self.send_header("Cache-Control", cache_control(urlsplit(self.path).path, personal))
        if personal:
            self.send_header("X-Robots-Tag", "noindex, nofollow, noarchive")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def serve(sites: dict[str, Path], host: str = "127.0.0.1", port: int = 8080) -> ThreadingHTTPServer:
    """A started-but-not-running server; call ``serve_forever`` (or run it in a thread)."""
    return ThreadingHTTPServer((host, port), partial(SitesHandler, sites=sites))
