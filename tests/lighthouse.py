"""Lighthouse on every page type of the built sites, as they are served (behind the
generated nginx, at the sites' own addresses): ``python -m tests.lighthouse <output folder>
[site ...]`` prints a table of the four category scores per page.

Lighthouse is an outside check the product does not use: installed with npm into
``var/lighthouse`` on first use (12.x, the last to run on Node 20), and run in Debian's
Chromium with the platform's headless flags.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from cms.operations.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.pagetypes import page_types

VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
KINDS = (
    "home",
    "section",
    "content",
    "news_index",
    "news",
    "press_index",
    "press",
    "event_index",
    "event",
    "notice_index",
    "notice",
)


def lighthouse(folder: Path) -> Path:
    binary = folder / "node_modules/.bin/lighthouse"
    if not binary.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "i", "-E", f"lighthouse@{VERSION}"], cwd=folder, check=True)  # noqa: S607
    return binary


def pages(root: Path) -> list[tuple[str, str]]:
    """(kind, absolute URL) of the first page of each kind in the site's first language,
    its search page (with a query) and its component library (``tests.pagetypes``)."""
    base = json.loads((root / "api/v1/pages.json").read_text())["base_url"]
    found = {kind: path for kind, _lang, path in page_types(root, every_language=False)}
    found["search"] += "?q=kirjasto"
    return [
        (kind, base + found[kind]) for kind in (*KINDS, "search", "components") if kind in found
    ]


def scores(binary: Path, url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as profile:
        flags = " ".join([*CHROMIUM_ARGS, "--headless=new", f"--user-data-dir={profile}"])
        done = subprocess.run(
            [str(binary), url, "--output=json", "--quiet", f"--chrome-flags={flags}"],
            capture_output=True,
            text=True,
            env={**os.environ, "CHROME_PATH": CHROMIUM},
            timeout=300,
        )
    report = json.loads(done.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(output: Path, sites: list[str]) -> None:
    binary = lighthouse(Path(os.environ.get("CITY_VAR_DIR", "var")) / "lighthouse")
    print(f"| site | page type | {' | '.join(CATEGORIES)} |")
    print("|---|---|" + "---|" * len(CATEGORIES))
    for site in sites:
        for kind, url in pages(output / site / "current"):
            found = scores(binary, url)
            row = " | ".join(str(found[name]) for name in CATEGORIES)
            print(f"| {site} | {kind} | {row} |", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:] or ["city", "tourism", "business", "events", "climate"])
