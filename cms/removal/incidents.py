"""Removals that cannot finish: incidents, not a silent retry loop.

When a run cannot finish an item's removal (data found after redaction, a build that
fails), the reconciler records an incident: when it began, how many runs tried, and what
is left where (stores, tables, files; never the data itself). The first time, it e-mails
those the item's kind names (the members of its groups, every superuser, and
``NOTICE_ALERT_EMAILS``) through Django's mail settings; a failed e-mail is tried again
next round. The health check and the dashboard show every open incident until a run
finishes the removal, which resolves it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext

from .kinds import described, kind
from .models import Incident

logger = logging.getLogger(__name__)


def open_incidents() -> QuerySet[Incident]:
    return Incident.objects.filter(resolved_at__isnull=True).order_by("first_failed_at")


def record(*, kind_name: str, item: int, problem: str, now: datetime) -> Incident:
    """A run could not finish the removal of ``item``: open (or update) its incident, and
    alert those who can act if they have not been told yet."""
    incident = Incident.objects.filter(kind=kind_name, item_id=item).first()
    if incident is None or incident.resolved_at is not None:
        incident = incident or Incident(kind=kind_name, item_id=item)
        incident.first_failed_at, incident.attempts = now, 1
        incident.resolved_at = incident.alerted_at = None
    else:
        incident.attempts += 1
    incident.last_failed_at, incident.problem = now, problem[:2000]
    if incident.alerted_at is None and _alert(incident):
        incident.alerted_at = now
    incident.save()
    return incident


def resolve(*, kind_name: str, item: int, now: datetime) -> None:
    Incident.objects.filter(kind=kind_name, item_id=item, resolved_at__isnull=True).update(
        resolved_at=now
    )


def recipients(kind_name: str) -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    chosen = users.filter(Q(groups__name__in=kind(kind_name).alert_groups()) | Q(is_superuser=True))
    extra = list(getattr(settings, "NOTICE_ALERT_EMAILS", []))
    return sorted({*chosen.values_list("email", flat=True), *extra})


def describe(incident: Incident) -> str:
    """The item as people are told about it ("notice 12"), in the active language."""
    return described(incident.kind, incident.item_id)


def admin_url(incident: Incident) -> str:
    try:
        return kind(incident.kind).admin_url(incident.item_id)
    except LookupError:
        return ""


def _alert(incident: Incident) -> bool:
    to = recipients(incident.kind)
    if not to:
        logger.error("%s %s: nobody to alert (no e-mail address)", incident.kind, incident.item_id)
        return False
    path = admin_url(incident)
    with translation.override(settings.LANGUAGE_CODE):
        item = describe(incident)
        subject = gettext("Personal data could not be removed: %(item)s") % {"item": item}
        body = gettext(
            "The lifetime of the personal data of %(item)s has ended, but it could not be "
            "removed from every copy.\n\nWhat is left, and where: %(problem)s\n\n"
            "First failed: %(first)s. The removal is tried again every round; other "
            "removals are not held up.\n\nIn the admin: %(admin)s"
        ) % {
            "item": item,
            "problem": incident.problem,
            "first": incident.first_failed_at.isoformat(),
            "admin": f"{settings.WAGTAILADMIN_BASE_URL}{path}" if path else "-",
        }
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    except OSError as exc:  # (smtplib's errors are OSErrors) told next round
        logger.error("%s %s: the alert e-mail failed: %s", incident.kind, incident.item_id, exc)
        return False
    return True
