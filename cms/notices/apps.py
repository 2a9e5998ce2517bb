"""App configuration for official notices."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "cms.notices"
    label = "notices"
    verbose_name = _("Official notices")

    def ready(self) -> None:
        from cms.core import link_check

        from . import groups, links

        groups.connect()
        link_check.RULES.append(links.personal_attachment)
