"""The sitemap: every page a crawler may index, with its language versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import head

if TYPE_CHECKING:
    from .common import SiteOutputs

OPENING = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    b'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


def sitemap(g: SiteOutputs) -> None:
    def entry(record: dict) -> str:
        parts = [f"<url><loc>{record['full_url']}</loc>"]
        if record.get("updated"):
            parts.append(f"<lastmod>{record['updated'][:10]}</lastmod>")
        for code, url in head.alternates(record["translations"], g.site):
            parts.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{url}"/>')
        parts.append("</url>")
        return "\n".join(parts)

    # A page that holds personal data is not offered to crawlers. Each entry is made
    # once per record object in a long-lived worker (``memo.fragments``).
    offered = [record for record in g.records if not record.get("noindex")]
    parts = g.fragments("sitemap.xml", offered, entry)
    end = b"\n</urlset>\n" if parts else b"</urlset>\n"
    data = g.assembled("sitemap.xml", parts, (b"\n", OPENING, end))
    g.emit("sitemap.xml", data, owner="site")
