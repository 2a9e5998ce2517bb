"""``manage.py sync_sites``: apply ``sites/*.toml`` to Wagtail's sites, settings and groups."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from cms.core.services import sites_sync
from cms.core.site_config import SiteConfigError


class Command(BaseCommand):
    help = "Create or update the Wagtail sites, home pages, settings and groups from sites/*.toml."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, help="Folder of site files (default: sites/).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would change, change nothing."
        )

    def handle(self, *args, **options):
        try:
            report = sites_sync(directory=options["dir"], dry_run=options["dry_run"])
        except SiteConfigError as exc:
            raise CommandError(f"{exc}\nNothing was changed.") from exc
        for line in report.changes:
            self.stdout.write(f"  {line}")
        for line in report.warnings:
            self.stderr.write(self.style.WARNING(f"  warning: {line}"))
        summary = f"{len(report.changes)} change(s)" if report.changes else "already in sync"
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING(f"Dry run, nothing written: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Sites synced: {summary}."))
