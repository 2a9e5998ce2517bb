"""pa11y on every page type of the built sites, in every language, at 375, 768 and 1280
px, as they are served (behind the generated nginx, at the sites' own addresses):
``python -m tests.pa11y <output folder> [site ...]`` prints a table of the pages checked
and pa11y's errors per site and width, then every error.

pa11y (HTML_CodeSniffer, WCAG2AA) is an outside check the product does not use: installed
by ``bin/test`` with npm into ``var/test-tools`` and run in Debian's Chromium. The browser
tests run the same checker in their own page loads (``tests/a11y.py``); this is pa11y
itself, as others will run it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from cms.operations.chromium import CHROMIUM
from tests.a11y import TOOLS
from tests.pagetypes import page_types

WIDTHS = (375, 768, 1280)


def pages(root: Path) -> list[str]:
    """One page of every type in every language (``tests.pagetypes``), as full addresses."""
    base = json.loads((root / "api/v1/pages.json").read_text())["base_url"]
    return [base + path for _kind, _lang, path in page_types(root)]


def run(jobs: list[tuple[str, int]]) -> list[tuple[str, int, list[str]]]:
    script = Path(__file__).with_name("pa11y_runner.cjs")
    done = subprocess.run(
        ["node", str(script)],  # noqa: S607
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        env={**os.environ, "NODE_PATH": str(TOOLS / "node_modules"), "CHROMIUM": CHROMIUM},
        check=True,
        timeout=3600,
    )
    return json.loads(done.stdout)


def main(output: Path, sites: list[str]) -> int:
    site_of = {url: site for site in sites for url in pages(output / site / "current")}
    results = run([(url, width) for url in site_of for width in WIDTHS])
    table: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for url, width, errors in results:
        counts = table[(site_of[url], width)]
        counts[0] += 1
        counts[1] += len(errors)
        failures += [f"{url} @{width}: {error}" for error in errors]
    print("| site | width | pages | pa11y errors |")
    print("|---|---|---|---|")
    for (site, width), (count, errors) in sorted(table.items()):
        print(f"| {site} | {width} | {count} | {errors} |")
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    sys.exit(
        main(
            Path(sys.argv[1]), sys.argv[2:] or ["city", "tourism", "business", "events", "climate"]
        )
    )
