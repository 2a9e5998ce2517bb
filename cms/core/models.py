"""Per-site settings synced from ``sites/*.toml``.

The declarative files are the source of truth: the admin shows these values read-only and
``python manage.py sync_sites`` writes them.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Collection

MANAGED_HELP = _("Managed in the site's file in sites/; change it there and run sync_sites.")


@register_setting(icon="site")
class SiteProfile(BaseSiteSetting):
    """What makes one of the city's sites itself: names, languages, theme and menus."""

    key = models.SlugField(_("key"), max_length=31, unique=True, null=True, help_text=MANAGED_HELP)
    names = models.JSONField(_("names"), default=dict, help_text=MANAGED_HELP)
    taglines = models.JSONField(_("taglines"), default=dict, blank=True, help_text=MANAGED_HELP)
    languages = models.JSONField(_("languages"), default=list, help_text=MANAGED_HELP)
    theme = models.CharField(_("theme"), max_length=31, blank=True, help_text=MANAGED_HELP)
    audience = models.CharField(_("audience"), max_length=31, blank=True, help_text=MANAGED_HELP)
    contact = models.JSONField(
        _("contact details"), default=dict, blank=True, help_text=MANAGED_HELP
    )
    navigation = models.JSONField(_("navigation"), default=list, blank=True, help_text=MANAGED_HELP)
    syndicates = models.JSONField(
        _("syndicates from"), default=list, blank=True, help_text=MANAGED_HELP
    )
    accessibility_statement = models.CharField(
        _("accessibility statement page"), max_length=255, blank=True, help_text=MANAGED_HELP
    )
    collection = models.ForeignKey(
        Collection,
        verbose_name=_("media collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editors_group = models.ForeignKey(
        Group,
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("key", read_only=True),
                FieldPanel("names", read_only=True),
                FieldPanel("taglines", read_only=True),
                FieldPanel("languages", read_only=True),
                FieldPanel("theme", read_only=True),
                FieldPanel("audience", read_only=True),
                FieldPanel("contact", read_only=True),
                FieldPanel("navigation", read_only=True),
                FieldPanel("syndicates", read_only=True),
                FieldPanel("accessibility_statement", read_only=True),
            ],
            heading=_("Declared in sites/"),
        ),
        MultiFieldPanel(
            [FieldPanel("collection", read_only=True), FieldPanel("editors_group", read_only=True)],
            heading=_("Access"),
        ),
    ]

    class Meta:
        verbose_name = _("site profile")
        verbose_name_plural = _("site profiles")

    def __str__(self) -> str:
        return self.name()

    def name(self, language: str | None = None) -> str:
        """The site's name in ``language`` (the active language by default)."""
        language = (language or get_language() or "fi")[:2]
        return self.names.get(language) or self.names.get("fi") or self.key or ""
