"""Debian's Chromium driven by Playwright, for the packages that test pages in a browser
(``tests/e2e``, ``tests/visual``)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cms.operations.chromium import CHROMIUM, CHROMIUM_ARGS


@contextmanager
def chromium() -> Iterator[object]:
    """A launched browser; skips the test where Playwright or Chromium is missing."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is installed by bin/test")
    # Playwright's sync API keeps an event loop in another greenlet of this thread; Django
    # would then refuse the test database's own (synchronous) set-up and teardown.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with playwright_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def settle(tab) -> None:
    """Every picture loaded and decoded (lazy ones too) and the fonts ready: the page as a
    reader who scrolled through it sees it, the same on every run. A picture that fails
    settles too (as broken: the tests that look for those see it)."""
    tab.evaluate(
        """async () => {
            document.querySelectorAll("img").forEach((i) => { i.loading = "eager"; });
            await Promise.all(Array.from(document.images).map((i) => i.decode().catch(() => null)));
            await document.fonts.ready;
        }"""
    )
