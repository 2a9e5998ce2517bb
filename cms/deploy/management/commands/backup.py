"""``manage.py backup``: the database, media files and the notices' audit log in one
checked archive; older backups in the folder are pruned."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.deploy import backup
from cms.removal import keys


class Command(BaseCommand):
    help = "Back up the database, media files and audit log into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="A .tar.gz file, or a folder to write one in (default: VAR_DIR/backups).",
        )
        parser.add_argument(
            "--keep-days",
            type=float,
            default=float(os.environ.get("BACKUP_KEEP_DAYS", "30")),
            help="Delete backups in the folder older than this (default 30; 0 keeps all).",
        )

    def handle(self, *args, **options):
        now = timezone.now()
        output = options["output"] or Path(settings.VAR_DIR) / "backups"
        try:
            made = backup.create(output, now)
        except (backup.BackupError, OSError) as error:
            raise CommandError(f"Backup failed: {error}") from error
        self.stdout.write(f"Backed up {made.files} files to {made.path} ({made.size} bytes)")
        self.stdout.write(
            f"The personal data of {made.sealed} items is sealed under their own keys "
            f"(in {keys.folder()}; each destroyed when the item's data is removed)"
        )
        if options["keep_days"] > 0:
            for path in backup.prune(made.path.parent, options["keep_days"], now):
                self.stdout.write(f"Deleted the old backup {path.name}")
        if made.skipped:
            raise CommandError(
                "The backup is incomplete: these entries of the media folder are no file "
                "that can be read (a named pipe, a device, a link to nothing): "
                + "; ".join(made.skipped[:20])
            )
        if made.left:
            # The backup is kept (a backup is needed), but it is not what it should be.
            raise CommandError(
                "The backup holds personal values readable until it is deleted (values of "
                "items on view that could not be sealed, or data a removal took away that "
                "the database still shows: see verify_privacy): " + "; ".join(made.left[:20])
            )
