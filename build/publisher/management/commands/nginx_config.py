"""``manage.py nginx_config``: nginx server blocks for the five static sites."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.core.models import SiteProfile
from publisher.nginx import SiteServer, config


class Command(BaseCommand):
    help = "Write nginx server blocks (hosts, cache and security headers) for every site."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Write here instead of standard output.")
        parser.add_argument(
            "--listen", help="Address:port to listen on (default: each site's port from sites/)."
        )
        parser.add_argument("--certificate", help="TLS certificate: serve HTTPS with HSTS.")
        parser.add_argument(
            "--http-listen",
            help="With --certificate: address:port whose plain HTTP redirects to HTTPS "
            "(default: 80; 'off' for none).",
        )
        parser.add_argument("--certificate-key", help="TLS private key for --certificate.")
        parser.add_argument(
            "--root", type=Path, help="Output folder as seen by nginx (default: OUTPUT_DIR)."
        )

    def handle(self, *args, **options):
        https = bool(options["certificate"])
        if https != bool(options["certificate_key"]):
            raise CommandError("--certificate and --certificate-key go together.")
        root = Path(options["root"] or settings.OUTPUT_DIR).resolve()
        redirect = options["http_listen"] or "80"
        redirect = "" if redirect == "off" else redirect
        servers = [
            SiteServer(
                key=profile.key,
                hostname=profile.site.hostname,
                root=root / profile.key / "current",
                listen=options["listen"] or str(443 if https else profile.site.port),
                https=https,
                certificate=options["certificate"] or "",
                certificate_key=options["certificate_key"] or "",
                origin=profile.site.root_url,
                default=profile.site.is_default_site,
                redirect_listen=redirect if https else "",
            )
            for profile in SiteProfile.objects.select_related("site").order_by("key")
        ]
        text = config(servers)
        if options["output"]:
            options["output"].write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {len(servers)} server blocks to {options['output']}")
        else:
            self.stdout.write(text)
