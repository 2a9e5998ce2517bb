"""``manage.py publish``: build the queued changes (what the worker does), or with ``--full
[--site S]`` rebuild the static sites from scratch; either way switch them live."""

from django.core.management.base import BaseCommand, CommandError

from cms.core.models import SiteProfile
from publisher.builds.full import PublishResult, publish_full
from publisher.release.lock import build_lock
from publisher.worker.queue import process_pending


class Command(BaseCommand):
    help = "Build the static sites from the published content and make them live."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Rebuild every output.")
        parser.add_argument("--site", action="append", help="Only this site (repeatable).")

    def handle(self, *args, **options):
        if not options["full"]:
            if options["site"]:
                raise CommandError("--site needs --full: queued changes are built together.")
            result = process_pending()
            if result is None:
                self.stdout.write("Nothing queued: the live sites are up to date.")
                return
            self._report(result)
            return
        known = set(SiteProfile.objects.values_list("key", flat=True))
        sites = options["site"]
        unknown = sorted(set(sites or []) - known)
        if unknown:
            raise CommandError(
                f"Unknown site(s): {', '.join(unknown)}. Known: {', '.join(sorted(known))}."
            )
        total = len(sites or known)
        done: list[str] = []

        def progress(site: str, stage: str) -> None:
            done.append(site)
            bar = "#" * len(done) + "-" * (total - len(done))
            self.stdout.write(f"[{bar}] {len(done)}/{total} {site} {stage}")

        with build_lock():  # never at the same time as the worker's build
            result = publish_full(sites=sites, progress=progress)
        self._report(result)

    def _report(self, result: PublishResult) -> None:
        for outcome in result.sites:
            if outcome.error:
                self.stderr.write(
                    self.style.ERROR(
                        f"{outcome.site}: FAILED, live site unchanged: {outcome.error}"
                    )
                )
            else:
                where = outcome.release or "unchanged"
                self.stdout.write(f"{outcome.site}: {outcome.files} files -> {where}")
        timings = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings.items())
        self.stdout.write(f"Timings: {timings}")
        if not result.ok:
            raise CommandError("Some sites failed to build; their live versions were kept.")
