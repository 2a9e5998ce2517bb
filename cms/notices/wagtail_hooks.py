"""The notices in the admin: the editor's "Personal data" button, which marks a span of a
notice's body as personal data, and the legal officers' dashboard panel of removals that
could not finish (``incidents.py``)."""

from django.utils.translation import gettext_lazy as _

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.ui.components import Component

from cms.core.link_check import LINK_RULES_HOOK
from cms.core.permissions import LEGAL_OFFICERS
from cms.core.services import SITES_SYNCED_HOOK
from records import KINDS_HOOK

from . import groups, kinds, links
from .incidents import open_incidents
from .richtext import CLASS, FEATURE, STYLE


@hooks.register("register_rich_text_features")
def register_personal_data(features) -> None:
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        draftail_features.InlineStyleFeature(
            {
                "type": STYLE,
                "label": "👤",
                "description": str(_("Personal data")),
                # Shown highlighted in the editor only; the public page shows plain text.
                "style": {"backgroundColor": "#fde68a", "outline": "1px dashed #92400e"},
            }
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FEATURE,
        {
            "from_database_format": {f'span[class="{CLASS}"]': InlineStyleElementHandler(STYLE)},
            "to_database_format": {
                "style_map": {STYLE: {"element": "span", "props": {"class": CLASS}}}
            },
        },
    )


class UnfinishedRemovalsPanel(Component):
    name = "unfinished_removals"
    order = 10  # before everything else on the dashboard: a legal deadline has passed
    template_name = "notices/unfinished_removals_panel.html"

    def __init__(self, incidents: list) -> None:
        self.incidents = incidents

    def get_context_data(self, parent_context=None) -> dict:
        return {"incidents": self.incidents}


@hooks.register("construct_homepage_panels")
def unfinished_removals(request, panels: list) -> None:
    user = request.user
    if not (user.is_superuser or user.groups.filter(name=LEGAL_OFFICERS).exists()):
        return
    incidents = list(open_incidents())
    if incidents:
        panels.insert(0, UnfinishedRemovalsPanel(incidents))


hooks.register(KINDS_HOOK, lambda: kinds.KINDS)
hooks.register(SITES_SYNCED_HOOK, groups.on_sites_synced)
hooks.register(LINK_RULES_HOOK, lambda: links.personal_attachment)
