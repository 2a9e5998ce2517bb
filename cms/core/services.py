"""Operations that change several things at once: syncing the declared sites into Wagtail."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction

from wagtail import hooks
from wagtail.models import Collection, Locale, Page, Site

from records import HOME, kind_named, kinds_with

from .models import SiteProfile
from .permissions import SiteAccess, editors_group_name, groups_sync
from .site_config import SiteConfig, load_site_configs

logger = logging.getLogger(__name__)


@dataclass
class SyncReport:
    """What a sync did, one human-readable line per change."""

    changes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def change(self, message: str) -> None:
        self.changes.append(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def locales_sync(languages: list[str]) -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in languages}


def _remove_stock_site(report: SyncReport) -> None:
    """Wagtail's first migration makes a "localhost" site with a placeholder page."""
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        is_placeholder = (
            root.content_type.model_class() is Page and root.depth == 2 and root.numchild == 0
        )
        if is_placeholder and not SiteProfile.objects.filter(site=site).exists():
            report.change(f"removed Wagtail's placeholder site {site.hostname}")
            site.delete()
            root.delete()


def _home_slug(config: SiteConfig, language: str) -> str:
    # Home pages of every site and language are siblings under the tree root, and
    # Wagtail requires siblings to have distinct slugs.
    return config.key if language == config.default_language else f"{config.key}-{language}"


def _publish(page: Page) -> None:
    page.save_revision(log_action=False).publish(log_action=False)


def _home_model() -> type[Page]:
    """The model of home pages, as the content app that has it declares (``kinds.py``)."""
    (name,) = kinds_with(role=HOME)
    return apps.get_model(kind_named(name).model)


def _home_pages_sync(
    config: SiteConfig, site: Site | None, locales: dict[str, Locale], report: SyncReport
) -> list[Page]:
    HomePage = _home_model()

    home = site.root_page.specific if site else None
    if home is not None and not isinstance(home, HomePage):
        home = None
    if home is None:
        home = HomePage(
            title=config.name[config.default_language],
            slug=_home_slug(config, config.default_language),
            locale=locales[config.default_language],
            lead=config.tagline.get(config.default_language, ""),
        )
        Page.get_first_root_node().add_child(instance=home)
        _publish(home)
        report.change(f"{config.key}: created home page ({config.default_language})")

    pages: list[Page] = [home]
    for language in config.languages[1:]:
        translation = home.get_translation_or_none(locales[language])
        if translation is None:
            translation = home.copy_for_translation(locales[language])
            translation.title = config.name[language]
            translation.slug = _home_slug(config, language)
            translation.lead = config.tagline.get(language, "")
            translation.save()
            _publish(translation)
            report.change(f"{config.key}: created home page ({language})")
        pages.append(translation)

    declared = set(config.languages)
    for other in home.get_translations().exclude(locale__language_code__in=declared):
        report.warn(
            f"{config.key}: the {other.locale.language_code} home page is kept although "
            f"the language is no longer declared; delete it in the admin if it should go"
        )
    return pages


def _collection_sync(config: SiteConfig, profile: SiteProfile | None) -> Collection:
    root = Collection.get_first_root_node()
    name = config.name[config.default_language]
    collection = profile.collection if profile and profile.collection_id else None
    if collection is None:
        collection = root.get_children().filter(name=name).first() or root.add_child(name=name)
    elif collection.name != name:
        collection.name = name
        collection.save(update_fields=["name"])
    return collection


def _site_sync(
    config: SiteConfig, locales: dict[str, Locale], report: SyncReport
) -> tuple[SiteProfile, SiteAccess]:
    profile = SiteProfile.objects.select_related("site").filter(key=config.key).first()
    site = profile.site if profile else None
    home_pages = _home_pages_sync(config, site, locales, report)

    values = {
        "hostname": config.hostname,
        "port": config.port,
        "site_name": config.name[config.default_language],
        "root_page_id": home_pages[0].pk,
        "is_default_site": config.is_default,
    }
    if site is None:
        site = Site.objects.create(**values)
        report.change(f"{config.key}: created site {config.hostname}:{config.port}")
    else:
        changed = [name for name, value in values.items() if getattr(site, name) != value]
        if changed:
            for name in changed:
                setattr(site, name, values[name])
            site.save()
            report.change(f"{config.key}: updated site ({', '.join(sorted(changed))})")

    collection = _collection_sync(config, profile)
    profile_values = {
        "key": config.key,
        "names": config.name,
        "taglines": config.tagline,
        "languages": list(config.languages),
        "theme": config.theme,
        "audience": config.audience,
        "contact": config.contact,
        "navigation": [item.as_json() for item in config.navigation],
        "syndicates": list(config.syndicates),
        "accessibility_statement": config.accessibility_statement,
        "collection": collection,
    }
    profile = profile or SiteProfile(site=site)
    changed = [name for name, value in profile_values.items() if getattr(profile, name) != value]
    if changed or profile.pk is None:
        for name in changed:
            setattr(profile, name, profile_values[name])
        profile.save()
        report.change(f"{config.key}: updated settings ({', '.join(sorted(changed))})")

    access = SiteAccess(
        key=config.key,
        group_name=editors_group_name(config.name[config.default_language]),
        home_pages=tuple(home_pages),
        collection=collection,
    )
    return profile, access


# Called inside ``sites_sync``'s transaction once the managed groups are in line, as
# ``fn(groups=...)`` (name -> Group, which ``fn`` may add to): each content app brings its
# own groups and workflows (a Wagtail hook: the one extension mechanism).
SITES_SYNCED_HOOK = "after_sites_sync"


def sites_sync(*, directory: Path | None = None, dry_run: bool = False) -> SyncReport:
    """Bring Wagtail's sites, home pages, settings, groups and workflows in line with
    ``sites/*.toml``. Idempotent; raises ``SiteConfigError`` before changing anything if
    any file is malformed. ``dry_run`` reports the changes and rolls them back."""
    configs = load_site_configs(directory)
    report = SyncReport()
    with transaction.atomic():
        locales = locales_sync([code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES])
        _remove_stock_site(report)
        profiles_access = [_site_sync(config, locales, report) for config in configs]
        accesses = [access for _profile, access in profiles_access]
        groups = groups_sync(sites=accesses)
        for profile, access in profiles_access:
            group = groups[access.group_name]
            if profile.editors_group_id != group.pk:
                profile.editors_group = group
                profile.save(update_fields=["editors_group"])
        # The content apps' own groups and workflows (legal officers, press review).
        for synced in hooks.get_hooks(SITES_SYNCED_HOOK):
            synced(groups=groups)
        if dry_run:
            transaction.set_rollback(True)

    declared = {config.key for config in configs}
    for profile in SiteProfile.objects.exclude(key__in=declared).exclude(key=None):
        report.warn(
            f"{profile.key}: no file in sites/ declares this site any more; it was left as is"
        )
    return report
