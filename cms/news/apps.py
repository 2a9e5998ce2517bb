"""App configuration for news and press releases."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "cms.news"
    label = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the workflow assignment)
