"""Demo content and benchmarks never run under production settings: the demo creates a
superuser whose password is printed in the README, and the benchmarks grow the corpus and
edit pages of a live database."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.translation import gettext as _


def refuse_in_production(command: str) -> None:
    if settings.PRODUCTION:
        raise CommandError(
            _(
                "%(command)s is for development and testing machines: it does not run under "
                "production settings (DJANGO_SETTINGS_MODULE=%(settings)s)."
            )
            % {"command": command, "settings": settings.SETTINGS_MODULE}
        )
