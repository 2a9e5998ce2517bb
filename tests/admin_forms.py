"""The admin's page form as an editor submits it: a content page's fields, published."""

from __future__ import annotations

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.core.blocks import RICH_TEXT_FEATURES


def page_form(title: str, slug: str, html: str = "<p>Sisältöä.</p>", **more) -> dict:
    """The POST data of a page with ``title``, ``slug`` and one paragraph of ``html``."""
    body = rich_text(html, features=RICH_TEXT_FEATURES)
    data = {
        "title": title,
        "slug": slug,
        "lead": "",
        "body": streamfield([("paragraph", body)]),
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
        **more,
    }
    return nested_form_data(data)
