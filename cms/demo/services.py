"""Loads the demo content into Wagtail: pages in fi with sv and en translations, generated
images and documents, event categories and one demo user per group.

Idempotent: pages are found by slug under their parent and only missing ones are created,
so running ``load_demo`` twice changes nothing the second time.
"""

from __future__ import annotations

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from cms.core.models import SiteProfile
from cms.core.permissions import COMMUNICATIONS, LEGAL_OFFICERS, MODERATORS
from cms.core.services import sites_sync

from . import content
from .notices import notices_load
from .pagefields import DemoContext, apply_spec, demo_image, page_class

logger = logging.getLogger(__name__)
DEMO_PASSWORD = "kaislahti-demo"  # noqa: S105 - published in the README for the demo only


def _publish(page: Page, ctx: DemoContext) -> None:
    page.save_revision(user=ctx.user, log_action=True).publish(user=ctx.user)


def _ensure_page(parent: Page, spec: dict, ctx: DemoContext) -> Page:
    """Create ``spec`` under the Finnish ``parent`` and its translations, if missing."""
    existing = parent.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        page = existing.specific
    else:
        page = page_class(spec["kind"])(slug=spec["slug"], locale=ctx.locales["fi"], owner=ctx.user)
        apply_spec(page, spec, "fi", ctx)
        parent.add_child(instance=page)
        _publish(page, ctx)
        ctx.created += 1
    for lang in ctx.profile.languages[1:]:
        if page.get_translation_or_none(ctx.locales[lang]) is None:
            translation = page.copy_for_translation(ctx.locales[lang])
            apply_spec(translation, spec, lang, ctx)
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


def _home_content(home: Page, tasks: list[str], ctx: DemoContext) -> None:
    """Give each home page a hero image and its top tasks (the Finnish pages at ``tasks``
    under it, in each language their translation where there is one), once."""
    motif = {"tourism": "lake", "climate": "forest", "events": "sunset"}.get(ctx.site_key, "city")
    for page in [home, *home.get_translations()]:
        page = page.specific
        lang = page.locale.language_code
        changed = False
        if not page.hero_image_id:
            page.hero_image = demo_image(ctx, motif, hero=True)
            page.hero_alt = content.IMAGE_ALTS[motif][lang]
            changed = True
        if tasks and not page.top_tasks:
            targets = [Page.objects.get(url_path=f"{home.url_path}{path}/") for path in tasks]
            # A page not translated into this language (the notices are in Finnish and
            # Swedish only) is no task of this language's home page.
            translated = (target.get_translation_or_none(page.locale) for target in targets)
            page.top_tasks = [("task", {"page": found}) for found in translated if found]
            changed = True
        if changed:
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
    """Load the demo into the sites (of the given keys, or all) that have no pages yet;
    returns how many pages were created."""
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
            if home.get_children().exists():
                # Loaded before (or the site's own content): what editors renamed, moved
                # or deleted since stays as they left it, never made again beside it.
                continue
            for section in data["sections"]:
                _ensure_page(home, section, ctx)
            _ensure_index(home, "news_index", content.NEWS_INDEX, data["news"], ctx)
            _ensure_index(home, "press_index", content.PRESS_INDEX, data["press"], ctx)
            _ensure_index(home, "event_index", content.EVENT_INDEX, data["events"], ctx)
            if key == "city":
                ctx.created += notices_load(home, locales, users["admin"])
            # Last: its top tasks link to pages made above.
            _home_content(home, data["tasks"], ctx)
            created += ctx.created
        # Wagtail records them once the renames are committed (callbacks in that order):
        # this one runs after them.
        transaction.on_commit(
            lambda: Redirect.objects.filter(pk__gt=before, automatically_created=True).delete()
        )
    return created
