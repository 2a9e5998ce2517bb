"""App configuration for official notices."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "cms.notices"
    label = "notices"
    verbose_name = _("Official notices")
