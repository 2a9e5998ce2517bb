"""``manage.py bench search``: indexing time on the corpus in full and after a single-page
publish, and what a resident's browser downloads for one search (real Chromium).

Full indexing is timed in one process with an empty memo cache: every Pagefind bundle of
every site, and a rebuild of the server index. A single-page publish is the real pipeline
(edit, ``process_pending``), with the Pagefind work and the server-index update read from
their own timers.
"""

from __future__ import annotations

import gzip
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from cms.operations.chromium import CHROMIUM, CHROMIUM_ARGS
from search import static_index
from search.documents import export_documents
from search.pagefind import STATS
from search.server import get_index

# What the generated nginx configuration compresses (text/html always, by nginx itself).
GZIP_TYPES = {
    "text/html",
    "text/css",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/javascript",
    "text/javascript",
    "text/calendar",
    "image/svg+xml",
}


def full_indexing(export) -> list[tuple[str, float, str]]:
    """(what, seconds, size) rows for indexing everything from scratch."""
    rows = []
    began = time.perf_counter()
    bundles, files, size = 0, 0, 0
    with tempfile.TemporaryDirectory(prefix="bench-pagefind-") as cache:
        for key, info in export.sites.items():
            for path, _owner, data in static_index.bundle_files(
                info, export.records[key], cache=Path(cache)
            ):
                files += 1
                size += len(data)
                bundles += path.endswith("pagefind-entry.json")
    rows.append(
        (
            f"Pagefind, all sites ({bundles} bundles)",
            time.perf_counter() - began,
            f"{files} files, {size / 1e6:.1f} MB",
        )
    )
    began = time.perf_counter()
    documents = export_documents(export)
    index = get_index()
    index.rebuild(documents)
    rows.append(
        (
            f"server index rebuild ({index.label})",
            time.perf_counter() - began,
            f"{len(documents)} documents",
        )
    )
    return rows


def single_publish(edit: Callable[[int], None], runs: int) -> dict[str, list[float]]:
    from publisher.public import process_pending

    timings: dict[str, list[float]] = {"Pagefind": [], "server index": [], "live": []}
    for n in range(runs):
        STATS.seconds = 0.0
        started = time.perf_counter()
        edit(n)
        result = process_pending()
        if result is None or not result.ok or result.index_error:
            raise RuntimeError(f"publish failed: {result}")
        timings["live"].append(result.live_at - started)
        timings["Pagefind"].append(STATS.seconds)
        timings["server index"].append(result.timings["server index"])
    return timings


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def search_download(
    roots: dict[str, Path], base_url: str, words: str
) -> dict[str, list[int]] | str:
    """Bytes one search downloads, by kind of file, in real Chromium; or why it could not
    be measured."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "Playwright is not installed (pip install -e '.[dev]')"
    if not Path(CHROMIUM).exists():
        return f"no browser at {CHROMIUM} (bin/test installs it)"
    from cms.operations.devserver import serve

    parts = urlsplit(base_url)
    try:
        server = serve({f"{key}.localhost": root for key, root in roots.items()}, port=parts.port)
    except OSError as error:
        return f"port {parts.port} is busy ({error.strerror}): stop bin/run first"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: dict[str, list[int]] = {}  # kind -> [bytes as stored, bytes nginx sends]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base_url + "/")
            seen: list = []
            page.on("requestfinished", lambda request: seen.append(request))
            page.get_by_role("searchbox").first.fill(words)
            page.keyboard.press("Enter")
            page.wait_for_selector("#search-results li", timeout=30_000)
            page.wait_for_load_state("networkidle")
            for request in seen:
                response = request.response()
                body = response.body() if response else b""
                kind = _kind(urlsplit(request.url).path)
                total = sizes.setdefault(kind, [0, 0])
                total[0] += len(body)
                total[1] += _sent(
                    body, response.headers.get("content-type", "") if response else ""
                )
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return sizes


def _sent(body: bytes, content_type: str) -> int:
    """Bytes nginx sends for a body: gzip level 6 for the types its config compresses
    (``publisher.release.nginx``); Pagefind's own files are gzip already and go as they are."""
    mime = content_type.split(";")[0].strip()
    return len(gzip.compress(body, 6)) if mime in GZIP_TYPES else len(body)


def _kind(path: str) -> str:
    if "/pagefind/" not in path:
        return "search page (HTML, CSS, JS)"
    name = path.rsplit("/", 1)[-1]
    if name.startswith(("pagefind.js", "pagefind-worker", "wasm.")):
        return "Pagefind runtime (JS, WebAssembly)"
    if name.endswith((".json", ".pf_meta")):
        return "bundle entries and metadata"
    if name.endswith(".pf_index"):
        return "index chunks"
    if name.endswith(".pf_filter"):
        return "filters"
    return "result fragments"
