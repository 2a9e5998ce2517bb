"""App configuration of the removal of personal data: its models, tasks and commands, and
the notices' registration as the first kind (``notices/``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemovalConfig(AppConfig):
    name = "cms.removal"
    label = "removal"
    verbose_name = _("Removal of personal data")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .notices import schedule

        schedule.connect()
