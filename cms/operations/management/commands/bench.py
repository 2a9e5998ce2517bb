"""``manage.py bench build|publish|search|notices``: time full builds, single changes going
live, search indexing and what one search downloads (``cms.operations.benchsearch``), or a notice's
deadline to the last copy of its personal data gone (``cms.operations.benchnotices``).

Speed is measured here, never in a timed test. Use a database with the benchmark corpus
(``generate_corpus --pages 10000``); ``--corpus N`` grows it first if needed.
"""

from __future__ import annotations

import os
import resource
import time

from django.core.management.base import BaseCommand, CommandError

from cms.demo.corpus import corpus_count, corpus_generate
from cms.demo.guard import refuse_in_production
from publisher.public import PeakTreeMemory, publish_full


def peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux: the peak resident size of this process so far.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Benchmarks: `build` times a full build of all sites (export, render, write)."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["build", "publish", "search", "notices", "api"])
        parser.add_argument("--corpus", type=int, default=10000, help="Corpus pages wanted.")
        parser.add_argument("--runs", type=int, default=3, help="Builds or edits to time.")
        parser.add_argument(
            "--connections", type=int, default=32, help="api: wrk's open connections."
        )
        parser.add_argument("--seconds", type=int, default=10, help="api: each wrk run's length.")

    def handle(self, *args, **options):
        refuse_in_production("bench")
        if corpus_count() < options["corpus"]:
            self.stdout.write(f"Growing the corpus to {options['corpus']} pages...")
            corpus_generate(pages=options["corpus"])
        from wagtail.models import Page

        pages = Page.objects.live().filter(depth__gt=2).count()
        if options["what"] == "publish":
            return self.bench_publish(pages, max(options["runs"], 5))
        if options["what"] == "search":
            return self.bench_search(pages, max(options["runs"], 5))
        if options["what"] == "notices":
            return self.bench_notices(pages, options["runs"])
        if options["what"] == "api":
            return self.bench_api(pages, options["connections"], options["seconds"])
        rows = []
        for run in range(1, options["runs"] + 1):
            with PeakTreeMemory() as memory:
                result = publish_full()
            if not result.ok:
                raise CommandError(f"build failed: {[s.error for s in result.sites]}")
            files = sum(site.files for site in result.sites)
            rows.append((run, result.timings, files, peak_mb(), memory.peak_mb))
            at_peak = ", ".join(f"{name} {size:.0f}" for size, name in memory.at_peak[:6])
            self.stdout.write(f"run {run}: at the tree's peak (PSS MB): {at_peak}")

        self.stdout.write(f"\nFull build of 5 sites, {pages} live pages (fi, sv, en)\n")
        header = (
            f"{'run':>3} | {'export s':>8} | {'render+write s':>14} | {'render cpu s':>12} | "
            f"{'write cpu s':>11} | {'live s':>6} | {'cleanup s':>9} | {'files':>6} | "
            f"{'peak RSS MB':>11} | {'peak tree MB':>12}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for run, timings, files, peak, tree in rows:
            self.stdout.write(
                f"{run:>3} | {timings['export']:>8.2f} | {timings['render+write']:>14.2f} | "
                f"{timings['render (cpu)']:>12.2f} | {timings['write (cpu)']:>11.2f} | "
                f"{timings['live']:>6.2f} | {timings['cleanup']:>9.2f} | {files:>6} | "
                f"{peak:>11.0f} | {tree:>12.0f}"
            )
        best = min(row[1]["live"] for row in rows)
        self.stdout.write(f"\nbest time to live {best:.2f} s = {pages / best:.0f} pages/s")
        self.stdout.write(
            "peak RSS is this process's alone. peak tree is the memory of this process and\n"
            "its forked render workers together (the sum of their proportional set sizes,\n"
            "sampled every 50 ms): shared pages are counted once."
        )

    def built_and_idle(self) -> None:
        """Measured from a quiet start: nothing queued, and every site built once."""
        from publisher.public import PublishRequest, load_state

        PublishRequest.objects.all().delete()
        if load_state() is None:
            self.stdout.write("No previous build: making a full one first...")
            publish_full()

    def bench_publish(self, pages: int, runs: int) -> None:
        """Edit, publish and time until the files are live, through the real worker."""
        from cms.operations import benchpublish

        rows = benchpublish.run(runs, self.stdout.write)
        benchpublish.report(self.stdout.write, rows, pages)

    def bench_search(self, pages: int, runs: int) -> None:
        from cms.operations import benchsearch as bench
        from cms.pages.models import ContentPage
        from publisher.public import current_release, export_sites

        self.built_and_idle()
        export = export_sites()
        rows = bench.full_indexing(export)
        self.stdout.write(f"\nSearch indexing from scratch, {pages} live pages (one process)\n")
        header = f"{'index':<40} | {'seconds':>7} | size"
        self.stdout.write(header)
        self.stdout.write("-" * (len(header) + 20))
        for name, seconds, size in rows:
            self.stdout.write(f"{name:<40} | {seconds:>7.2f} | {size}")

        content = list(ContentPage.objects.live().filter(slug__startswith="content-")[:runs])

        def edit(n: int) -> None:
            page = content[n]
            page.lead = f"{page.lead.split(' [')[0]} [haku {n} {time.time_ns()}]"
            page.save_revision().publish()

        timings = bench.single_publish(edit, len(content))
        self.stdout.write(f"\nSingle-page publish, {len(content)} runs\n")
        header = f"{'step':<46} | {'median s':>8} | {'max s':>6}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for name, label in [
            ("Pagefind", "Pagefind re-index (one bundle, one language)"),
            ("server index", "server index update"),
            ("live", "publish to live, search included"),
        ]:
            values = timings[name]
            self.stdout.write(
                f"{label:<46} | {bench.median(values):>8.3f} | {max(values, default=0):>6.3f}"
            )

        roots = {key: current_release(key) for key in export.sites}
        words = "korpus"
        sizes = bench.search_download(roots, export.sites["city"].url("fi").rstrip("/"), words)
        self.stdout.write(f"\nOne search for '{words}' from the city site, all five sites\n")
        if isinstance(sizes, str):
            self.stdout.write(f"not measured: {sizes}")
            return
        header = f"{'downloaded':<40} | {'KB stored':>9} | {'KB sent (nginx gzip)':>20}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for kind, (stored, sent) in sorted(sizes.items()):
            self.stdout.write(f"{kind:<40} | {stored / 1024:>9.1f} | {sent / 1024:>20.1f}")
        stored = sum(size[0] for size in sizes.values()) / 1024
        sent = sum(size[1] for size in sizes.values()) / 1024
        self.stdout.write(f"{'total':<40} | {stored:>9.1f} | {sent:>20.1f}")

    def bench_api(self, pages: int, connections: int, seconds: int) -> None:
        from cms.deploy import bench

        query = "q=kirjasto&lang=fi"
        rows = bench.run(query, connections, seconds)
        self.stdout.write(
            f"\nGET /api/search?{query} through nginx and gunicorn (production settings), "
            f"{pages} live pages, {connections} connections, {seconds} s per run, "
            f"{os.cpu_count()} cores\n"
        )
        self.stdout.write(
            f"{'run':<32} {'requests/s':>10} {'p50 ms':>8} {'p99 ms':>8}  answers by status"
        )
        for row in rows:
            statuses = ", ".join(f"{code}: {n}" for code, n in sorted(row.statuses.items()))
            self.stdout.write(
                f"{row.name:<32} {row.per_second:>10.1f} {row.p50_ms:>8.1f} {row.p99_ms:>8.1f}"
                f"  {statuses}"
            )
        if any(code >= 500 for row in rows for code in row.statuses):
            raise CommandError("The search API answered 5xx under load.")

    def bench_notices(self, pages: int, runs: int) -> None:
        from django.utils import timezone

        from cms.operations import benchnotices as bench
        from cms.removal.privacy import verify

        self.built_and_idle()
        results = bench.run(max(runs, 2))
        began = time.perf_counter()
        findings = verify(timezone.now())
        proof = (time.perf_counter() - began, len(findings))
        for finding in findings:
            self.stderr.write(str(finding))
        bench.report(self.stdout.write, results, pages, proof)
