"""App configuration of the CMS layer's views, hooks and commands."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "cms.operations"
    label = "operations"
    verbose_name = _("Operations")
