"""Official notices (kuulutukset): the notices section of the city site and its notice pages.

A notice knows its personal data: the structured fields that are personal by definition
(persons concerned, contact person), the spans the officer marks in the body, and the
attachments flagged as personal. Its legal timetable (``period.py``) is stored on save, so
that the reconciler finds every notice whose display period has ended with one query.
Only legal officers may edit or publish anything in the section (``permissions.py``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.core.pages import CityPage

from . import period, redaction
from .attachments import NoticeAttachment
from .forms import NoticeForm
from .panels import RemovalPanel
from .permissions import NoticePermissionTester
from .policies import (
    EARLIEST_START,
    KEEP_REDACTED,
    LATEST_LEAD,
    REMOVE,
    NoticeType,
    limits_for,
    period_errors,
    policy_for,
)

# Models of this app kept in their own modules, registered with it here; and the notice
# types and policies, which every module of the notices reads from here.
__all__ = [
    "EARLIEST_START",
    "KEEP_REDACTED",
    "LATEST_LEAD",
    "REMOVE",
    "NoticeAttachment",
    "NoticeIndexPage",
    "NoticePage",
    "NoticeType",
    "limits_for",
    "policy_for",
]
BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "personal"]


class NoticeIndexPage(CityPage):
    """The notices section: notices on view now, and the archive of ended ones."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["notices.NoticePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("notices section")
        verbose_name_plural = _("notices sections")

    def permissions_for_user(self, user):
        return NoticePermissionTester(user, self)


class NoticePage(CityPage):
    """One official notice, in one language (a Swedish version is its translation)."""

    notice_type = models.CharField(_("notice type"), max_length=32, choices=NoticeType.choices)
    legal_basis = models.CharField(
        _("legal basis"), max_length=200, help_text=_("For example: Kuntalaki 108 §.")
    )
    issuing_body = models.CharField(
        _("issuing body"), max_length=200, help_text=_("The authority that issues the notice.")
    )
    record_number = models.CharField(
        _("record number"),
        max_length=60,
        help_text=_("The record (diary) number, for example 4027/00.01.01.03/2021."),
    )
    display_from = models.DateTimeField(
        _("on view from"),
        default=timezone.now,
        help_text=_("The notice appears on the website at this time, with nobody present."),
    )
    appeal_days = models.PositiveSmallIntegerField(
        _("appeal period (days)"),
        null=True,
        blank=True,
        help_text=_("Counted from the deemed-served date, e.g. 14 for a claim for rectification."),
    )
    other_deadline = models.DateField(
        _("other deadline"),
        null=True,
        blank=True,
        help_text=_("A stated date the notice stays on view until, e.g. for opinions on a plan."),
    )
    place_on_view = models.CharField(
        _("where else on view"),
        max_length=200,
        blank=True,
        help_text=_("For example: the customer service point of the city hall."),
    )
    appeal_information = models.TextField(_("appeal information"), blank=True)
    body = RichTextField(
        _("body"),
        features=BODY_FEATURES,
        help_text=_(
            "Mark names and other personal data with the “Personal data” button: they are "
            "removed when the display period ends."
        ),
    )
    persons_concerned = models.TextField(
        _("persons concerned"),
        blank=True,
        help_text=_("Personal data: removed when the display period ends."),
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    newspaper = models.CharField(_("newspaper"), max_length=120, blank=True)
    newspaper_date = models.DateField(_("newspaper publication date"), null=True, blank=True)

    # The timetable, stored on save (Europe/Helsinki rules in period.py).
    deemed_served = models.DateField(_("deemed served"), editable=False, null=True)
    last_day = models.DateField(_("last day on view"), editable=False, null=True)
    ends_at = models.DateTimeField(_("display ends"), editable=False, null=True, db_index=True)
    personal_data_removed_at = models.DateTimeField(
        _("personal data removed"), editable=False, null=True
    )

    parent_page_types = ["notices.NoticeIndexPage"]
    subpage_types: list[str] = []
    base_form_class = NoticeForm
    # A copy is a notice of its own: its display starts when it is made (its own period,
    # its timetable worked out again), and it has not had its personal data removed
    # (whatever the original has). A translation is the same notice: see ``save``.
    exclude_fields_in_copy = [
        "display_from",
        "deemed_served",
        "last_day",
        "ends_at",
        "personal_data_removed_at",
    ]

    # Fields whose whole value is personal data (removed when the period ends).
    PERSONAL_FIELDS = redaction.PERSONAL_FIELDS
    # Fields the scanner reads (everything an officer types).
    SCANNED_FIELDS = (
        "title",
        "lead",
        "legal_basis",
        "issuing_body",
        "record_number",
        "place_on_view",
        "appeal_information",
        *PERSONAL_FIELDS,
        "newspaper",
    )

    content_panels = [
        *CityPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("notice_type"),
                FieldPanel("issuing_body"),
                FieldPanel("record_number"),
                FieldPanel("legal_basis"),
            ],
            heading=_("Notice"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("display_from"),
                FieldRowPanel([FieldPanel("appeal_days"), FieldPanel("other_deadline")]),
                FieldPanel("place_on_view"),
                FieldPanel("appeal_information"),
            ],
            heading=_("Display period"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("persons_concerned"),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
            ],
            heading=_("Personal data"),
        ),
        RemovalPanel(heading=_("Removal of personal data")),
        InlinePanel("attachments", label=_("Attachments")),
        FieldRowPanel(
            [FieldPanel("newspaper"), FieldPanel("newspaper_date")],
            heading=_("Newspaper publication"),
        ),
        FieldPanel("confirm_personal_data"),
    ]
    # The display period decides when a notice goes live: Wagtail's own schedule is hidden.
    settings_panels: list = []
    # The admin's search sees the matter, never the personal fields.
    search_fields = [
        *CityPage.search_fields,
        index.SearchField("record_number"),
        index.SearchField("issuing_body"),
        index.FilterField("notice_type"),
        index.FilterField("ends_at"),
    ]
    api_fields: list = []  # not in the live read API: its data expires

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def permissions_for_user(self, user):
        return NoticePermissionTester(user, self)

    @property
    def policy(self) -> str:
        return policy_for(self.notice_type)

    def timetable(self) -> period.Timetable:
        return period.timetable(
            self.display_from, appeal_days=self.appeal_days, other_deadline=self.other_deadline
        )

    def ended(self, now=None) -> bool:
        return self.ends_at is not None and (now or timezone.now()) >= self.ends_at

    def _store_timetable(self) -> None:
        if self.display_from is None:
            return
        table = self.timetable()
        self.deemed_served, self.last_day, self.ends_at = (
            table.deemed_served,
            table.last_day,
            table.ends_at,
        )

    def clean(self):
        super().clean()
        errors = period_errors(self)
        if not errors:
            self._store_timetable()
        if bool(self.newspaper) != bool(self.newspaper_date):
            errors["newspaper_date"] = _("Give both the newspaper and its publication date.")
        if errors:
            raise ValidationError(errors)
        # Publishing in the admin before the display starts schedules it for that moment.
        future = self.display_from and self.display_from > timezone.now()
        self.go_live_at = self.display_from if future else None

    def save(self, *args, **kwargs):
        if self.pk is None:
            # A new language version is the same notice: it is on view for the same period.
            source = (
                NoticePage.objects.filter(translation_key=self.translation_key)
                .exclude(locale_id=self.locale_id)
                .first()
            )
            if source is not None:
                self.display_from = source.display_from
        self._store_timetable()
        return super().save(*args, **kwargs)
