"""The editor's "Personal data" button: marks a span of a notice's body as personal data."""

from django.utils.translation import gettext_lazy as _

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler

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
