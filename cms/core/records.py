"""What every content page exports besides the common fields: its body and main image.

Shared by the kinds of the content apps (``cms/*/kinds.py``): a page's body is its
StreamField, and its main image is its hero image, else the body's first image.
"""

from __future__ import annotations

from typing import Any

from records import DemoTools, ExportTools

# The width a body image is shown at, at most (a main image taken from the body is too).
BODY_IMAGE_WIDTH = 960


def content_demo(spec: dict, lang: str, tools: DemoTools) -> dict:
    """A demo page with a body (``records.Kind.demo``)."""
    return {"body": tools.body(spec, lang)}


def no_demo_fields(spec: dict, lang: str, tools: DemoTools) -> dict:
    """A demo page with a title and a lead only (a listing)."""
    return {}


def content_fields(page: Any, tools: ExportTools) -> dict:
    body = getattr(page, "body", None)
    image = getattr(page, "hero_image", None)
    # Without a hero image, the body's first image is the page's main one: loaded first.
    fields: dict = {"body": tools.stream(body, eager_first=image is None) if body else ""}
    if image is not None:
        fields["image"] = tools.image(image, page.hero_alt, share=True)
    else:
        fields["image"] = next(
            (
                tools.image(
                    child.value["image"],
                    child.value["alt_text"],
                    max_width=BODY_IMAGE_WIDTH,
                    share=True,
                )
                for child in (body or [])
                if child.block_type == "image" and child.value["image"] is not None
            ),
            None,
        )
    return fields
