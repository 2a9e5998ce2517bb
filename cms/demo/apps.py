"""App configuration for demo content and the benchmark corpus."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "cms.demo"
    label = "demo"
    verbose_name = _("Demo content")
