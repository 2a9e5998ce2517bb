"""News articles and press releases.

Press releases live under their own listing page, which carries the "Review by
communications" workflow. Their permission testers let only communications staff publish
them without that review: Wagtail's create view, edit view, action menus and bulk actions
all ask these testers, so no admin path skips the review.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StreamBlock
from wagtail.fields import StreamField
from wagtail.models import PagePermissionTester
from wagtail.search import index

from cms.core.blocks import ContactCardBlock, article_blocks
from cms.core.pages import CityPage
from cms.core.workflows import user_can_publish_press_releases

INDEX_PARENTS = ["pages.HomePage", "pages.SectionIndexPage"]


class PressReleasePermissionTester(PagePermissionTester):
    """Only communications staff may publish a press release without review."""

    def can_publish(self):
        return super().can_publish() and user_can_publish_press_releases(self.user)

    def can_publish_subpage(self):
        return super().can_publish_subpage() and user_can_publish_press_releases(self.user)


class NewsIndexPage(CityPage):
    """Lists news articles, newest first."""

    parent_page_types = INDEX_PARENTS
    subpage_types = ["news.NewsArticlePage"]

    class Meta:
        verbose_name = _("news listing")
        verbose_name_plural = _("news listings")


class PressReleaseIndexPage(CityPage):
    """Lists press releases. Every page below it goes through communications' review."""

    parent_page_types = INDEX_PARENTS
    subpage_types = ["news.PressReleasePage"]

    class Meta:
        verbose_name = _("press release listing")
        verbose_name_plural = _("press release listings")

    def permissions_for_user(self, user):
        # The create view decides from the parent whether "publish" is possible at all.
        return PressReleasePermissionTester(user, self)


class ContactsBlock(StreamBlock):
    contact = ContactCardBlock()


class ArticlePage(CityPage):
    """Fields shared by news articles and press releases."""

    date = models.DateTimeField(
        _("date"), default=timezone.now, help_text=_("Shown as the article's date.")
    )
    resident_headline = models.CharField(
        _("resident headline"),
        max_length=120,
        help_text=_("A plain-language headline for residents, used in listings and feeds."),
    )
    media_headline = models.CharField(
        _("media headline"),
        max_length=160,
        blank=True,
        help_text=_("The headline offered to news media."),
    )
    body = StreamField(article_blocks(), verbose_name=_("body"))
    contacts = StreamField(
        ContactsBlock(),
        blank=True,
        verbose_name=_("for more information"),
        help_text=_("Who journalists and residents can contact about this."),
    )

    content_panels = [
        *CityPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("resident_headline"), FieldPanel("media_headline")],
            heading=_("Headlines"),
        ),
        FieldPanel("date"),
        FieldPanel("body"),
        FieldPanel("contacts"),
    ]
    search_fields = [
        *CityPage.search_fields,
        index.SearchField("resident_headline"),
        index.SearchField("media_headline"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if not self.lead.strip():
            errors["lead"] = _("An article needs a lead.")
        if not len(self.body):
            errors["body"] = _("An article needs a body text.")
        if errors:
            raise ValidationError(errors)


class NewsArticlePage(ArticlePage):
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class PressReleasePage(ArticlePage):
    """A press release: needs a media headline and a contact, and is reviewed before it goes
    out. Embargoes use Wagtail's scheduled publishing ("go live" date)."""

    parent_page_types = ["news.PressReleaseIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def permissions_for_user(self, user):
        return PressReleasePermissionTester(user, self)

    def clean(self):
        super().clean()
        errors = {}
        if not self.media_headline.strip():
            errors["media_headline"] = _("A press release needs a media headline.")
        if not len(self.contacts):
            errors["contacts"] = _("A press release needs a contact for more information.")
        if errors:
            raise ValidationError(errors)
