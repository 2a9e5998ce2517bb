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


def _row(found, item: int, state) -> dict[str, Any]:
    return {
        "item": found.describe(item),
        "url": found.admin_url(item),
        "status": state,
        "kind": found.name,
        "id": item,
    }


def _titled(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row with its item's title (what the officer knows it by), read per kind."""
    by_kind: dict[str, set[int]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], set()).add(row["id"])
    titles = {
        (found.name, item): title
        for found in kinds()
        if found.name in by_kind
        for item, title in found.titles(by_kind[found.name]).items()
    }
    for row in rows:
        row["title"] = titles.get((row["kind"], row["id"]), "")
    return rows


def _rows(now) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    upcoming: list[dict[str, Any]] = []
    receipted = []
    for found in kinds():
        for item, deadline in found.upcoming(now):
            upcoming.append(_row(found, item, status(found.name, item, deadline)))
        receipted += [
            (r.get("finished", ""), found, item) for item, r in receipts.last(found.name).items()
        ]
    upcoming.sort(key=lambda row: row["status"].deadline or now)
    # The newest receipts first, each item's state read only until the page is full.
    finished: list[dict[str, Any]] = []
    for _when, found, item in sorted(receipted, key=lambda r: r[0], reverse=True):
        state = status(found.name, item)
        if state.state == "done":
            finished.append(_row(found, item, state))
            if len(finished) == FINISHED_SHOWN:
                break
    return upcoming, finished


def removals_report(request: HttpRequest) -> HttpResponse:
    if not allowed(request.user):
        raise PermissionDenied
    upcoming, finished = _rows(timezone.now())
    stuck = [
        {
            "item": incidents.describe(i),
            "url": incidents.admin_url(i),
            "incident": i,
            "kind": i.kind,
            "id": i.item_id,
        }
        for i in incidents.open_incidents().order_by("first_failed_at")
    ]
    upcoming, finished, stuck = _titled(upcoming), _titled(finished), _titled(stuck)
    context = {"title": TITLE, "upcoming": upcoming, "finished": finished, "stuck": stuck}
    return render(request, "removal/report.html", context)
