"""``manage.py systemd_units``: the platform's systemd units (the CMS under gunicorn, the
publishing and media workers, the scheduler, and their target), written to a folder."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.deploy.units import Install, files
from publisher.public import write_file


class Command(BaseCommand):
    help = "Write the systemd units of the platform's services into a folder."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", type=Path, required=True)
        parser.add_argument("--user", default="kaislahti", help="The services' own user.")
        parser.add_argument(
            "--env-file",
            type=Path,
            default=Path("/etc/kaislahti/env"),
            help="The services' environment (settings module, secret key, database, ...).",
        )

    def handle(self, *args, **options):
        install = Install(
            root=Path(settings.BASE_DIR).resolve(),
            python=Path(sys.executable),
            var_dir=Path(settings.VAR_DIR).resolve(),
            user=options["user"],
            env_file=options["env_file"].resolve(),
        )
        folder: Path = options["output_dir"]
        folder.mkdir(parents=True, exist_ok=True)
        units = files(install)
        for name, text in units.items():
            write_file(folder / name, text.encode())  # whole or not at all
        self.stdout.write(f"Wrote {len(units)} units to {folder}")
