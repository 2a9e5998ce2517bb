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


def _pieces(title: str, masked: list) -> list[str]:
    """``title`` cut at the ``masked`` matches, each replaced by ``MASK``."""
    out, at = [], 0
    for match in sorted(set(masked), key=lambda m: m.start()):
        out += [title[at : match.start()], MASK]
        at = match.end()
    return [*out, title[at:]]


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
        """``title`` with every run of words that is a removed value masked."""
        if self.needles is None:
            return title
        from .receipts import words

        tokens = [(m, folded) for m in re.finditer(r"\w+", title) for folded in words(m.group())]
        hashed = [self.needles.hasher.word(folded) for _m, folded in tokens]
        masked: set[int] = set()
        for i, first in enumerate(hashed):
            for needle, _owner in self.needles.first.get(first, []):
                if tuple(hashed[i : i + len(needle)]) == needle:
                    masked |= {id(tokens[j][0]) for j in range(i, i + len(needle))}
        return "".join(_pieces(title, [m for m, _f in tokens if id(m) in masked]))

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

    def media(self, path: Path) -> str | None:
        """A document or image by its id, title, uploader and use, so that whoever reads
        the incident knows which one to fix or delete in the admin."""
        from django.conf import settings

        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import ReferenceIndex

        root = Path(settings.MEDIA_ROOT)
        if root not in path.parents:
            return None
        name = path.relative_to(root).as_posix()
        for label, model in (("document", get_document_model()), ("image", get_image_model())):
            found = model.objects.filter(file=name).select_related("uploaded_by_user").first()
            if found is None:
                continue
            user = getattr(found.uploaded_by_user, "username", "") or "nobody known"
            users = ReferenceIndex.get_references_to(found).group_by_source_object()
            pages = [f"{getattr(source, 'pk', '')}" for source, _refs in users]
            use = f"used by page(s) {', '.join(pages)}" if pages else "used by no page"
            return (
                f"{label} {found.pk} “{self._masked(found.title)}” (uploaded by {user}, {use}): "
                f"{self._masked(path.name)}"
            )
        return None

    def __call__(self, where: str) -> str:
        text = where.partition(" (")[0]
        if Path(text).is_absolute() and (named := self.media(Path(text))) is not None:
            return named + where[len(text) :]
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
