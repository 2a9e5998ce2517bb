"""``manage.py publish --full [--site S]``: build the static sites and switch them live."""

from django.core.management.base import BaseCommand, CommandError

from cms.core.models import SiteProfile
from publisher.publish import publish_full


class Command(BaseCommand):
    help = "Build the static sites from the published content and make them live."

    def add_arguments(self, parser):
        parser.add_argument("--full", action="store_true", help="Rebuild every output.")
        parser.add_argument("--site", action="append", help="Only this site (repeatable).")

    def handle(self, *args, **options):
        if not options["full"]:
            raise CommandError("Only full builds exist so far: pass --full.")
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

        result = publish_full(sites=sites, progress=progress)
        for outcome in result.sites:
            if outcome.error:
                self.stderr.write(
                    self.style.ERROR(
                        f"{outcome.site}: FAILED, live site unchanged: {outcome.error}"
                    )
                )
            else:
                self.stdout.write(f"{outcome.site}: {outcome.files} files -> {outcome.release}")
        timings = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings.items())
        self.stdout.write(f"Timings: {timings}")
        if not result.ok:
            raise CommandError("Some sites failed to build; their live versions were kept.")
