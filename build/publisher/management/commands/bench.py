"""``manage.py bench build``: time a full build of every site and print a table.

Speed is measured here, never in a timed test. Use a database with the benchmark corpus
(``generate_corpus --pages 10000``); ``--corpus N`` grows it first if needed.
"""

from __future__ import annotations

import resource

from django.core.management.base import BaseCommand, CommandError

from cms.demo.corpus import corpus_count, corpus_generate
from publisher.publish import publish_full


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux: the peak resident size of this process so far.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Benchmarks: `build` times a full build of all sites (export, render, write)."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["build"])
        parser.add_argument("--corpus", type=int, default=10000, help="Corpus pages wanted.")
        parser.add_argument("--runs", type=int, default=3, help="Full builds to time.")

    def handle(self, *args, **options):
        if corpus_count() < options["corpus"]:
            self.stdout.write(f"Growing the corpus to {options['corpus']} pages...")
            corpus_generate(pages=options["corpus"])
        from wagtail.models import Page

        pages = Page.objects.live().filter(depth__gt=2).count()
        rows = []
        for run in range(1, options["runs"] + 1):
            result = publish_full()
            if not result.ok:
                raise CommandError(f"build failed: {[s.error for s in result.sites]}")
            files = sum(site.files for site in result.sites)
            rows.append((run, result.timings, files, peak_mb()))

        self.stdout.write(f"\nFull build of 5 sites, {pages} live pages (fi, sv, en)\n")
        header = (
            f"{'run':>3} | {'export s':>8} | {'render+write s':>14} | {'render cpu s':>12} | "
            f"{'write cpu s':>11} | {'live s':>6} | {'cleanup s':>9} | {'files':>6} | "
            f"{'peak RSS MB':>11}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for run, timings, files, peak in rows:
            self.stdout.write(
                f"{run:>3} | {timings['export']:>8.2f} | {timings['render+write']:>14.2f} | "
                f"{timings['render (cpu)']:>12.2f} | {timings['write (cpu)']:>11.2f} | "
                f"{timings['live']:>6.2f} | {timings['cleanup']:>9.2f} | {files:>6} | {peak:>11.0f}"
            )
        best = min(row[1]["live"] for row in rows)
        self.stdout.write(f"\nbest time to live {best:.2f} s = {pages / best:.0f} pages/s")
        self.stdout.write(
            "peak RSS is this process's; render workers are forked and share the export."
        )
