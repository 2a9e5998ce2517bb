"""App configuration of the notices' removal: its tasks, schedule and commands."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemovalConfig(AppConfig):
    name = "cms.removal"
    label = "removal"
    verbose_name = _("Removal of personal data")

    def ready(self) -> None:
        from . import schedule

        schedule.connect()
