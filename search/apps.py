"""The search app: the server-side index's table, the ``search_index`` command, and the
indexer every build of the sites keeps in step (``indexer.py``, registered in
``wagtail_hooks.py``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "citysearch"  # "search" reads too much like Wagtail's own search app
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"
