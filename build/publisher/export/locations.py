"""Where pages are: every live, public page's site, language and address, found from the
tree without Wagtail's per-page URL lookups, and kept from build to build.

An edit's build re-reads only the changed pages and the subtrees below their old and new
places (``relocate``); a new process starts from what the last build found (``restored``,
from the saved state).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q

from wagtail.models import Page

from cms.core.models import SiteProfile


@dataclass
class SiteInfo:
    """A site as the renderer needs it."""

    key: str
    base_url: str
    hostname: str
    names: dict[str, str]
    taglines: dict[str, str]
    languages: list[str]
    theme: str
    audience: str
    contact: dict[str, str]
    syndicates: list[str]
    navigation: dict[str, list[dict]] = field(default_factory=dict)
    accessibility: dict[str, dict] = field(default_factory=dict)  # lang -> {title, url}
    # lang -> {title, url}: the official notices, this site's or the city's (every footer).
    notices: dict[str, dict] = field(default_factory=dict)
    homes: dict[str, int] = field(default_factory=dict)
    # The city's own site, for a sub-site (its organisation's parentOrganization).
    parent: str | None = None

    def url(self, lang: str) -> str:
        return self.base_url + ("/" if lang == self.languages[0] else f"/{lang}/")


class PageRow(NamedTuple):
    """The few columns of a page that addresses and plans need: reading 10,000 of these is
    far cheaper than building 10,000 Page model instances. A tuple, so that the build
    state stores 100,000 of them with no conversion."""

    pk: int
    path: str
    depth: int
    url_path: str
    title: str
    translation_key: str
    content_type_id: int

    @property
    def model(self) -> type[Page]:
        return ContentType.objects.get_for_id(self.content_type_id).model_class()


@dataclass
class Locations:
    """What ``Exporter`` found of where pages are, kept with the build state."""

    homes: dict[str, tuple[str, str]]  # home page path -> (site, language)
    home_url_paths: dict[str, str]
    rows: dict[int, PageRow]


@dataclass
class _Located:
    page_id: int
    site: str
    lang: str
    path: str  # path on its own site, e.g. "/sv/tjanster/"


def _subtree(place: str) -> Q:
    """Pages at or below the tree path ``place``. SQLite does not use the path's index for
    ``LIKE 'place%'`` (30 ms on 100,000 pages, in every edit's build): there, the same
    pages as a range, since treebeard's paths are ASCII letters and digits and SQLite
    compares text byte by byte. Other databases compare by collation: left to ``LIKE``."""
    if connection.vendor == "sqlite":
        return Q(path__gte=place, path__lt=place + "\x7f")
    return Q(path__startswith=place)


class Locator:
    """Finds where pages are (``locate_pages``, ``relocate``) and links between them."""

    def __init__(self) -> None:
        self.profiles = list(SiteProfile.objects.select_related("site", "site__root_page"))
        self.sites: dict[str, SiteInfo] = {}
        self.located: dict[int, _Located] = {}
        self.pages: dict[int, PageRow] = {}
        # The pages ``relocate`` read again or dropped (None: every page was read).
        self.reread: set[int] | None = None
        self._sorted_paths: list[str] | None = None  # tree paths of ``pages``, sorted
        self._pk_by_path: dict[str, int] | None = None
        self._link_indexes: tuple[dict, dict] | None = None  # see ``link_indexes``

    def locate(self, page: Page) -> _Located | None:
        """Where ``page`` is (or would be) published, from its tree position and slug."""
        home_path = page.path[: Page.steplen * 2]
        if home_path not in self.homes:
            return None  # a tree outside every declared site and language
        site, lang = self.homes[home_path]
        info = self.sites[site]
        relative = page.url_path[len(self.home_url_paths[home_path]) :]
        prefix = "/" if lang == info.languages[0] else f"/{lang}/"
        return _Located(page.pk, site, lang, prefix + relative)

    def locate_homes(self) -> None:
        self.homes: dict[str, tuple[str, str]] = {}  # home path -> (site, lang)
        self.home_url_paths: dict[str, str] = {}
        homes, home_url_paths = self.homes, self.home_url_paths
        # Every site's home in every language in one query (each edit's build asks).
        keys = {profile.site.root_page.translation_key for profile in self.profiles}
        translations: dict[object, list[Page]] = defaultdict(list)
        for home in Page.objects.filter(translation_key__in=keys).select_related("locale"):
            translations[home.translation_key].append(home)
        default = next((p.key for p in self.profiles if p.site.is_default_site), None)
        for profile in self.profiles:
            root = profile.site.root_page
            info = SiteInfo(
                parent=default if default != profile.key else None,
                key=profile.key,
                base_url=profile.site.root_url,
                hostname=profile.site.hostname,
                names=profile.names,
                taglines=profile.taglines,
                languages=list(profile.languages),
                theme=profile.theme,
                audience=profile.audience,
                contact=profile.contact,
                syndicates=list(profile.syndicates),
            )
            self.sites[profile.key] = info
            for home in translations[root.translation_key]:  # as get_translations(inclusive)
                lang = home.locale.language_code
                if lang in info.languages:
                    homes[home.path] = (profile.key, lang)
                    home_url_paths[home.path] = home.url_path
                    info.homes[lang] = home.pk

    def _add_rows(self, rows) -> list[int]:
        added = []
        for pk, path, depth, url_path, title, key, content_type_id in rows.values_list(
            "id", "path", "depth", "url_path", "title", "translation_key", "content_type_id"
        ):
            page = PageRow(pk, path, depth, url_path, title, str(key), content_type_id)
            located = self.locate(page)
            if located is not None:
                if pk in self.pages:
                    self._forget_path(self.pages[pk].path)
                self.located[page.pk] = located
                self.pages[page.pk] = page
                added.append(pk)
                if self._sorted_paths is not None and self._pk_by_path is not None:
                    if path not in self._pk_by_path:
                        insort(self._sorted_paths, path)
                    self._pk_by_path[path] = pk
        return added

    def locate_pages(self) -> None:
        self.locate_homes()
        self._add_rows(Page.objects.live().public().filter(depth__gte=2))

    def relocate(self, previous: Locator, page_ids: set[int]) -> None:
        """What ``locate_pages`` would find, reading only the pages ``page_ids`` and the
        subtrees below their old and new places; every other page as ``previous`` found
        it. Sound because every change to a page (publish, unpublish, move, delete,
        privacy) queues its id, and only these change where the pages below it are."""
        self.locate_homes()
        if (self.homes, self.home_url_paths) != (previous.homes, previous.home_url_paths):
            self.located, self.pages = {}, {}
            self.locate_pages()  # a home moved or a site changed languages: all of it
            return
        places = {previous.pages[pid].path for pid in page_ids if pid in previous.pages}
        places |= set(Page.objects.filter(pk__in=page_ids).values_list("path", flat=True))
        paths, pk_by_path = previous.sorted_paths()
        dropped = {pid for pid in page_ids if pid in previous.pages}
        for place in places:
            position = bisect_left(paths, place)
            while position < len(paths) and paths[position].startswith(place):
                dropped.add(pk_by_path[paths[position]])
                position += 1
        # Copied at C speed, then patched: on 100,000 pages, building them again is not.
        self.pages, self.located = dict(previous.pages), dict(previous.located)
        self._sorted_paths, self._pk_by_path = list(paths), dict(pk_by_path)
        url_index, key_index = previous.link_indexes()
        by_url_path, by_key = dict(url_index), dict(key_index)
        for pk in dropped:
            row = self.pages.pop(pk)
            located = self.located.pop(pk)
            self._forget_path(row.path)
            if by_url_path.get(row.url_path) is row:
                del by_url_path[row.url_path]
            if by_key.get((row.translation_key, located.lang)) is located:
                del by_key[(row.translation_key, located.lang)]
        subtrees = Q(pk__in=page_ids)
        for place in places:
            subtrees |= _subtree(place)
        added = self._add_rows(Page.objects.live().public().filter(depth__gte=2).filter(subtrees))
        for pk in added:
            row, located = self.pages[pk], self.located[pk]
            by_url_path[row.url_path] = row
            by_key[(row.translation_key, located.lang)] = located
        self._link_indexes = (by_url_path, by_key)
        self.reread = dropped | set(added)

    def sorted_paths(self) -> tuple[list[str], dict[str, int]]:
        """The tree paths of every located page, sorted, and the page at each."""
        if self._sorted_paths is None or self._pk_by_path is None:
            self._pk_by_path = {row.path: pk for pk, row in self.pages.items()}
            self._sorted_paths = sorted(self._pk_by_path)
        return self._sorted_paths, self._pk_by_path

    def _forget_path(self, path: str) -> None:
        if self._sorted_paths is None or self._pk_by_path is None:
            return
        position = bisect_left(self._sorted_paths, path)
        if position < len(self._sorted_paths) and self._sorted_paths[position] == path:
            del self._sorted_paths[position]
        self._pk_by_path.pop(path, None)

    def locations(self) -> Locations:
        return Locations(homes=self.homes, home_url_paths=self.home_url_paths, rows=self.pages)

    @classmethod
    def restored(cls, locations: Locations) -> Locator:
        """An exporter that found what ``locations`` says (from a state another process
        saved), to ``relocate`` from."""
        exporter = cls()
        exporter.locate_homes()
        current = (exporter.homes, exporter.home_url_paths)
        exporter.homes, exporter.home_url_paths = locations.homes, locations.home_url_paths
        if current != (locations.homes, locations.home_url_paths):
            return exporter  # sites changed since: ``relocate`` sees it and reads every page
        for pk, row in locations.rows.items():
            located = exporter.locate(row)
            if located is not None:
                exporter.located[pk] = located
                exporter.pages[pk] = row
        return exporter

    def page_url(self, page_id: int, *, from_site: str) -> str | None:
        """A link from a page of ``from_site``: a path on the same site, else a full URL."""
        located = self.located.get(page_id)
        if located is None:
            return None
        if located.site == from_site:
            return located.path
        return self.sites[located.site].base_url + located.path

    def absolute_url(self, page_id: int) -> str:
        located = self.located[page_id]
        return self.sites[located.site].base_url + located.path

    # -- content ---------------------------------------------------------------------------
    def link_indexes(self) -> tuple[dict[str, PageRow], dict[tuple[str, str], _Located]]:
        """Pages by URL path, and by (translation key, language): what menus resolve."""
        if self._link_indexes is None:
            self._link_indexes = (
                {page.url_path: page for page in self.pages.values()},
                {
                    (page.translation_key, self.located[pk].lang): self.located[pk]
                    for pk, page in self.pages.items()
                },
            )
        return self._link_indexes
