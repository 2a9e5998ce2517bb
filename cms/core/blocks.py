"""StreamField blocks for municipal content, shared by every page type.

Validation lives in the blocks so that editors get the error beside the field that caused it.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .control_chars import one_line

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
# An alt text that is only a file name or a placeholder word tells a screen-reader user nothing.
FILENAME_RE = re.compile(r"^[\w\- .]+\.(jpe?g|png|gif|webp|avif|tiff?|bmp|svg)$", re.IGNORECASE)
PLACEHOLDER_ALTS = {"image", "picture", "photo", "kuva", "valokuva", "bild", "foto"}
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()-]{5,20}$")


def _struct_error(field: str, message: str) -> StructBlockValidationError:
    return StructBlockValidationError(block_errors={field: ValidationError(message)})


class OneLine:
    """A StructBlock whose short texts (a heading, a label, a name, a caption) are each one
    line without control characters, as every title is: the error beside the field."""

    def clean(self, value):
        value = super().clean(value)  # type: ignore[misc]
        for name, child in self.child_blocks.items():  # type: ignore[attr-defined]
            if isinstance(child, blocks.CharBlock):
                try:
                    one_line(value.get(name))
                except ValidationError as error:
                    raise StructBlockValidationError(block_errors={name: error}) from None
        return value


class HeadingBlock(OneLine, blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")


class AccessibleImageBlock(OneLine, blocks.StructBlock):
    """An image whose alternative text is required and checked for uselessness."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")

    def clean(self, value):
        value = super().clean(value)
        alt = (value.get("alt_text") or "").strip()
        if FILENAME_RE.match(alt) or alt.lower() in PLACEHOLDER_ALTS:
            raise _struct_error(
                "alt_text", _("Describe the image; a file name or a generic word is not enough.")
            )
        return value


class QuoteBlock(OneLine, blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Their role"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")


def _page_or_address(value) -> bool:
    """Check a link to either a page or a web address; True for an address."""
    has_page, has_url = bool(value.get("page")), bool(value.get("url"))
    if has_page == has_url:
        raise _struct_error("page", _("Choose either a page or an external address."))
    if has_url and not value["url"].startswith(("https://", "http://")):
        raise _struct_error("url", _("The address must start with https://."))
    return has_url


class CallToActionBlock(OneLine, blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    label = blocks.CharBlock(label=_("Button text"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")

    def clean(self, value):
        value = super().clean(value)
        _page_or_address(value)
        return value


class AccordionItemBlock(OneLine, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    content = blocks.RichTextBlock(label=_("Content"), features=RICH_TEXT_FEATURES)


class AccordionBlock(OneLine, blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")


class DocumentLinkBlock(OneLine, blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=160,
        help_text=_("Defaults to the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")


class ContactCardBlock(OneLine, blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    job_title = blocks.CharBlock(label=_("Job title"), required=False, max_length=120)
    organisation = blocks.CharBlock(label=_("Organisation"), required=False, max_length=160)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=30)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False, max_length=300)

    class Meta:
        icon = "user"
        label = _("Contact card")

    def clean(self, value):
        value = super().clean(value)
        phone = (value.get("phone") or "").strip()
        if phone and not PHONE_RE.match(phone):
            raise _struct_error("phone", _("Enter a phone number such as +358 40 123 4567."))
        if not phone and not value.get("email"):
            raise _struct_error("phone", _("Give a phone number or an e-mail address."))
        return value


class TopTaskBlock(OneLine, blocks.StructBlock):
    """One of the home page's top tasks: what most residents come to the site to do."""

    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=60,
        help_text=_("Short, as residents say it. Without it, the page's title."),
    )

    class Meta:
        icon = "pick"
        label = _("Top task")

    def clean(self, value):
        value = super().clean(value)
        if _page_or_address(value) and not (value.get("label") or "").strip():
            raise _struct_error("label", _("An external address needs a link text."))
        return value


def top_task_blocks() -> list[tuple[str, blocks.Block]]:
    return [("task", TopTaskBlock())]


def content_blocks() -> list[tuple[str, blocks.Block]]:
    """The full set of blocks for service and content pages."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)),
        ("image", AccessibleImageBlock()),
        ("quote", QuoteBlock()),
        ("call_to_action", CallToActionBlock()),
        ("accordion", AccordionBlock()),
        ("document", DocumentLinkBlock()),
        ("contact", ContactCardBlock()),
    ]


def article_blocks() -> list[tuple[str, blocks.Block]]:
    """Blocks for news, press releases and events: text-first, no page-layout blocks."""
    return [
        ("heading", HeadingBlock()),
        ("paragraph", blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)),
        ("image", AccessibleImageBlock()),
        ("quote", QuoteBlock()),
        ("document", DocumentLinkBlock()),
        ("call_to_action", CallToActionBlock()),
    ]
