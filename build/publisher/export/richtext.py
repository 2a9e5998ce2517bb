"""Rich text from the database turned into public HTML without a query per link.

Wagtail stores links as ``<a linktype="page" id="12">``; its own expander looks each one
up. The export already knows every public page's address, so links are rewritten from that
map in one pass. A link to a page that is not public is dropped (its text is kept), so a
static site never links to a draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

from markupsafe import escape

LINK_RE = re.compile(r"<a(\s[^>]*?)?\slinktype=\"(page|document)\"([^>]*)>(.*?)</a>", re.S)
ATTR_RE = re.compile(r'(\w[\w-]*)="([^"]*)"')


def _attrs(text: str) -> dict[str, str]:
    return dict(ATTR_RE.findall(text))


class SupportsGet(Protocol):
    """What ``expand_links`` reads document addresses from (a dict, or a lazy lookup)."""

    def get(self, key: int, default: str | None = None, /) -> str | None: ...


def inert(html: str) -> str:
    """``html`` with every server-side directive made a plain comment ("<!-- #"): content
    (rich text, a site part's own text) never runs on the server, where pages go through
    nginx's SSI (``parts.py``); not even a site part's include."""
    return html.replace("<!--#", "<!-- #")


def expand_links(
    html: str,
    *,
    page_url: Callable[[int], str | None],
    document_url: SupportsGet,
) -> str:
    """Replace Wagtail's stored link markup with real ``href``s; any server-side directive
    in it is made ``inert``."""

    def replace(match: re.Match) -> str:
        attrs = _attrs((match.group(1) or "") + match.group(3))
        kind, inner = match.group(2), match.group(4)
        try:
            target_id = int(attrs.get("id", ""))
        except ValueError:
            return inner
        url = page_url(target_id) if kind == "page" else document_url.get(target_id)
        if not url:
            return inner
        return f'<a href="{escape(url)}">{inner}</a>'

    return inert(LINK_RE.sub(replace, html))
