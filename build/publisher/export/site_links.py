"""The links every page of a site shows: its menu, its accessibility statement and the
official notices (this site's, else the city's), resolved to addresses per language."""

from __future__ import annotations

import logging

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from records import NOTICE, kind_named, kinds_with

from .locations import Locator, PageRow, SiteInfo, _Located

logger = logging.getLogger(__name__)
ByKey = dict[tuple[str, str], _Located]


def link_sites(locator: Locator, keys) -> None:
    """Resolve menus, accessibility statements and the official notices' section of these
    sites (after locating)."""
    by_url_path, by_key = locator.link_indexes()
    notices: ByKey = {}
    models = [kind_named(name).model.split(".") for name in kinds_with(lists=NOTICE)]
    types = [ContentType.objects.get_by_natural_key(*model) for model in models]
    sections = Page.objects.live().public().filter(content_type__in=types)
    for pk in sections.values_list("pk", flat=True):  # in tree order: the first one wins
        located = locator.located.get(pk)
        if located is not None:
            notices.setdefault((located.site, located.lang), located)
    for key in keys:
        info = locator.sites[key]
        _site_links(locator, info, by_url_path, by_key)
        for lang in info.languages:
            located = notices.get((key, lang)) or (
                notices.get((info.parent, lang)) if info.parent else None
            )
            if located is not None:
                url = locator.page_url(located.page_id, from_site=key)
                info.notices[lang] = {"title": locator.pages[located.page_id].title, "url": url}


def _site_links(
    locator: Locator, info: SiteInfo, by_url_path: dict[str, PageRow], by_key: ByKey
) -> None:
    """Menu entries and the accessibility statement, per language."""
    profile = next(p for p in locator.profiles if p.key == info.key)

    def resolve(slug_path: str, lang: str) -> _Located | None:
        """A slug path below the default-language home, in ``lang`` (its translation)."""
        home_path = locator.pages[info.homes[info.languages[0]]].url_path
        target = by_url_path.get(home_path + slug_path + "/")
        located = by_key.get((str(target.translation_key), lang)) if target else None
        if located is None:
            logger.warning("%s: %s has no published %s page", info.key, slug_path, lang)
        return located

    for lang in info.languages:
        entries = []
        for item in profile.navigation:
            label = item["label"].get(lang) or item["label"][info.languages[0]]
            if "url" in item:
                entries.append({"label": label, "url": item["url"]})
            elif located := resolve(item["page"], lang):
                entries.append({"label": label, "url": located.path})
        info.navigation[lang] = entries
        if profile.accessibility_statement:
            located = resolve(profile.accessibility_statement, lang)
            if located is not None:
                title = locator.pages[located.page_id].title
                info.accessibility[lang] = {"title": title, "url": located.path}
