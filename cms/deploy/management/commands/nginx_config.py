"""``manage.py nginx_config``: nginx's configuration for the five static sites and, with
``--cms-host``, the CMS behind gunicorn."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.core.models import SiteProfile
from cms.deploy import nginx as cms_nginx
from publisher.public import SiteServer, nginx_config, write_file


class Command(BaseCommand):
    help = (
        "Write nginx server blocks (hosts, cache and security headers) for every site, and "
        "for the CMS with --cms-host."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Write here instead of standard output.")
        parser.add_argument(
            "--listen",
            help="Address:port the sites listen on (default: each site's port from sites/, "
            "or 443 with --certificate).",
        )
        parser.add_argument("--certificate", help="TLS certificate: serve HTTPS with HSTS.")
        parser.add_argument("--certificate-key", help="TLS private key for --certificate.")
        parser.add_argument(
            "--http-listen",
            help="With --certificate: address:port whose plain HTTP redirects to HTTPS "
            "(default: 80; 'off' for none).",
        )
        parser.add_argument(
            "--root", type=Path, help="Output folder as seen by nginx (default: OUTPUT_DIR)."
        )
        parser.add_argument("--cms-host", help="The CMS's host name: adds its server block.")
        parser.add_argument(
            "--cms-listen", help="Address:port of the CMS (default: as --listen, else 443 or 80)."
        )
        parser.add_argument(
            "--cms-upstream",
            help="gunicorn's address (default: CMS_BIND, else its unix socket in the "
            "runtime folder).",
        )
        parser.add_argument("--search-rate", default="10r/s", help="Per client, /api/search.")
        parser.add_argument("--api-rate", default="20r/s", help="Per client, /api/v2/.")

    def handle(self, *args, **options):
        https = bool(options["certificate"])
        if https != bool(options["certificate_key"]):
            raise CommandError("--certificate and --certificate-key go together.")
        root = Path(options["root"] or settings.OUTPUT_DIR).resolve()
        redirect = options["http_listen"] or "80"
        redirect = "" if redirect == "off" else redirect
        tls = {
            "https": https,
            "certificate": options["certificate"] or "",
            "certificate_key": options["certificate_key"] or "",
            "redirect_listen": redirect if https else "",
        }
        servers = [
            SiteServer(
                key=profile.key,
                hostname=profile.site.hostname,
                root=root / profile.key / "current",
                listen=options["listen"] or str(443 if https else profile.site.port),
                origin=profile.site.root_url,
                default=profile.site.is_default_site,
                **tls,
            )
            for profile in SiteProfile.objects.select_related("site").order_by("key")
        ]
        text = nginx_config(servers)
        if options["cms_host"]:
            cms = cms_nginx.CmsServer(
                hostname=options["cms_host"],
                listen=options["cms_listen"] or options["listen"] or ("443" if https else "80"),
                upstream=options["cms_upstream"] or cms_nginx.default_upstream(settings.VAR_DIR),
                static_root=Path(settings.STATIC_ROOT).resolve(),
                media_root=Path(settings.MEDIA_ROOT).resolve(),
                search_rate=options["search_rate"],
                api_rate=options["api_rate"],
                **tls,
            )
            text += "\n" + cms_nginx.config(cms)
        if options["output"]:
            # Whole or not at all: nginx may be reloaded while this runs.
            write_file(options["output"], text.encode())
            blocks = len(servers) + (1 if options["cms_host"] else 0)
            self.stdout.write(f"Wrote {blocks} server blocks to {options['output']}")
        else:
            self.stdout.write(text)
