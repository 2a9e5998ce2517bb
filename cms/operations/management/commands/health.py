"""``manage.py health [--json]``: the platform's health checks (``cms.operations.health``); exits 1
when any fails, naming it, so a monitoring system or a cron job can alert on it."""

import json

from django.core.management.base import BaseCommand, CommandError

from cms.operations.health import report


class Command(BaseCommand):
    help = "Check publishing, the queue, the last builds and notice removals; exit 1 if failing."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, **options):
        result = report()
        if options["json"]:
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            for check in result["checks"]:
                mark = "ok" if check["ok"] else "FAILING"
                self.stdout.write(f"{mark:<8} {check['name']:<11} {check['message']}")
        if result["status"] != "ok":
            failing = ", ".join(c["name"] for c in result["checks"] if not c["ok"])
            raise CommandError(f"failing: {failing}")
