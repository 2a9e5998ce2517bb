"""Every page type of every site at 375, 768 and 1280 px, as Chromium draws it behind
nginx, against its reference in ``docs/screenshots`` (``compare.py``: a page whose
changed pixels pass the budget, or whose size changed, fails). After a change to the
look, ``bin/test tests/visual --update-screenshots`` writes the new references; review
them as any other change. (axe-core and HTML_CodeSniffer check every page type in every
language at the same widths: ``tests/e2e/test_browser.py``.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browsers import settle

from . import compare

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

REFERENCES = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTHS = {375: 812, 768: 1024, 1280: 800}
SEARCH = {"fi": "haku", "sv": "sok", "en": "search"}


def page_types(root: Path) -> list[tuple[str, str]]:
    """(page type, address) of the first page of each kind in the site's first language,
    then its search page, its component library and its "not found" page."""
    items = json.loads((root / "api/v1/pages.json").read_text())["items"]
    languages = {item["lang"] for item in items}
    first = next(lang for lang in ("fi", "sv", "en") if lang in languages)
    found: dict[str, str] = {}
    for item in items:
        if item["lang"] == first:
            found.setdefault(item["kind"], item["url"])
    return [
        *found.items(),
        ("search", f"/{SEARCH[first]}/" if first == "fi" else f"/{first}/{SEARCH[first]}/"),
        ("components", "/components/"),
        ("404", "/404.html"),
    ]


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("site", ["city", "tourism", "business", "events", "climate"])
def test_every_page_type_looks_as_its_reference(frozen, browser, request, tmp_path, site, width):
    update = request.config.getoption("--update-screenshots")
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]})
    tab = context.new_page()
    changed = []
    for kind, path in page_types(frozen.roots[site]):
        tab.goto(frozen.url(site, path))
        settle(tab)
        shot = compare.reduced(tab.screenshot(full_page=True, animations="disabled"))
        reference = REFERENCES / site / f"{kind}-{width}.png"
        if update:
            compare.save(shot, reference)
        elif (found := compare.difference(shot, reference, tmp_path / reference.name)) is not None:
            changed.append(f"{kind} {path}: {found}")
    context.close()
    assert changed == [], "\n".join(changed)
