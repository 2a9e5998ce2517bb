"""The Pelican generator that turns one site's records into every file of its static site.

Pelican provides the settings, the Jinja environment over ``themes/base`` with the site's
theme as overrides, and the copying of theme static files. This generator holds what every
output needs (the site, its records and their indexes, the page context, the memo of a
long-lived worker); the outputs themselves are rendered by the modules of ``outputs/``,
which hand each file to ``emit`` with its owner. Files go to ``self.files`` (path ->
bytes) and their owners to ``self.owners``; the release step writes them.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from datetime import datetime
from functools import cached_property
from operator import itemgetter

from markupsafe import Markup
from pelican.generators import Generator

from django.utils import translation
from django.utils.translation import gettext, ngettext

from records import HOME, kinds_with

from .. import hooks
from ..export.blocks_html import picture_html, rebased
from ..export.exporter import Export, SiteInfo
from ..export.siteindex import index_of
from . import cards, head, memo, parts
from .dates import date_filter, time_filter, when
from .head import LANGUAGE_NAMES
from .jsonld import jsonld
from .outputs import api, feeds, library, pages, site_files, sitemap
from .outputs.listings import SEGMENTS


class CityGenerator(Generator):
    """Renders the site named by the ``CITY_SITE`` setting from the ``CITY_EXPORT`` records."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.export: Export = self.settings["CITY_EXPORT"]
        self.site: SiteInfo = self.export.sites[self.settings["CITY_SITE"]]
        self.now: datetime = self.settings["CITY_NOW"]
        # The caller's dicts: rendered files (path -> bytes) and which record owns each
        # path ("page:<id>" or "site"), so that an incremental build knows what to remove.
        # In a worker, a listing page or site file may come as the memo keeps it (bytes(it)).
        self.files: MutableMapping[str, bytes | memo.Kept] = self.settings["CITY_FILES"]
        self.owners: dict[str, str] = self.settings.get("CITY_OWNERS", {})
        # Page id -> why it could not be rendered, for builds that go on without it (None:
        # a preview, where the error is the editor's answer).
        self.failures: dict[int, str] | None = self.settings.get("CITY_FAILURES")
        self.env.add_extension("jinja2.ext.i18n")
        # Old-style callables: templates format with |format, which Django's makemessages
        # can extract (it cannot read Jinja's keyword-argument form).
        self.env.install_gettext_callables(gettext=gettext, ngettext=ngettext, newstyle=False)
        self.env.filters.update(date=date_filter, time=time_filter)
        self.env.globals.update(
            LANGUAGE_NAMES=LANGUAGE_NAMES,
            picture=lambda image, **kwargs: Markup(picture_html(image, **kwargs)),  # noqa: S704
            card=self.card,
            part=parts.include,
        )
        self.records = self.export.records[self.site.key]
        # Made once per list of records, and carried from build to build (siteindex.py).
        self.index = index_of(self.records)
        self.by_path = self.index.by_path
        self.home_kinds = sorted(kinds_with(role=HOME))

    # -- what outputs read -----------------------------------------------------------------

    def syndicated(self, kinds: set[str], lang: str) -> list[dict]:
        """Records of these kinds in ``lang`` from this site and the sites it syndicates,
        in the order of the sites and of each site's records (by tree path)."""
        found = []
        for key in [self.site.key, *self.site.syndicates]:
            records = self.export.records.get(key)
            if not records:
                continue  # (a site with no records has no index worth remembering)
            by_kind = index_of(records).by_kind
            entries = [record for kind in kinds for record in by_kind.get((kind, lang), ())]
            if len(kinds) > 1:
                entries.sort(key=itemgetter("path"))
            found += entries
        return found

    def find_home(self, lang: str) -> dict | None:
        """The site's home page in ``lang``, if it has one."""
        for kind in self.home_kinds:
            homes = self.index.by_kind.get((kind, lang))
            if homes:
                return homes[0]
        return None

    def home(self, lang: str) -> dict:
        """The site's home page in ``lang`` (KeyError if it has none)."""
        found = self.find_home(lang)
        if found is None:
            raise KeyError(f"{self.site.key} has no home page in {lang}")
        return found

    def link(self, record: dict) -> str:
        """Where a record lives, seen from this site."""
        return record["url"] if record["site"] == self.site.key else record["full_url"]

    def card(self, item: dict, link: Callable[[dict], str], lang: str) -> Markup:
        """A listing's card of ``item`` (the ``card`` macro), naming the site it comes from
        when that is another (whose address its image is then at); in a worker,
        remembered while the record is the same object (``cards.py``)."""
        macro = self._card_macro
        other = self.export.sites.get(item["site"]) if item["site"] != self.site.key else None
        label = other.names.get(lang) or other.names[other.languages[0]] if other else ""

        def make() -> Markup:
            image = item.get("image")
            if other is not None and image:
                image = rebased(image, other.base_url)
            return macro(item, link, lang, label, image)

        if not self.settings.get("CITY_MEMO"):
            return make()
        return cards.card(make, item, link(item), lang, label)

    @cached_property
    def _card_macro(self) -> Callable[..., Markup]:
        return self.get_template("_macros").module.card

    def ended(self, event: dict) -> bool:
        end = when(event["end"])
        return end is not None and end < self.now

    def breadcrumbs(self, record: dict) -> list[dict]:
        crumbs: list[dict] = []
        path = record["path"][:-4]
        while path in self.by_path:
            crumbs.insert(0, self.by_path[path])
            path = path[:-4]
        return crumbs

    def search_url(self, lang: str) -> str:
        return self.site.url(lang).removeprefix(self.site.base_url) + SEGMENTS["search"][lang] + "/"

    def page_context(self, record: dict, **extra) -> dict:
        lang = record["lang"]
        crumbs = self.breadcrumbs(record)
        home = self.find_home(lang)
        # The home page's image: the link preview of a page without its own.
        share = home.get("image") if home else None
        translations = [
            {"lang": code, "url": record["translations"][code], "name": LANGUAGE_NAMES[code]}
            for code in self.site.languages
            if code in record["translations"]
        ]
        canonical, alternates = (
            record["full_url"],
            head.alternates(record["translations"], self.site),
        )
        listing = extra.get("listing_url")
        if listing and listing != record["url"]:
            # A further page of a listing (page 2, a year, a month, past events) is its
            # own page: its own canonical address, and no language versions, as the
            # translations are of the listing's first page; no breadcrumbs in its data.
            canonical, alternates = self.site.base_url + listing, []
            structured = jsonld(
                {**record, "full_url": canonical}, self.site, crumbs=[], sites=self.export.sites
            )
        else:
            structured = jsonld(
                record,
                self.site,
                # As shown: a page right under the home page shows no breadcrumbs.
                crumbs=crumbs if len(crumbs) > 1 else [],
                sites=self.export.sites,
                fallback_image=share,
            )
        return {
            "site": self.site,
            "site_name": self.site.names[lang],
            "tagline": self.site.taglines.get(lang, ""),
            "lang": lang,
            "home_url": self.site.url(lang).removeprefix(self.site.base_url),
            "search_url": self.search_url(lang),
            "nav": self.site.navigation.get(lang, []),
            "page": record,
            "translations": translations,
            "canonical": canonical,
            "alternates": alternates,
            "breadcrumbs": crumbs,
            "structured": structured,
            "opengraph": head.opengraph(record, self.site, image=share),
            "link": self.link,
            "accessibility": self.site.accessibility.get(lang),
            "notices": self.site.notices.get(lang),
            "now": self.now,
            **extra,
        }

    # -- writing ---------------------------------------------------------------------------

    def emit(self, path: str, data: bytes | memo.Kept, *, owner: str) -> None:
        """A file of the site, and the record ("page:<id>") or "site" that owns it."""
        self.files[path] = data
        self.owners[path] = owner

    def render(self, template: str, path: str, context: dict, *, owner: str) -> bytes:
        html = self.get_template(template.removesuffix(".html")).render(context)
        # Only the site parts' includes reach nginx as directives (``parts.guarded``).
        data = parts.guarded(html).encode("utf-8")
        self.emit(path, data, owner=owner)
        return data

    @staticmethod
    def out(url: str, name: str = "index.html") -> str:
        return url.lstrip("/") + name

    def fragments(self, output: str, records: list[dict], make) -> list[bytes]:
        """``make(record)`` of each record, encoded; remembered in a long-lived worker."""
        if not self.settings.get("CITY_MEMO"):
            return [make(record).encode("utf-8") for record in records]
        return memo.fragments(self.site.key, output, records, make)

    def assembled(self, path: str, parts: list[bytes], frame: tuple[bytes, bytes, bytes]):
        """The file of these parts (``memo.join``); in a worker, the last one again when
        made of the very same parts (``memo.assembled``)."""
        if not self.settings.get("CITY_MEMO"):
            return memo.join(parts, frame)
        return memo.assembled(self.site.key, path, parts, frame)

    @cached_property
    def _reprs(self) -> dict[int, tuple[object, str]]:
        return {}  # id -> (a shared list or dict, its repr), for this build

    def repr_once(self, value) -> str:
        """repr(value), made once per build for a list or dict that every page of a
        listing shares (its month or year links), not once per page."""
        if not isinstance(value, list | dict):
            return repr(value)
        known = self._reprs
        entry = known.get(id(value))
        if entry is None or entry[0] is not value:
            entry = known[id(value)] = (value, repr(value))
        return entry[1]

    @cached_property
    def site_fingerprint(self) -> str:
        # Everything a page shows of its site: names, menus, statement, the other sites.
        return repr(
            (self.site, sorted((k, v.names, v.base_url) for k, v in self.export.sites.items()))
        )

    # -- the stages ------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        self.generate_selected(None, site_level=True)

    def page_outputs(self, record: dict) -> None:
        pages.page_outputs(self, record)

    def generate_selected(
        self, page_ids: set[int] | None, *, site_level: bool, bundles: set[str] | None = None
    ) -> None:
        """Render the outputs owned by these records (all when None) and, with
        ``site_level``, the files that belong to the site as a whole; make the search
        bundles named in ``bundles`` (all when ``page_ids`` is None: ``hooks``)."""
        if page_ids is None:
            selected = self.records
        else:
            by_id = self.index.by_id
            selected = sorted((by_id[i] for i in page_ids if i in by_id), key=itemgetter("path"))
        for record in selected:
            with translation.override(record["lang"]):
                pages.isolated_page_outputs(self, record, self.failures)
        if page_ids is None or bundles is not None:
            wanted = None if page_ids is None else bundles
            for path, owner, data in hooks.site_files(self.site, self.records, wanted):
                self.emit(path, data, owner=owner)
        if not site_level:
            return
        for lang in self.site.languages:
            with translation.override(lang):
                feeds.site_feed(self, lang)
                site_files.search_page(self, lang)
        self.per_record_site_files()
        with translation.override(self.site.languages[0]):
            site_files.error_pages(self)
            site_files.icons_and_robots(self)
            library.component_library(self)
            site_files.old_addresses(self)  # (last: it reads what the others wrote)

    def per_record_site_files(self) -> None:
        """The site's files made of one part per record (sitemap, JSON API): the parts a
        long-lived worker remembers (``fragments``)."""
        with translation.override(self.site.languages[0]):
            sitemap.sitemap(self)
            api.api(self)
