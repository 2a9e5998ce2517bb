"""Where a removal's leftovers are, named without the data they are about.

What a removal finds still holding a notice's data goes into an incident, a log line, an
e-mail and the health check. A release's file path can itself name the person (a slug
made from a title that named them), so a file of a page is named by its site and page id;
and the removed attachments a site still serves are found from the publisher's own record
of the files each page ships, whether or not Wagtail's reference index has caught up.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def shipped_with(document_ids: Iterable[int]) -> set[int]:
    """Pages whose last build put one of the documents on a site."""
    from publisher.public import load_state

    state = load_state()
    prefixes = tuple(f"/documents/{pk}/" for pk in document_ids)
    if state is None or not prefixes:
        return set()
    return {
        record["id"]
        for records in state.export.records.values()
        for record in records
        if any(path.startswith(prefixes) for path in record.get("documents", ()))
    }


def shipped(document_ids: Iterable[int]) -> set[str]:
    """The removed attachments some site still serves, and the pages that ship them."""
    from cms.core.models import SiteProfile
    from publisher.public import current_release

    document_ids = list(document_ids)
    left = {
        f"static output (page {pk} links a removed attachment)" for pk in shipped_with(document_ids)
    }
    for key in SiteProfile.objects.values_list("key", flat=True):
        live = current_release(key)
        if live is None:
            continue
        for pk in document_ids:
            if (live / "documents" / str(pk)).exists():
                left.add(f"static output ({key}: /documents/{pk}/)")
    return left


class Namer:
    """Names a finding's place: a file in a live release by its site and the page whose
    folder holds it, anything else as it was."""

    def __init__(self) -> None:
        from publisher.public import current_release, load_state

        self.releases: dict[Path, str] = {}
        self.folders: dict[Path, str] = {}
        state = load_state()
        for site, records in (state.export.records if state else {}).items():
            live = current_release(site)
            if live is None:
                continue
            self.releases[live] = site
            for record in records:
                if record["url"].strip("/"):
                    self.folders[live / record["url"].strip("/")] = f"{site} page {record['id']}"

    def __call__(self, where: str) -> str:
        text, marker, note = where.partition(" (")
        path = Path(text)
        if not path.is_absolute():
            return where  # a table and column
        for parent in path.parents:
            if parent in self.folders:
                place = f"{self.folders[parent]}: {path.relative_to(parent)}"
                break
            if parent in self.releases:
                place = f"{self.releases[parent]}: {path.relative_to(parent)}"
                break
        else:
            return where
        return place + marker + note
