"""``python -m tests.validators <output folder>``: every validator on every built site (the
live release under ``<output>/<site>/current``), a table of errors and warnings."""

from __future__ import annotations

import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from . import atom, calendars, sitemaps, structured


def main(output: Path) -> int:
    roots = {
        site.name: site / "current"
        for site in sorted(output.iterdir())
        if (site / "current").is_dir()
    }
    now = datetime.now(UTC)
    findings = (
        atom.validate(roots, now)
        + calendars.validate(roots)
        + sitemaps.validate(roots, now.date())
        + structured.validate(roots)
    )
    files = {
        "atom": sum(len(atom.feeds(r)) for r in roots.values()),
        "ical": sum(len(calendars.calendars(r)) for r in roots.values()),
        "sitemap": len(roots),
        "structured": sum(len(structured.pages(r)) for r in roots.values()),
    }
    counts = Counter((f.validator, f.severity) for f in findings)
    print(f"{'validator':<12}{'files':>7}{'errors':>8}{'warnings':>10}")
    for name, checked in files.items():
        print(f"{name:<12}{checked:>7}{counts[(name, 'error')]:>8}{counts[(name, 'warning')]:>10}")
    for finding in findings[:50]:
        print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
