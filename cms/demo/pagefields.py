"""What a demo page's spec (``content/``) becomes: its fields, its StreamField body, and
the generated images, documents and event categories it uses, made once per site."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.core.models import SiteProfile
from cms.events.models import EventCategory, EventIndexPage, EventPage
from cms.news.models import NewsArticlePage, NewsIndexPage, PressReleaseIndexPage, PressReleasePage
from cms.pages.models import ContentPage, SectionIndexPage
from records import HELSINKI

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


def demo_image(ctx: DemoContext, motif: str) -> Image:
    if motif not in ctx.images:
        title = f"{ctx.site_key}-{motif}"
        image = Image.objects.filter(title=title, collection=ctx.profile.collection).first()
        if image is None:
            seed = sum(map(ord, title))
            data = landscape_jpeg(motif, seed=seed)
            # ImageFile lets the field fill in width and height on assignment.
            image = Image(
                title=title,
                collection=ctx.profile.collection,
                file=ImageFile(io.BytesIO(data), name=f"{title}.jpg"),
            )
            image.save()
        ctx.images[motif] = image
    return ctx.images[motif]


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


def _fields(spec: dict, lang: str, ctx: DemoContext) -> dict:
    """The field values of one page in one language."""
    kind = spec["kind"]
    values: dict = {"title": spec["title"][lang], "lead": spec.get("lead", {}).get(lang, "")}
    if kind in {"content", "section"}:
        values["body"] = _body(spec, lang, ctx)
    elif kind in {"news", "press"}:
        values["body"] = _body(spec, lang, ctx)
        values["resident_headline"] = spec["title"][lang]
        values["media_headline"] = (spec.get("media_headline") or {}).get(lang, "")
        values["date"] = _when(spec["days"], 9)
        values["contacts"] = (
            [("contact", _contact_value(spec["contact"]))] if spec.get("contact") else []
        )
    elif kind == "event":
        start = _when(spec["days"], spec["hour"])
        values.update(
            start=start,
            end=start + timedelta(hours=spec["hours"]),
            venue_name=spec["venue"],
            venue_address=spec["address"],
            organiser=spec["organiser"],
            audience=spec["audience"],
            is_free=spec["price"] is None,
            price="" if spec["price"] is None else spec["price"][lang],
            registration_url=spec.get("registration") or "",
            body=_body({**spec, "paragraphs": []}, lang, ctx),
        )
    return values


PAGE_CLASSES = {
    "section": SectionIndexPage,
    "content": ContentPage,
    "news_index": NewsIndexPage,
    "press_index": PressReleaseIndexPage,
    "event_index": EventIndexPage,
    "news": NewsArticlePage,
    "press": PressReleasePage,
    "event": EventPage,
}


def apply_spec(page: Page, spec: dict, lang: str, ctx: DemoContext) -> None:
    for name, value in _fields(spec, lang, ctx).items():
        setattr(page, name, value)
    if spec["kind"] == "event":
        page.categories.set([_category(ctx, key, lang) for key in spec["categories"]])
