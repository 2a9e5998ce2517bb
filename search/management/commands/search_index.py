"""``manage.py search_index rebuild|sync|check``: the server index against the CMS.

The CMS side is a fresh export of the live, public pages (what the static sites show).
``check`` reports what differs and exits with status 1 if anything does; ``sync`` writes
only what differs; ``rebuild`` builds the whole index anew (on Elasticsearch into a new
index, then swaps the alias). The publishing pipeline keeps the index in step by itself;
these are for repair, for moving to another backend, and for monitoring.
"""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from publisher.public import export_sites
from search.documents import export_documents
from search.server import Difference, get_index

SHOWN = 20  # ids listed per kind of difference


class Command(BaseCommand):
    help = "Rebuild, sync or check the server-side search index against the CMS."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "sync", "check"])
        parser.add_argument("--site", action="append", help="Only this site (repeatable).")

    def handle(self, *args, action: str, site: list[str] | None, **options):
        started = time.perf_counter()
        export = export_sites(site)
        documents = export_documents(export)
        index = get_index()
        scope = list(export.records)
        label = f"{index.label} index"
        if action == "rebuild":
            if site:
                raise CommandError("rebuild takes the whole index; use sync for one site")
            index.rebuild(documents)
            self.stdout.write(
                f"Rebuilt the {label}: {len(documents)} documents "
                f"in {time.perf_counter() - started:.1f} s."
            )
            return
        if action == "sync":
            difference = index.sync(documents, sites=scope)
            self.report(label, len(documents), difference)
            self.stdout.write(
                f"Synced the {label} in {time.perf_counter() - started:.1f} s: "
                f"{len(difference.missing)} added, {len(difference.stale)} updated, "
                f"{len(difference.extra)} removed."
            )
            return
        difference = index.compare(documents, sites=scope)
        self.report(label, len(documents), difference)
        if not difference.clean:
            raise CommandError(f"The {label} differs from the CMS: run `search_index sync`.")

    def report(self, label: str, count: int, difference: Difference) -> None:
        self.stdout.write(f"{count} public pages in the CMS; the {label} has:")
        for name, ids, meaning in [
            ("missing", difference.missing, "public pages the index lacks"),
            ("stale", difference.stale, "pages indexed with old content"),
            ("extra", difference.extra, "indexed pages that are not public"),
        ]:
            shown = ", ".join(str(i) for i in sorted(ids)[:SHOWN])
            more = f" (+{len(ids) - SHOWN} more)" if len(ids) > SHOWN else ""
            self.stdout.write(
                f"  {name:<8} {len(ids):>6}  {meaning}" + (f": {shown}{more}" if ids else "")
            )
