"""Official notices (kuulutukset): the notices section of the city site and its notice pages.

A notice knows its personal data: the structured fields that are personal by definition
(persons concerned, contact person), the spans the officer marks in the body, and the
attachments flagged as personal. Its legal timetable (``period.py``) is stored on save, so
that the reconciler finds every notice whose display period has ended with one query.
Only legal officers may edit or publish anything in the section (``permissions.py``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from cms.core.pages import CityPage

from . import period
from .forms import NoticeForm
from .permissions import NoticePermissionTester

BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "personal"]


class NoticeType(models.TextChoices):
    DECISION = "decision", _("Decision notice")
    ZONING_PLAN = "zoning_plan", _("Zoning plan")
    ENVIRONMENTAL_PERMIT = "environmental_permit", _("Environmental permit")
    BUILDING_PERMIT = "building_permit", _("Building permit, notice to neighbours")
    MINUTES = "minutes", _("Minutes on display")


KEEP_REDACTED = "keep_redacted"
REMOVE = "remove"
# What happens when the display period ends: the notice stays in the archive with its
# personal data removed, or goes from the site altogether. NOTICE_POLICIES overrides it.
DEFAULT_POLICIES = {
    NoticeType.DECISION: KEEP_REDACTED,
    NoticeType.ZONING_PLAN: KEEP_REDACTED,
    NoticeType.ENVIRONMENTAL_PERMIT: KEEP_REDACTED,
    NoticeType.BUILDING_PERMIT: REMOVE,
    NoticeType.MINUTES: REMOVE,
}


def _configured(defaults: dict, setting: str) -> dict:
    """The defaults by notice type, with what the named setting overrides."""
    return {**defaults, **getattr(settings, setting, {})}


def policy_for(notice_type: str) -> str:
    return _configured(DEFAULT_POLICIES, "NOTICE_POLICIES")[notice_type]


# The longest appeal period and the longest time on view (days from publication) a notice
# of each type can have: the statutory periods are 14 or 30 days (Kuntalaki 137 §,
# Hallintolainkäyttölaki / laki oikeudenkäynnistä hallintoasioissa 13 §) and plans and
# permits are on view for at most 30 days plus their appeal time; beyond these the date
# is a typing error that would keep personal data on view. NOTICE_LIMITS overrides them.
DEFAULT_LIMITS = {
    NoticeType.DECISION: (30, 60),
    NoticeType.ZONING_PLAN: (60, 120),
    NoticeType.ENVIRONMENTAL_PERMIT: (60, 120),
    NoticeType.BUILDING_PERMIT: (30, 60),
    NoticeType.MINUTES: (30, 60),
}
# Display starts the platform accepts: none before the city published online, none more
# than a year ahead (an embargo, not a typing error in the year).
EARLIEST_START = datetime(2000, 1, 1, tzinfo=period.HELSINKI)
LATEST_LEAD = timedelta(days=366)


def limits_for(notice_type: str) -> tuple[int, int]:
    """(most appeal days, most days on view) for notices of this type."""
    return _configured(DEFAULT_LIMITS, "NOTICE_LIMITS").get(notice_type, (0, 0))


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
    PERSONAL_FIELDS = ("persons_concerned", "contact_name", "contact_phone", "contact_email")
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

    def _period_errors(self) -> dict[str, str]:
        """What is wrong with the display period, by field (empty when it is right)."""
        start = self.display_from
        if start is None:
            return {}
        if start < EARLIEST_START or start > timezone.now() + LATEST_LEAD:
            return {
                "display_from": _(
                    "The display must start between 1 January 2000 and a year from now; "
                    "check the year."
                )
            }
        most_appeal, most_days = limits_for(self.notice_type)
        if self.appeal_days is not None and most_appeal and self.appeal_days > most_appeal:
            return {
                "appeal_days": _(
                    "An appeal period of a notice of this type is at most %(days)d days."
                )
                % {"days": most_appeal}
            }
        try:
            table = self.timetable()
        except (ValueError, OverflowError) as exc:
            field = "other_deadline" if self.other_deadline else "display_from"
            return {field: _("Impossible dates: %(reason)s.") % {"reason": exc}}
        on_view = (table.last_day - period.local_date(start)).days
        # (Moved past a weekend or holiday, a period may end a few days after its limit.)
        if most_days and on_view > most_days + 5:
            field = "other_deadline" if self.other_deadline else "appeal_days"
            return {
                field: _(
                    "The notice would stay on view until %(day)s, %(count)d days. A notice "
                    "of this type stays on view at most %(most)d days: check the date."
                )
                % {"day": table.last_day.strftime("%d.%m.%Y"), "count": on_view, "most": most_days}
            }
        return {}

    def clean(self):
        super().clean()
        errors = self._period_errors()
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


class NoticeAttachment(Orderable):
    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    personal = models.BooleanField(
        _("contains personal data"),
        default=False,
        help_text=_("Removed when the display period ends, unless a redacted version is given."),
    )
    redacted_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("redacted version"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kept in the archive in place of the original when the period ends."),
    )

    panels = [FieldPanel("document"), FieldPanel("personal"), FieldPanel("redacted_document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def clean(self):
        super().clean()
        if self.redacted_document_id and not self.personal:
            raise ValidationError(
                {"redacted_document": _("Only an attachment with personal data needs one.")}
            )
        if self.redacted_document_id and self.redacted_document_id == self.document_id:
            raise ValidationError(
                {"redacted_document": _("The redacted version must be a different document.")}
            )


class NoticeRemoval(models.Model):
    """The reconciler's journal for one notice page: written in the same transaction as the
    database redaction, so a run killed after it knows what is left to do (files to delete,
    the build to wait for) and what to look for. Holds ids and hashes, and the names of
    files to delete until they are deleted."""

    page_id = models.BigIntegerField(unique=True)
    translation_key = models.CharField(max_length=64)
    policy = models.CharField(max_length=20)
    ends_at = models.DateTimeField()
    started_at = models.DateTimeField()
    redacted_at = models.DateTimeField(null=True)
    finished_at = models.DateTimeField(null=True)
    # Keyed hashes of the removed values (see receipts.py), files still to delete under
    # MEDIA_ROOT, and the counts that go into the receipt.
    needles = models.JSONField(default=list)
    pending_files = models.JSONField(default=list)
    file_digests = models.JSONField(default=list)
    counts = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("notice removal")
        verbose_name_plural = _("notice removals")

    def __str__(self) -> str:
        return f"removal of notice {self.page_id}"


class NoticeDeadline(models.Model):
    """A moment a task was scheduled for (a notice's start or end): one task per moment."""

    page_id = models.BigIntegerField()
    moment = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page_id", "moment"], name="one_task_per_moment")
        ]

    def __str__(self) -> str:
        return f"notice {self.page_id} at {self.moment.isoformat()}"


class RemovalIncident(models.Model):
    """A notice's removal that could not finish: shown by the health check and the legal
    officers' dashboard, and e-mailed to them once, until a run finishes it. Holds the
    page's id and where data was left (stores, tables, files), never the data."""

    page_id = models.BigIntegerField(unique=True)
    first_failed_at = models.DateTimeField()
    last_failed_at = models.DateTimeField()
    attempts = models.PositiveIntegerField(default=1)
    problem = models.TextField()
    alerted_at = models.DateTimeField(null=True)
    resolved_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = _("unfinished removal")
        verbose_name_plural = _("unfinished removals")

    def __str__(self) -> str:
        return f"unfinished removal of notice {self.page_id}"
