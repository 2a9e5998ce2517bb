"""``manage.py load_demo``: fill every site with the Kaislahti demo content in fi, sv and en."""

import time

from django.core.management.base import BaseCommand

from cms.demo.guard import refuse_in_production
from cms.demo.services import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load demo content for all five sites in Finnish, Swedish and English (idempotent)."

    def handle(self, *args, **options):
        refuse_in_production("load_demo")
        started = time.monotonic()
        created = demo_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {created} page(s) created in "
                f"{time.monotonic() - started:.1f} s. Log in as admin / {DEMO_PASSWORD}."
            )
        )
