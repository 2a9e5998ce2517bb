"""App configuration: the publisher's management commands (publish, nginx_config, ...)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublisherConfig(AppConfig):
    name = "publisher"
    label = "publisher"
    verbose_name = _("Static publishing")

    def ready(self) -> None:
        from cms.core.pages import PREVIEW

        from . import redirect_checks, signals, tasks
        from .preview import preview_html

        signals.connect()
        tasks.connect()
        PREVIEW["html"] = preview_html
        redirect_checks.install()
