"""What each page type weighs, as the budget counts it (its HTML and the stylesheet,
gzip-compressed): ``python -m tests.weights <output folder>`` prints the heaviest page of
each type across the sites. ``tests/e2e/test_static_quality.py`` holds every page to the
budget; this prints the table."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

BUDGET = 30 * 1024
SITES = ("city", "tourism", "business", "events", "climate")


def heaviest(output: Path) -> tuple[int, dict[str, tuple[int, int, str]]]:
    """The stylesheet's compressed size, and per page type (HTML compressed, HTML, page)."""
    css = len(gzip.compress((output / "city/current/theme/css/site.css").read_bytes(), 9))
    found: dict[str, tuple[int, int, str]] = {}
    for site in SITES:
        root = output / site / "current"
        items = json.loads((root / "api/v1/pages.json").read_text())["items"]
        pages = [(item["kind"], item["url"]) for item in items if "korpus" not in item["url"]]
        for kind, url in [*pages, ("search", "/haku/"), ("components", "/components/")]:
            html = (root / url.lstrip("/") / "index.html").read_bytes()
            size = len(gzip.compress(html, 9))
            if size > found.get(kind, (0, 0, ""))[0]:
                found[kind] = (size, len(html), f"{site}{url}")
    return css, found


def main(output: Path) -> None:
    css, found = heaviest(output)
    print("| page type | heaviest page | HTML | HTML gzip | + CSS gzip | total | budget |")
    print("|---|---|---|---|---|---|---|")
    for kind, (size, raw, page) in sorted(found.items(), key=lambda item: -item[1][0]):
        print(f"| {kind} | {page} | {raw:,} | {size:,} | {css:,} | {size + css:,} | {BUDGET:,} |")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
