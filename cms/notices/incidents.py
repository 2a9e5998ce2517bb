"""Removals that cannot finish: incidents, not a silent retry loop.

When a run cannot finish a notice's removal (data found after redaction, a build that
fails), the reconciler records an incident: when it began, how many runs tried, and what
is left where (stores, tables, files; never the data itself). The first time, it e-mails
the legal officers (the "Legal officers" group's addresses, and ``NOTICE_ALERT_EMAILS``)
through Django's mail settings; a failed e-mail is tried again next round. The health
check and the legal officers' dashboard show every open incident until a run finishes the
removal, which resolves it.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext

from cms.core.permissions import LEGAL_OFFICERS

from .models import RemovalIncident

logger = logging.getLogger(__name__)


def open_incidents():
    return RemovalIncident.objects.filter(resolved_at__isnull=True).order_by("first_failed_at")


def record(page_id: int, problem: str, now: datetime) -> RemovalIncident:
    """A run could not finish ``page_id``'s removal: open (or update) its incident, and
    alert the legal officers if they have not been told yet."""
    incident = RemovalIncident.objects.filter(page_id=page_id).first()
    if incident is None or incident.resolved_at is not None:
        incident = incident or RemovalIncident(page_id=page_id)
        incident.first_failed_at, incident.attempts = now, 1
        incident.resolved_at = incident.alerted_at = None
    else:
        incident.attempts += 1
    incident.last_failed_at, incident.problem = now, problem[:2000]
    if incident.alerted_at is None and _alert(incident):
        incident.alerted_at = now
    incident.save()
    return incident


def resolve(page_id: int, now: datetime) -> None:
    RemovalIncident.objects.filter(page_id=page_id, resolved_at__isnull=True).update(
        resolved_at=now
    )


def recipients() -> list[str]:
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    officers = users.filter(Q(groups__name=LEGAL_OFFICERS) | Q(is_superuser=True))
    extra = list(getattr(settings, "NOTICE_ALERT_EMAILS", []))
    return sorted({*officers.values_list("email", flat=True), *extra})


def _alert(incident: RemovalIncident) -> bool:
    to = recipients()
    if not to:
        logger.error(
            "Notice %s: nobody to alert (no legal officer has an e-mail address)", incident.page_id
        )
        return False
    admin = f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{incident.page_id}/edit/"
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Notice %(id)s: personal data could not be removed") % {
            "id": incident.page_id
        }
        body = gettext(
            "The display period of notice %(id)s has ended, but its personal data could "
            "not be removed from every copy.\n\nWhat is left, and where: %(problem)s\n\n"
            "First failed: %(first)s. The removal is tried again every round; other "
            "notices are not held up.\n\nThe notice in the admin: %(admin)s"
        ) % {
            "id": incident.page_id,
            "problem": incident.problem,
            "first": incident.first_failed_at.isoformat(),
            "admin": admin,
        }
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    except OSError as exc:  # (smtplib's errors are OSErrors) told next round
        logger.error("Notice %s: the alert e-mail failed: %s", incident.page_id, exc)
        return False
    return True
