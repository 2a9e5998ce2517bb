"""A small static server for development: serves every site's live release, chosen by the
Host header (city.localhost:8080 -> output/city/current). Production uses nginx
(``manage.py nginx_config``); this server mirrors its headers closely enough for tests."""

from __future__ import annotations

import mimetypes
import posixpath
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

for extension, mime in {
    ".ics": "text/calendar; charset=utf-8",
    ".avif": "image/avif",
    ".webp": "image/webp",
    ".xml": "application/xml; charset=utf-8",
    ".json": "application/json; charset=utf-8",
}.items():
    mimetypes.add_type(mime, extension)


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
        target = (root / clean.lstrip("/")).resolve()
        # Never serve anything outside the site's release (e.g. "/../../etc/passwd").
        if root not in target.parents and target != root:
            return "/nonexistent"
        return str(target)

    def send_error(self, code, message=None, explain=None):
        root = self.site_root()
        page = root / "404.html" if root else None
        if code == HTTPStatus.NOT_FOUND and page and page.exists():
            body = page.read_bytes()
            self.send_response(code)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "strict-origin-when-cross-origin")
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


def serve(sites: dict[str, Path], host: str = "127.0.0.1", port: int = 8080) -> ThreadingHTTPServer:
    """A started-but-not-running server; call ``serve_forever`` (or run it in a thread)."""
    return ThreadingHTTPServer((host, port), partial(SitesHandler, sites=sites))
