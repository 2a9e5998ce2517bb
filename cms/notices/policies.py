"""Notice types, what happens to each type's page when its display period ends (its
policy), and how far ahead and for how long each may be scheduled; the city may configure
both in settings."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from records import HELSINKI

from . import period


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
EARLIEST_START = datetime(2000, 1, 1, tzinfo=HELSINKI)
LATEST_LEAD = timedelta(days=366)


def limits_for(notice_type: str) -> tuple[int, int]:
    """(most appeal days, most days on view) for notices of this type."""
    return _configured(DEFAULT_LIMITS, "NOTICE_LIMITS").get(notice_type, (0, 0))


def period_errors(page) -> dict[str, str]:
    """What is wrong with a notice page's display period, by field (empty when right)."""
    start = page.display_from
    if start is None:
        return {}
    if start < EARLIEST_START or start > timezone.now() + LATEST_LEAD:
        return {
            "display_from": _(
                "The display must start between 1 January 2000 and a year from now; check the year."
            )
        }
    most_appeal, most_days = limits_for(page.notice_type)
    if page.appeal_days is not None and most_appeal and page.appeal_days > most_appeal:
        return {
            "appeal_days": _("An appeal period of a notice of this type is at most %(days)d days.")
            % {"days": most_appeal}
        }
    try:
        table = page.timetable()
    except (ValueError, OverflowError) as exc:
        field = "other_deadline" if page.other_deadline else "display_from"
        return {field: _("Impossible dates: %(reason)s.") % {"reason": exc}}
    on_view = (table.last_day - period.local_date(start)).days
    # (Moved past a weekend or holiday, a period may end a few days after its limit.)
    if most_days and on_view > most_days + 5:
        field = "other_deadline" if page.other_deadline else "appeal_days"
        return {
            field: _(
                "The notice would stay on view until %(day)s, %(count)d days. A notice "
                "of this type stays on view at most %(most)d days: check the date."
            )
            % {"day": table.last_day.strftime("%d.%m.%Y"), "count": on_view, "most": most_days}
        }
    return {}
