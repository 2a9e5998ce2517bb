"""Event pages, event listings and translatable event categories.

Times are stored in UTC and entered and shown in Europe/Helsinki (``TIME_ZONE``), so an
event at 18:00 stays at 18:00 local time across daylight-saving changes.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.core.blocks import article_blocks
from cms.core.control_chars import refuse_controls
from cms.core.identity_check import refuse_codes
from cms.core.pages import CityPage

# Longer than this is almost certainly a typing error (a year typed wrong), not an event.
MAX_EVENT_DURATION = timedelta(days=366)


@register_snippet
class EventCategory(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_category_slug_locale")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        refuse_controls(self)
        refuse_codes(self)  # a category's name is shown on every event page and feed


class EventIndexPage(CityPage):
    """Lists events: upcoming first, then past, by month in the static calendar."""

    parent_page_types = ["pages.HomePage", "pages.SectionIndexPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event listing")
        verbose_name_plural = _("event listings")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    CHILDREN = "children", _("Children")
    YOUTH = "youth", _("Young people")
    FAMILIES = "families", _("Families")
    ADULTS = "adults", _("Adults")
    SENIORS = "seniors", _("Seniors")
    BUSINESSES = "businesses", _("Businesses")


class EventPage(CityPage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue_name = models.CharField(_("venue"), max_length=160)
    venue_address = models.CharField(_("venue address"), max_length=250, blank=True)
    organiser = models.CharField(_("organiser"), max_length=160)
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    is_free = models.BooleanField(_("free of charge"), default=False)
    price = models.CharField(
        _("price"),
        max_length=120,
        blank=True,
        help_text=_('For example "10 € / 5 € (children)". Leave empty when free of charge.'),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    categories = ParentalManyToManyField(
        EventCategory, blank=True, related_name="events", verbose_name=_("categories")
    )
    body = StreamField(article_blocks(), blank=True, verbose_name=_("description"))

    content_panels = [
        *CityPage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], heading=_("Time")
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("venue_address")], heading=_("Place")
        ),
        FieldPanel("organiser"),
        FieldPanel("audience"),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("price")], heading=_("Price")),
        FieldPanel("registration_url"),
        FieldPanel("categories"),
        FieldPanel("body"),
    ]
    search_fields = [
        *CityPage.search_fields,
        index.SearchField("venue_name"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors: dict[str, str] = {}
        if self.start and self.end:
            if self.end < self.start:
                errors["end"] = _("The event cannot end before it starts.")
            elif self.end - self.start > MAX_EVENT_DURATION:
                errors["end"] = _("An event can last at most a year; check the dates.")
        if self.is_free and self.price.strip():
            errors["price"] = _("A free event has no price; clear the price or the checkbox.")
        if not self.is_free and not self.price.strip():
            errors["price"] = _("Give the price, or mark the event free of charge.")
        elif not self.is_free and not any(character.isdigit() for character in self.price):
            # Search engines and calendars read the amount (schema.org offers.price).
            errors["price"] = _('Give the price in euros as a number, for example "8 €".')
        if self.registration_url and not self.registration_url.startswith("https://"):
            errors["registration_url"] = _("The registration link must start with https://.")
        if errors:
            raise ValidationError(errors)
