"""Where a removal's leftovers are, named without the data they are about.

What a removal finds still holding an item's data goes into an incident, a log line, an
e-mail and the health check. A release's file path can itself name the person (a slug
made from a title that named them), so a file of a page is named by its site and page id.
"""

from __future__ import annotations

from pathlib import Path


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
