"""``manage.py restore ARCHIVE``: bring a backup back, then make the platform whole again
from it: migrations, the removals of notices the audit log records (replayed), the static
sites built in full, the search index rebuilt, and the privacy check.

Stop the services first (``systemctl stop kaislahti.target``): the restore refuses while
a build holds the publishing lock."""

from __future__ import annotations

import fcntl
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cms.deploy import backup
from cms.removal import receipts, services


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup`, then rebuild what comes from it."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Replace this platform's database and media."
        )

    def handle(self, *args, **options):
        if not options["yes"]:
            raise CommandError("This replaces the database and media files: add --yes.")
        lock = Path(settings.OUTPUT_DIR) / ".publish.lock"
        lock.parent.mkdir(parents=True, exist_ok=True)
        with lock.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise CommandError("A build is running: stop the services first.") from None
            try:
                restored = backup.restore(options["archive"])
            except (backup.BackupError, OSError) as error:
                raise CommandError(f"Restore failed, nothing was changed: {error}") from error
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        self.stdout.write(
            f"Restored the backup of {restored.created}: the database, "
            f"{restored.media_files} media files, {restored.receipts_added} receipts added "
            "to the audit log"
        )
        if restored.quarantined:
            self.stderr.write(
                f"{restored.quarantined} line(s) of the backup's audit log are no receipt and "
                f"were not merged: kept, with their line numbers and why, in {restored.quarantine}"
            )
        if restored.gone:
            self.stdout.write(
                "The personal data this backup sealed for these items cannot be read any more: "
                + ", ".join(f"{name} {item}" for name, item in restored.gone)
            )
            removed = {receipts.owner(receipt) for receipt in receipts.read()}
            lost = [owner for owner in restored.gone if owner not in removed]
            if lost:
                # No removal destroyed these keys: they were lost (BACKUP_KEYS_DIR).
                self.stderr.write(
                    "No removal of these items is recorded, yet their keys are gone: their "
                    "personal data must be entered again: "
                    + ", ".join(f"{name} {item}" for name, item in lost)
                )
        call_command("migrate", "--no-input", verbosity=0)
        # Removals made after the backup (the audit log has their receipts) run again.
        call_command("expire_notices", stdout=self.stdout, stderr=self.stderr)
        call_command("publish", "--full", stdout=self.stdout, stderr=self.stderr)
        call_command("search_index", "rebuild", stdout=self.stdout, stderr=self.stderr)
        # The admin's own search index: a backup holds none (it has every word of every page).
        call_command("wagtail_update_index", verbosity=0)
        # The replayed removals' proofs read the sites as they were before this build: what
        # the restored pages published again (another page quoting a removed name) is found
        # now, and those removals go again, raising their incidents if they cannot finish.
        found = {(f.kind, f.item) for f in services.verify(now=timezone.now())}
        if services.reopen(owners=found):
            services.reconcile_due()
        call_command("verify_privacy", stdout=self.stdout, stderr=self.stderr)
        self.stdout.write("Restore finished: start the services again.")
