"""The accessibility checkers the browser tests run in a page they have loaded: axe-core
(WCAG 2.0, 2.1 and 2.2 A and AA rules) and HTML_CodeSniffer as pa11y runs it (its fork,
``@pa11y/html_codesniffer``, standard WCAG2AA, errors only). Both are outside checks the
sites do not use; HTML_CodeSniffer comes with pa11y, which ``bin/test`` installs with npm
under ``var/test-tools``."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = Path(os.environ.get("CITY_TEST_TOOLS", ROOT / "var" / "test-tools"))
HTMLCS = TOOLS / "node_modules/@pa11y/html_codesniffer/build/HTMLCS.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@cache
def _htmlcs_script() -> str:
    if not HTMLCS.exists():
        raise RuntimeError(f"{HTMLCS} is missing: bin/test installs pa11y (npm) there")
    return HTMLCS.read_text()


def axe_violations(tab) -> list[str]:
    """axe-core's violations on the page: "rule: the first element's HTML"."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"axe {v['id']}: {v['nodes'][0]['html'][:160]}" for v in result.response["violations"]]


def htmlcs_errors(tab) -> list[str]:
    """HTML_CodeSniffer's WCAG2AA errors on the page, as pa11y reports them."""
    if not tab.evaluate("typeof window.HTMLCS !== 'undefined'"):
        # Evaluated by the browser's debugger, not as a <script>: the sites' Content
        # Security Policy (no inline scripts) stays on, as residents have it.
        tab.evaluate(_htmlcs_script() + "\n;true")
    found = tab.evaluate(
        """() => new Promise((resolve, reject) => {
            window.HTMLCS.process("WCAG2AA", window.document, (error) => {
                if (error) { reject(error); return; }
                resolve(window.HTMLCS.getMessages()
                    .filter((message) => message.type === 1)
                    .map((message) => [message.code, message.element
                        ? message.element.outerHTML.slice(0, 160) : ""]));
            });
        })"""
    )
    return [f"htmlcs {code}: {html}" for code, html in found]
