"""``manage.py serve_sites``: serve the five static sites locally, by host name."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.core.models import SiteProfile
from cms.operations.devserver import serve


class Command(BaseCommand):
    help = "Serve every site's live release at http://<site>.localhost:<port>/ (development)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8080)

    def handle(self, *args, **options):
        sites = {
            profile.site.hostname: Path(settings.OUTPUT_DIR) / profile.key / "current"
            for profile in SiteProfile.objects.select_related("site")
        }
        server = serve(sites, options["host"], options["port"])
        for hostname in sites:
            self.stdout.write(f"  http://{hostname}:{options['port']}/")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            server.server_close()
