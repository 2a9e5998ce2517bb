"""Every page type of every site at 375, 768 and 1280 px, as Chromium draws it behind
nginx, against its reference in ``docs/screenshots`` (``compare.py``: a page whose
changed pixels pass the budget, or whose size changed, fails). After a change to the
look, ``bin/test tests/visual --update-screenshots`` writes the new references; review
them as any other change. (axe-core and HTML_CodeSniffer check every page type in every
language at the same widths: ``tests/e2e/test_browser.py``.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browsers import settle
from tests.pagetypes import page_types

from . import compare

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

REFERENCES = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
WIDTHS = {375: 812, 768: 1024, 1280: 800}


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("site", ["city", "tourism", "business", "events", "climate"])
def test_every_page_type_looks_as_its_reference(frozen, browser, request, tmp_path, site, width):
    update = request.config.getoption("--update-screenshots")
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]})
    tab = context.new_page()
    changed = []
    for kind, _lang, path in page_types(frozen.roots[site], every_language=False):
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
