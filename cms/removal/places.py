"""Where a removal's leftovers are, named without the data they are about.

What a removal finds still holding an item's data goes into an incident, a log line, an
e-mail and the health check, so that whoever can fix it knows where: a file of a live
release and a database row of a page (its own table, revisions, log, comments) are named
by the page: its id, its site, its title (with every word of the removed values masked:
a title quoting the person must not repeat the name) and who last edited it. A release's
file path can itself name the person, so it is given relative to the page's folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_PAGE = re.compile(r" \(page (\d+)\)")
MASK = "…"


class Namer:
    """Names a finding's place: a file in a live release by its site and the page whose
    folder holds it, a page's row by the page, anything else as it was. ``needles``: the
    removed values' word hashes, masked in the titles it shows."""

    def __init__(self, needles: Any = None) -> None:
        from publisher.public import current_release, load_state

        self.needles = needles
        self.releases: dict[Path, str] = {}
        self.folders: dict[Path, tuple[str, int]] = {}
        self.pages: dict[int, str] = {}
        state = load_state()
        for site, records in (state.export.records if state else {}).items():
            live = current_release(site)
            if live is None:
                continue
            self.releases[live] = site
            for record in records:
                if record["url"].strip("/"):
                    self.folders[live / record["url"].strip("/")] = (site, int(record["id"]))

    def _masked(self, title: str) -> str:
        if self.needles is None:
            return title
        from .receipts import words

        hashed = {w for entries in self.needles.first.values() for n, _o in entries for w in n}
        word = self.needles.hasher.word

        def mask(match: re.Match) -> str:
            folded = words(match.group())
            return MASK if folded and all(word(w) in hashed for w in folded) else match.group()

        return re.sub(r"\w+", mask, title)

    def page(self, page_id: int, site: str = "") -> str:
        """ "page 12 “title” (site city, last edited by editor-city)"."""
        if page_id not in self.pages:
            from wagtail.models import Page

            found = Page.objects.filter(pk=page_id).select_related("latest_revision__user")
            page = found.first()
            if page is None:
                self.pages[page_id] = f"page {page_id} (deleted)"
            else:
                revision = page.latest_revision
                editor = getattr(revision.user, "username", "") if revision else ""
                site = site or page.url_path.strip("/").split("/", 1)[0]
                self.pages[page_id] = (
                    f"page {page_id} “{self._masked(page.title)}” (site {site}, last edited "
                    f"by {editor or 'nobody known'})"
                )
        return self.pages[page_id]

    def __call__(self, where: str) -> str:
        row = _PAGE.search(where)
        if row is not None:
            return f"{where[: row.start()]} of {self.page(int(row.group(1)))}{where[row.end() :]}"
        text, marker, note = where.partition(" (")
        path = Path(text)
        if not path.is_absolute():
            return where  # a table and column
        for parent in path.parents:
            if parent in self.folders:
                site, page_id = self.folders[parent]
                place = f"{self.page(page_id, site)}: {path.relative_to(parent)}"
                break
            if parent in self.releases:
                place = f"{self.releases[parent]}: {path.relative_to(parent)}"
                break
        else:
            return where
        return place + marker + note
