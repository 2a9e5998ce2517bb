"""``manage.py verify_privacy``: search every store for removed personal data (ended
notices' and every other kind's).

Stores: every text column of every database table (pages, revisions, log entries,
comments, search tables, task results), media files, the static output (every release,
Pagefind bundles, the build state and the search memo cache) and Elasticsearch when it is
configured. Exits 1 naming the store, the kind and the item of each finding."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.removal import services


class Command(BaseCommand):
    help = "Check that no store holds personal data whose lifetime has ended."

    def handle(self, *args, **options) -> None:
        began = time.perf_counter()
        findings = services.verify(now=timezone.now())
        seconds = time.perf_counter() - began
        for finding in findings:
            self.stderr.write(str(finding))
        if findings:
            self.stderr.write(f"{len(findings)} finding(s) in {seconds:.1f} s")
            raise SystemExit(1)
        self.stdout.write(f"No personal data found whose lifetime has ended ({seconds:.1f} s).")
