"""The search app: the server-side index's table and the ``search_index`` command."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "citysearch"  # "search" reads too much like Wagtail's own search app
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"
