"""The removals report for the people responsible (legal officers for notices, and
superusers): every item of every kind whose personal data is still to go, with its
deadline; every removal that could not finish, with what is left; and every finished
removal with its receipt. Reports → "Removal of personal data" in the admin."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import incidents, receipts
from .kinds import kinds
from .status import status

TITLE = _("Removal of personal data")
# The newest finished removals shown (the audit log keeps them all).
FINISHED_SHOWN = 200


def allowed(user) -> bool:
    """Superusers, and members of the groups some kind alerts (legal officers)."""
    if user.is_superuser:
        return True
    groups = {group for found in kinds() for group in found.alert_groups()}
    return user.groups.filter(name__in=groups).exists()


def _rows(now) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    upcoming: list[dict[str, Any]] = []
    finished: list[dict[str, Any]] = []
    for found in kinds():
        for item, deadline in found.upcoming(now):
            upcoming.append(
                {
                    "item": found.describe(item),
                    "url": found.admin_url(item),
                    "status": status(found.name, item, deadline),
                }
            )
        for item in receipts.last(found.name):
            state = status(found.name, item)
            if state.state == "done":
                finished.append(
                    {"item": found.describe(item), "url": found.admin_url(item), "status": state}
                )
    upcoming.sort(key=lambda row: row["status"].deadline or now)
    finished.sort(key=lambda row: row["status"].finished or now, reverse=True)
    return upcoming, finished[:FINISHED_SHOWN]


def removals_report(request: HttpRequest) -> HttpResponse:
    if not allowed(request.user):
        raise PermissionDenied
    upcoming, finished = _rows(timezone.now())
    stuck = [
        {"item": incidents.describe(i), "url": incidents.admin_url(i), "incident": i}
        for i in incidents.open_incidents().order_by("first_failed_at")
    ]
    context = {"title": TITLE, "upcoming": upcoming, "finished": finished, "stuck": stuck}
    return render(request, "removal/report.html", context)
