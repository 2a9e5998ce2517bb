"""Loads the demo content into Wagtail: pages in fi with sv and en translations, generated
images and documents, event categories and one demo user per group.

Idempotent: pages are found by slug under their parent and only missing ones are created,
so running ``load_demo`` twice changes nothing the second time.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from cms.core.models import SiteProfile
from cms.core.permissions import COMMUNICATIONS, LEGAL_OFFICERS, MODERATORS
from cms.core.services import sites_sync
from cms.events.models import EventCategory, EventIndexPage, EventPage
from cms.news.models import NewsArticlePage, NewsIndexPage, PressReleaseIndexPage, PressReleasePage
from cms.pages.models import ContentPage, SectionIndexPage

from . import content
from .media import landscape_jpeg, simple_pdf
from .notices import notices_load

logger = logging.getLogger(__name__)
HELSINKI = ZoneInfo("Europe/Helsinki")
DEMO_PASSWORD = "kaislahti-demo"  # noqa: S105 - published in the README for the demo only


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


def _image(ctx: DemoContext, motif: str) -> Image:
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
                    "image": _image(ctx, spec["image"]),
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


def _apply(page: Page, spec: dict, lang: str, ctx: DemoContext) -> None:
    for name, value in _fields(spec, lang, ctx).items():
        setattr(page, name, value)
    if spec["kind"] == "event":
        page.categories.set([_category(ctx, key, lang) for key in spec["categories"]])


def _publish(page: Page, ctx: DemoContext) -> None:
    page.save_revision(user=ctx.user, log_action=True).publish(user=ctx.user)


def _ensure_page(parent: Page, spec: dict, ctx: DemoContext) -> Page:
    """Create ``spec`` under the Finnish ``parent`` and its translations, if missing."""
    existing = parent.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        page = existing.specific
    else:
        page = PAGE_CLASSES[spec["kind"]](
            slug=spec["slug"], locale=ctx.locales["fi"], owner=ctx.user
        )
        _apply(page, spec, "fi", ctx)
        parent.add_child(instance=page)
        _publish(page, ctx)
        ctx.created += 1
    for lang in ctx.profile.languages[1:]:
        if page.get_translation_or_none(ctx.locales[lang]) is None:
            translation = page.copy_for_translation(ctx.locales[lang])
            _apply(translation, spec, lang, ctx)
            # Addresses in the reader's language: /sv/tjanster/boende/, not /sv/palvelut/asuminen/.
            translation.slug = slugify(spec["title"][lang])[:80] or spec["slug"]
            translation.save()
            _publish(translation, ctx)
            ctx.created += 1
    for child in spec.get("children", []):
        _ensure_page(page, child, ctx)
    return page


def _ensure_index(home: Page, kind: str, index: dict, children: list[dict], ctx: DemoContext):
    if not children:
        return
    spec = {**index, "kind": kind, "children": children}
    _ensure_page(home, spec, ctx)


def _home_content(home: Page, ctx: DemoContext) -> None:
    """Give each home page a hero image, once."""
    for page in [home, *home.get_translations()]:
        page = page.specific
        if page.hero_image_id:
            continue
        lang = page.locale.language_code
        motif = {"tourism": "lake", "climate": "forest", "events": "sunset"}.get(
            ctx.site_key, "city"
        )
        page.hero_image = _image(ctx, motif)
        page.hero_alt = content.IMAGE_ALTS[motif][lang]
        page.save()
        _publish(page, ctx)


def demo_users_ensure() -> dict[str, object]:
    """The demo login (admin) and one user per group, all with ``DEMO_PASSWORD``."""
    User = get_user_model()
    users = {}
    admin, created = User.objects.get_or_create(
        username="admin",
        defaults={"email": "admin@kaislahti.example", "first_name": "Demo", "last_name": "Admin"},
    )
    if created:
        admin.is_superuser = admin.is_staff = True
        admin.set_password(DEMO_PASSWORD)
        admin.save()
    users["admin"] = admin
    memberships = {
        "communications": COMMUNICATIONS,
        "moderator": MODERATORS,
        "legal": LEGAL_OFFICERS,
    }
    for profile in SiteProfile.objects.select_related("editors_group"):
        memberships[f"editor-{profile.key}"] = profile.editors_group.name
    for username, group_name in memberships.items():
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@kaislahti.example"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users


def demo_load(*, sites: list[str] | None = None) -> int:
    """Load the demo (of the given site keys, or all); returns how many pages were created."""
    sites_sync()
    created = 0
    with transaction.atomic():
        # Translations are made as copies, then given their own slugs: Wagtail records a
        # redirect from each copy's first address, which was never public. Those go.
        before = Redirect.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        users = demo_users_ensure()
        locales = {locale.language_code: locale for locale in Locale.objects.all()}
        for key, data in content.SITES.items():
            if sites is not None and key not in sites:
                continue
            profile = SiteProfile.objects.select_related("site", "collection").get(key=key)
            ctx = DemoContext(site_key=key, profile=profile, user=users["admin"], locales=locales)
            home = profile.site.root_page.specific
            _home_content(home, ctx)
            for section in data["sections"]:
                _ensure_page(home, section, ctx)
            _ensure_index(home, "news_index", content.NEWS_INDEX, data["news"], ctx)
            _ensure_index(home, "press_index", content.PRESS_INDEX, data["press"], ctx)
            _ensure_index(home, "event_index", content.EVENT_INDEX, data["events"], ctx)
            if key == "city":
                ctx.created += notices_load(home, locales, users["admin"])
            created += ctx.created
        # Wagtail records them once the renames are committed (callbacks in that order):
        # this one runs after them.
        transaction.on_commit(
            lambda: Redirect.objects.filter(pk__gt=before, automatically_created=True).delete()
        )
    return created
