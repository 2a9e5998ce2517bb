"""The notices in the admin: the editor's "Personal data" button, which marks a span of a
notice's body as personal data; the notices' kinds, the legal officers' groups on new
sites, and the link rule for personal attachments. (The removal of their personal data
registers them as its first kind: ``cms/removal/notices``.)"""

from django.utils.translation import gettext_lazy as _

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler

from cms.core.link_check import LINK_RULES_HOOK
from cms.core.media_forms import DOCUMENT_CHECKS_HOOK
from cms.core.services import SITES_SYNCED_HOOK
from records import KINDS_HOOK

from . import documents, groups, kinds, links
from .richtext import CLASS, FEATURE, STYLE


@hooks.register("register_rich_text_features")
def register_personal_data(features) -> None:
    features.register_editor_plugin(
        "draftail",
        FEATURE,
        draftail_features.InlineStyleFeature(
            {
                "type": STYLE,
                # A word on the button, not an emoji alone: every officer must know what
                # it does, and a screen reader says its label.
                "label": str(_("Personal data")),
                "description": str(
                    _("Mark as personal data: removed when the display period ends")
                ),
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


hooks.register(KINDS_HOOK, lambda: kinds.KINDS)
hooks.register(SITES_SYNCED_HOOK, groups.on_sites_synced)
hooks.register(LINK_RULES_HOOK, lambda: links.personal_attachment)


hooks.register(DOCUMENT_CHECKS_HOOK, documents.check_kept_document)
