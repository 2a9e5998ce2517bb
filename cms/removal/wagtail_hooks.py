"""The removal in the admin: the dashboard panel of removals that could not finish, for
those each kind alerts; and the notices' registration as a kind of personal data."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from cms.core.personal_data import PERSONAL_DATA_HOOK, REMOVED_HOOK, STATUS_HOOK

from . import incidents, report
from .kinds import kind
from .notices.kind import Notices
from .status import removed_in, status


class UnfinishedRemovalsPanel(Component):
    name = "unfinished_removals"
    order = 10  # before everything else on the dashboard: a legal deadline has passed
    template_name = "removal/unfinished_removals_panel.html"

    def __init__(self, rows: list[dict]) -> None:
        self.rows = rows

    def get_context_data(self, parent_context=None) -> dict:
        return {"rows": self.rows, "heading": _("Personal data that could not be removed")}


def _alerted(user, kind_name: str) -> bool:
    if user.is_superuser:
        return True
    try:
        groups = kind(kind_name).alert_groups()
    except LookupError:
        return False
    return user.groups.filter(name__in=groups).exists()


@hooks.register("construct_homepage_panels")
def unfinished_removals(request, panels: list) -> None:
    rows = [
        {
            "item": incidents.describe(incident),
            "url": incidents.admin_url(incident),
            "incident": incident,
        }
        for incident in incidents.open_incidents()
        if _alerted(request.user, incident.kind)
    ]
    if rows:
        panels.insert(0, UnfinishedRemovalsPanel(rows))


hooks.register(PERSONAL_DATA_HOOK, Notices)
hooks.register(STATUS_HOOK, status)
hooks.register(REMOVED_HOOK, removed_in)


class _RemovalsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return report.allowed(request.user)


@hooks.register("register_admin_urls")
def removals_report_url():
    return [path("removals/", report.removals_report, name="removals_report")]


@hooks.register("register_reports_menu_item")
def removals_report_menu_item():
    return _RemovalsMenuItem(
        report.TITLE, reverse("removals_report"), icon_name="warning", order=50
    )
