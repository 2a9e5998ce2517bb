"""Outside validators for the built sites, as residents' software and search engines check
them: Atom feeds (RFC 4287 and the W3C feed validator's warnings), calendars (``icalendar``
and ``vobject``), sitemaps (the sitemaps.org schema), structured data (``extruct``) and
hreflang sets. The product uses none of these libraries itself.

Each validator takes the built sites (``{site: folder}``) and returns ``Finding``s;
``python -m tests.validators <output folder>`` prints their counts per site.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One problem a validator found in one file."""

    validator: str
    site: str
    path: str
    message: str
    severity: str = "error"  # or "warning", as the W3C validator tells the two apart

    def __str__(self) -> str:
        return f"{self.severity}: {self.site}/{self.path}: {self.message}"
