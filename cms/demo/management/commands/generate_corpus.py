"""``manage.py generate_corpus --pages N``: a deterministic benchmark corpus."""

import time

from django.core.management.base import BaseCommand, CommandError

from cms.demo.corpus import corpus_count, corpus_generate
from cms.demo.guard import refuse_in_production


class Command(BaseCommand):
    help = "Grow the benchmark corpus to N pages spread over the five sites and three languages."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True, help="Total corpus pages wanted.")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, **options):
        refuse_in_production("generate_corpus")
        pages = options["pages"]
        if pages < 0 or pages > 1_000_000:
            raise CommandError("--pages must be between 0 and 1,000,000.")
        started = time.monotonic()

        def progress(done: int) -> None:
            if done % 1000 == 0:
                rate = done / (time.monotonic() - started)
                self.stdout.write(f"  {done} pages ({rate:.0f}/s)")

        created = corpus_generate(pages=pages, seed=options["seed"], progress=progress)
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Corpus has {corpus_count()} pages: {created} created in {elapsed:.1f} s."
            )
        )
