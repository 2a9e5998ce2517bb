"""``manage.py two_factor_reset USERNAME``: remove an editor's authenticator app and recovery
codes (a lost phone, after the editor's identity has been checked); the next sign-in sets up
a new app."""

from __future__ import annotations

from django_otp import devices_for_user

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Remove a user's two-factor devices: they set up a new app at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, **options):
        try:
            user = get_user_model().objects.get(username=options["username"])
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user {options['username']!r}.") from None
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        self.stdout.write(f"Removed {len(devices)} two-factor devices of {user.get_username()}")
