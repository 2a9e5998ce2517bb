"""App configuration: the publisher's management commands (publish, nginx_config, ...)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublisherConfig(AppConfig):
    name = "publisher"
    label = "publisher"
    verbose_name = _("Static publishing")

    def ready(self) -> None:
        from . import reserved, signals
        from .export import redirect_checks

        signals.connect()
        redirect_checks.install(reserved.redirect_taken)
