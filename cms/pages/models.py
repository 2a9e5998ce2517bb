"""General page types: one home page per site and locale, section indexes, content pages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.core.blocks import content_blocks, top_task_blocks
from cms.core.pages import CityPage

# Page types that may sit directly under a home page or a section.
SECTION_CHILDREN = [
    "pages.SectionIndexPage",
    "pages.ContentPage",
    "news.NewsIndexPage",
    "news.PressReleaseIndexPage",
    "events.EventIndexPage",
]


class HomePage(CityPage):
    """The root of one site in one language. Created by ``sync_sites``."""

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required when a hero image is chosen."),
    )
    # What most residents come for (daycare, waste, parking...): the first links of the
    # home page, chosen by its editors.
    top_tasks = StreamField(
        top_task_blocks(),
        blank=True,
        max_num=8,
        verbose_name=_("top tasks"),
        help_text=_("At most eight links to what residents most often come to do."),
    )
    body = StreamField(content_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [
        *CityPage.content_panels,
        FieldPanel("hero_image"),
        FieldPanel("hero_alt"),
        FieldPanel("top_tasks"),
        FieldPanel("body"),
    ]
    search_fields = [*CityPage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_CHILDREN

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Describe the hero image.")})


class SectionIndexPage(CityPage):
    """A section of a site (for example "Housing and environment") listing its pages."""

    body = StreamField(content_blocks(), blank=True, verbose_name=_("body"))

    content_panels = [*CityPage.content_panels, FieldPanel("body")]
    search_fields = [*CityPage.search_fields, index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.SectionIndexPage"]
    subpage_types = SECTION_CHILDREN

    class Meta:
        verbose_name = _("section index")
        verbose_name_plural = _("section indexes")


class ContentPage(CityPage):
    """A service or information page: the bulk of a municipal site."""

    body = StreamField(content_blocks(), verbose_name=_("body"))

    content_panels = [*CityPage.content_panels, FieldPanel("body")]
    search_fields = [*CityPage.search_fields, index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.SectionIndexPage", "pages.ContentPage"]
    subpage_types = ["pages.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def clean(self):
        super().clean()
        # Django's blank check does not see an empty stream; only the admin form would.
        if not len(self.body):
            raise ValidationError({"body": _("A content page needs some content.")})
