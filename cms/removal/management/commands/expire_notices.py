"""``manage.py expire_notices``: remove the personal data of every item whose lifetime has
ended, notices' and every other kind's (the periodic safety net of the tasks scheduled at
each deadline; the name is from when notices were the only kind)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.removal import services


class Command(BaseCommand):
    help = "Remove the personal data of notices (and every kind) whose lifetime has ended."

    def handle(self, *args, **options) -> None:
        outcomes = services.reconcile_due()
        for outcome in outcomes:
            replayed = " (again, after a restore)" if outcome.receipt.get("replayed") else ""
            self.stdout.write(f"{outcome.kind} {outcome.item}: personal data removed{replayed}")
        left = services.due(now=timezone.now())
        if left:
            named = ", ".join(f"{name} {item}" for name, item in left)
            self.stderr.write(f"not finished, retried next run: {named}")
            raise SystemExit(1)
        self.stdout.write(f"{len(outcomes)} removal(s) finished; none left.")
