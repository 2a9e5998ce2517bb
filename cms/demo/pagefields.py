"""What a demo page's spec (``content/``) becomes: its fields, its StreamField body, and
the generated images, documents and event categories it uses, made once per site."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.core.models import SiteProfile
from cms.events.models import EventCategory
from records import HELSINKI, kind_named

from . import content
from .media import landscape_jpeg, simple_pdf


@dataclass
class DemoContext:
    """What the loader shares between pages of one site: the site, its media, the user."""

    site_key: str
    profile: SiteProfile
    user: object
    locales: dict[str, Locale]
    images: dict[str, Image] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    categories: dict[tuple[str, str], EventCategory] = field(default_factory=dict)
    created: int = 0


def _p(text: str) -> RichText:
    return RichText(f"<p>{text}</p>")


def demo_image(ctx: DemoContext, motif: str, *, hero: bool = False) -> Image:
    """The site's picture of ``motif``; a hero is wider (a banner across the page, cut
    no further than the sky above the sun)."""
    key = f"{motif}-hero" if hero else motif
    if key not in ctx.images:
        title = f"{ctx.site_key}-{key}"
        image = Image.objects.filter(title=title, collection=ctx.profile.collection).first()
        if image is None:
            seed = sum(map(ord, title))
            size = {"width": 2000, "height": 760} if hero else {}
            data = landscape_jpeg(motif, seed=seed, **size)
            # ImageFile lets the field fill in width and height on assignment.
            image = Image(
                title=title,
                collection=ctx.profile.collection,
                file=ImageFile(io.BytesIO(data), name=f"{title}.jpg"),
            )
            image.save()
        ctx.images[key] = image
    return ctx.images[key]


def _document(ctx: DemoContext, key: str) -> Document:
    if key not in ctx.documents:
        title, lines = content.DOCUMENTS[key]
        document = Document.objects.filter(title=title, collection=ctx.profile.collection).first()
        if document is None:
            document = Document(title=title, collection=ctx.profile.collection)
            document.file.save(f"{key}.pdf", ContentFile(simple_pdf(title, lines)), save=False)
            document.save()
        ctx.documents[key] = document
    return ctx.documents[key]


def _category(ctx: DemoContext, key: str, lang: str) -> EventCategory:
    cache_key = (key, lang)
    if cache_key not in ctx.categories:
        names = content.CATEGORIES[key]
        base = EventCategory.objects.filter(slug=key, locale=ctx.locales["fi"]).first()
        if base is None:
            base = EventCategory.objects.create(
                name=names["fi"], slug=key, locale=ctx.locales["fi"]
            )
        category = base.get_translation_or_none(ctx.locales[lang])
        if category is None:
            category = base.copy_for_translation(ctx.locales[lang])
            category.name = names[lang]
            category.save()
        ctx.categories[cache_key] = category
    return ctx.categories[cache_key]


def _contact_value(data: dict) -> dict:
    keys = ("name", "job_title", "organisation", "phone", "email", "address")
    return {key: data.get(key, "") for key in keys}


def _body(spec: dict, lang: str, ctx: DemoContext) -> list[tuple[str, object]]:
    body: list[tuple[str, object]] = []
    paragraphs = spec.get("paragraphs", [])
    if paragraphs:
        body.append(("paragraph", _p(paragraphs[0][lang])))
    if spec.get("image"):
        body.append(
            (
                "image",
                {
                    "image": demo_image(ctx, spec["image"]),
                    "alt_text": content.IMAGE_ALTS[spec["image"]][lang],
                    "caption": "",
                },
            )
        )
    for paragraph in paragraphs[1:]:
        body.append(("paragraph", _p(paragraph[lang])))
    if spec.get("quote"):
        quote = spec["quote"]
        body.append(
            (
                "quote",
                {
                    "quote": quote["text"][lang],
                    "attribution": quote["who"],
                    "role": quote["role"][lang],
                },
            )
        )
    if spec.get("accordion"):
        items = [
            {"title": item["title"][lang], "content": _p(item["text"][lang])}
            for item in spec["accordion"]
        ]
        body.append(("accordion", {"heading": "", "items": items}))
    if spec.get("document"):
        body.append(("document", {"document": _document(ctx, spec["document"]), "label": ""}))
    if spec.get("cta"):
        cta = spec["cta"]
        body.append(
            (
                "call_to_action",
                {"text": "", "label": cta["label"][lang], "page": None, "url": cta["url"]},
            )
        )
    if spec.get("contact") and spec["kind"] == "content":
        body.append(("contact", _contact_value(spec["contact"])))
    return body


def _when(days: int, hour: int) -> datetime:
    today = timezone.localdate(timezone=HELSINKI)
    return datetime.combine(today + timedelta(days=days), time(hour=hour), tzinfo=HELSINKI)


class _Tools:
    """The demo's tools lent to a kind's ``demo`` function (``records.DemoTools``)."""

    def __init__(self, ctx: DemoContext) -> None:
        self.ctx = ctx

    def body(self, spec: dict, lang: str) -> list:
        return _body(spec, lang, self.ctx)

    def moment(self, days: int, hour: int) -> datetime:
        return _when(days, hour)

    def contact(self, data: dict) -> dict:
        return _contact_value(data)


def _fields(spec: dict, lang: str, ctx: DemoContext) -> dict:
    """The field values of one page in one language: its title and lead, and what its kind
    makes of the spec (``records.Kind.demo``, declared by each content app)."""
    values: dict = {"title": spec["title"][lang], "lead": spec.get("lead", {}).get(lang, "")}
    demo = kind_named(spec["kind"]).demo
    if demo is None:
        raise ValueError(f"the kind {spec['kind']} makes no demo page")
    return {**values, **demo(spec, lang, _Tools(ctx))}


def page_class(kind: str) -> type[Page]:
    """The page model of a kind, as its content app declares it."""
    return apps.get_model(kind_named(kind).model)


def apply_spec(page: Page, spec: dict, lang: str, ctx: DemoContext) -> None:
    for name, value in _fields(spec, lang, ctx).items():
        setattr(page, name, value)
    if spec["kind"] == "event":
        page.categories.set([_category(ctx, key, lang) for key in spec["categories"]])
