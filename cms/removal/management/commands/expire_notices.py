"""``manage.py expire_notices``: remove the personal data of every notice whose display
period has ended (the periodic safety net of the tasks scheduled at each deadline)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.notices.due import due
from cms.removal.reconciler import reconcile_due


class Command(BaseCommand):
    help = "Remove the personal data of notices whose display period has ended."

    def handle(self, *args, **options) -> None:
        outcomes = reconcile_due()
        for outcome in outcomes:
            replayed = " (again, after a restore)" if outcome.receipt.get("replayed") else ""
            self.stdout.write(f"notice {outcome.page_id}: personal data removed{replayed}")
        left = due(timezone.now())
        if left:
            self.stderr.write(f"not finished, retried next run: {', '.join(map(str, left))}")
            raise SystemExit(1)
        self.stdout.write(f"{len(outcomes)} notice(s) reconciled; none left.")
