"""The admin under its Content-Security-Policy, in Chromium, as ``bin/run`` serves it (the
development server on the demo): every kind of page's edit and add view, the listings of
images, documents, snippets, reports and settings, an inline panel's new child, the date
pickers and the live preview run with no violation and no script error; a script that
does not carry the response's nonce does not run."""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator

import pytest

from cms.demo.services import DEMO_PASSWORD
from cms.operations.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.net import free_port

from .conftest import Platform, wait_for

pytestmark = pytest.mark.slow

# One page of each kind and its parent, as ``{label: [page, parent, app, model]}``, and the
# edit views of an image and a document, a page's history, every snippet's listing and form.
KINDS = """
import json
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models
kinds = {}
for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
    meta = page.specific_class._meta
    kinds.setdefault(
        meta.label_lower, [page.pk, page.get_parent().pk, meta.app_label, meta.model_name]
    )
paths = [
    f"/admin/images/{Image.objects.first().pk}/",
    f"/admin/documents/edit/{Document.objects.first().pk}/",
    f"/admin/pages/{Page.objects.filter(depth=3).first().pk}/history/",
    f"/admin/pages/{Page.objects.filter(depth=3).first().pk}/",
]
for model in get_snippet_models():
    meta = model._meta
    paths += [f"/admin/snippets/{meta.app_label}/{meta.model_name}/"]
    paths += [f"/admin/snippets/{meta.app_label}/{meta.model_name}/add/"]
print(json.dumps({"kinds": kinds, "paths": paths}))
"""
FIXED = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/documents/",
    "/admin/documents/multiple/add/",
    "/admin/snippets/",
    "/admin/reports/locked/",
    "/admin/reports/site-history/",
    "/admin/workflows/list/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/redirects/",
    "/admin/account/",
    "/admin/sites/",
    "/admin/locales/",
]
# Links never followed: they act, or lead out of the admin's views.
SKIPPED = re.compile(r"logout|delete|unpublish|revert|/copy/|/move/|lock|/approve|/reject|\?")


@pytest.fixture(scope="module")
def cms(platform: Platform) -> Iterator[str]:
    """The CMS as ``bin/run`` serves it; yields its origin."""
    port = free_port()
    process = platform.start("runserver", f"127.0.0.1:{port}", "--noreload")
    origin = f"http://127.0.0.1:{port}"
    wait_for(lambda: _answers(origin), timeout=60, interval=0.2)
    yield origin
    process.terminate()
    process.wait(timeout=30)


def _answers(origin: str) -> bool:
    try:
        with urllib.request.urlopen(f"{origin}/admin/login/", timeout=5) as response:  # noqa: S310 - http only
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def tab(cms: str) -> Iterator[tuple[object, list[str]]]:
    """A logged-in tab, and what went wrong in it: every CSP violation Chromium reported and
    every script error, from the page and its frames."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    problems: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.on("console", lambda message: _violation(page, message, problems))
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        page.goto(f"{cms}/admin/login/")
        page.fill("#id_username", "admin")
        page.fill("#id_password", DEMO_PASSWORD)
        with page.expect_navigation():
            page.click("button[type=submit]")
        yield page, problems
        browser.close()


def _violation(page, message, problems: list[str]) -> None:
    if message.type != "error" or "Content Security Policy" not in message.text:
        return
    problems.append(f"{page.url}: ({message.location.get('url', '')}) {message.text}")


def _visit(page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, (url, response and response.status)
    # Scripts that run after load (Stimulus controllers, the sidebar) report too.
    page.wait_for_load_state("networkidle")


def _distinct(problems: list[str]) -> dict[str, str]:
    """Each problem once, with the first address that showed it."""
    seen: dict[str, str] = {}
    for problem in problems:
        url, text = problem.split(": ", 1)
        seen.setdefault(re.sub(r"\d+", "N", text)[:300], url)
    return seen


def test_every_view_of_the_admin_runs_under_the_policy(platform: Platform, cms: str, tab):
    page, problems = tab
    found = json.loads(platform.shell(KINDS))
    kinds = found["kinds"]
    assert {"events.eventpage", "news.newsarticlepage", "notices.noticepage"} <= set(kinds)
    paths = FIXED + found["paths"]
    for pk, parent, app, model in kinds.values():
        paths += [f"/admin/pages/{pk}/edit/", f"/admin/pages/add/{app}/{model}/{parent}/"]
    _visit(page, f"{cms}/admin/")
    # And whatever the sidebar and the dashboard lead to (the project's own views).
    links = "els => els.map(e => e.getAttribute('href'))"
    for href in page.eval_on_selector_all("a[href^='/admin/']", links):
        if not SKIPPED.search(href) and href not in paths:
            paths.append(href)
    for path in paths:
        _visit(page, cms + path)
    assert _distinct(problems) == {}
    assert len(paths) > 40


def test_the_nonced_scripts_run_and_no_other_does(platform: Platform, cms: str, tab):
    page, problems = tab
    kinds = json.loads(platform.shell(KINDS))["kinds"]
    # A notice's attachments are an inline panel: its set-up script and its new child's
    # come with the nonce (the child's from a template, run when it is added).
    _visit(page, f"{cms}/admin/pages/{kinds['notices.noticepage'][0]}/edit/")
    children = page.locator("#id_attachments-FORMS > *")
    before = children.count()
    page.click("#id_attachments-ADD")
    wait_for(lambda: children.count() == before + 1, timeout=10)
    event = kinds["events.eventpage"][0]
    _visit(page, f"{cms}/admin/pages/{event}/edit/")
    policy = page.evaluate(
        "async () => (await fetch(location.href)).headers.get('content-security-policy')"
    )
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    # The date pickers' set-up scripts (inline, with the nonce) ran.
    assert page.locator(".xdsoft_datetimepicker").count() >= 2
    # The live preview, in its frame.
    page.click("[data-side-panel-toggle='preview']")
    page.frame_locator("#w-preview-iframe").locator("main").wait_for(timeout=30_000)
    assert problems == []
    # What an injected script would be: refused.
    ran = page.evaluate(
        """() => { const s = document.createElement('script');
        s.textContent = 'window.injected = 1'; document.body.append(s); return window.injected; }"""
    )
    assert ran is None
    wait_for(lambda: any("Content Security Policy" in p for p in problems), timeout=5)
    problems.clear()
