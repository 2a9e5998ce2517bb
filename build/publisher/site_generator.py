"""The Pelican generator that turns one site's records into every file of its static site.

Pelican provides the settings, the Jinja environment over ``themes/base`` with the site's
theme as overrides, and the copying of theme static files. This generator renders pages,
listings, archives, calendars, feeds, sitemap and the static JSON API into ``self.files``
(path -> bytes); the release step writes them.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Callable, MutableMapping
from datetime import datetime
from functools import cached_property, lru_cache
from operator import itemgetter
from zoneinfo import ZoneInfo

from markupsafe import Markup
from pelican.generators import Generator

from django.utils import formats, translation
from django.utils.translation import gettext, ngettext

from records import ARTICLE, EVENT, HOME, LISTING, all_kinds, kind_named, kinds_with, search_types
from search import static_index

from . import address_files, cards, feeds, head, ical, icons, memo
from .addresses import SiteAddresses
from .blocks_html import picture_html
from .export import Export, SiteInfo
from .jsonld import jsonld
from .schedule import schedule_of
from .siteindex import index_of

HELSINKI = ZoneInfo("Europe/Helsinki")
PAGE_SIZE = 10
# Address segments of generated listing pages, per language.
SEGMENTS = {
    "page": {"fi": "sivu", "sv": "sida", "en": "page"},
    "past": {"fi": "menneet", "sv": "tidigare", "en": "past"},
    "search": {"fi": "haku", "sv": "sok", "en": "search"},
}
# An empty file next to a page or document: nginx sends "X-Robots-Tag: noindex" for it.
NOINDEX = ".noindex"
LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


# What the JSON API gives of every page; each kind adds its own (``Kind.api_fields``).
API_FIELDS = (
    "id",
    "key",
    "lang",
    "kind",
    "url",
    "full_url",
    "title",
    "lead",
    "published",
    "updated",
    "translations",
)


# Remembered: every build reads the same dates of thousands of events again (which are
# upcoming, which are past) and shows them in the same few formats and languages.
@lru_cache(maxsize=1 << 16)
def when(iso: str | None) -> datetime | None:
    if not iso:
        return None
    value = datetime.fromisoformat(iso)
    # A date alone (a notice's last day) is a day in Helsinki.
    return value.astimezone(HELSINKI) if value.tzinfo else value.replace(tzinfo=HELSINKI)


@lru_cache(maxsize=1 << 16)
def _formatted(iso: str | None, fmt: str, lang: str | None) -> str:
    value = when(iso)
    return formats.date_format(value, fmt) if value else ""


def _article_date(record: dict) -> str:
    return record.get("date") or ""


def date_filter(iso: str | None, fmt: str = "DATE_FORMAT") -> str:
    return _formatted(iso, fmt, translation.get_language())


def time_filter(iso: str | None) -> str:
    value = when(iso)
    return value.strftime("%H.%M") if value else ""


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
        self.files: MutableMapping[str, bytes] = self.settings["CITY_FILES"]
        self.owners: dict[str, str] = self.settings.get("CITY_OWNERS", {})
        self.owner = "site"
        self.env.add_extension("jinja2.ext.i18n")
        # Old-style callables: templates format with |format, which Django's makemessages
        # can extract (it cannot read Jinja's keyword-argument form).
        self.env.install_gettext_callables(gettext=gettext, ngettext=ngettext, newstyle=False)
        self.env.filters.update(date=date_filter, time=time_filter)
        self.env.globals.update(
            LANGUAGE_NAMES=LANGUAGE_NAMES,
            picture=lambda image, **kwargs: Markup(picture_html(image, **kwargs)),  # noqa: S704
            card=self.card,
        )
        self.records = self.export.records[self.site.key]
        # Made once per list of records, and carried from build to build (siteindex.py).
        self.index = index_of(self.records)
        self.by_path = self.index.by_path

    # -- helpers ---------------------------------------------------------------------------

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

    @cached_property
    def _reprs(self) -> dict[int, tuple[object, str]]:
        return {}  # id -> (a shared list or dict, its repr), for this build

    def home(self, lang: str) -> dict:
        """The site's home page in ``lang`` (KeyError if it has none)."""
        homes = self.index.by_kind.get(("home", lang))
        if not homes:
            raise KeyError(f"{self.site.key} has no home page in {lang}")
        return homes[0]

    def link(self, record: dict) -> str:
        """Where a record lives, seen from this site."""
        return record["url"] if record["site"] == self.site.key else record["full_url"]

    def card(self, item: dict, link: Callable[[dict], str], lang: str) -> Markup:
        """A listing's card of ``item`` (the ``card`` macro); in a worker, remembered
        while the record is the same object (``cards.py``)."""
        macro = self._card_macro
        if not self.settings.get("CITY_MEMO"):
            return macro(item, link, lang)
        return cards.card(lambda: macro(item, link, lang), item, link(item), lang)

    @cached_property
    def _card_macro(self) -> Callable[..., Markup]:
        return self.get_template("_macros").module.card

    def ended(self, event: dict) -> bool:
        return when(event["end"]) < self.now

    def newest(self, articles: list[dict]) -> list[dict]:
        return sorted(articles, key=_article_date, reverse=True)

    def breadcrumbs(self, record: dict) -> list[dict]:
        crumbs = []
        path = record["path"][:-4]
        while path in self.by_path:
            crumbs.insert(0, self.by_path[path])
            path = path[:-4]
        return crumbs

    def share_image(self, lang: str) -> dict | None:
        """The site's home page's image: the link preview of a page without its own."""
        homes = self.index.by_kind.get(("home", lang))
        return homes[0].get("image") if homes else None

    def page_context(self, record: dict, **extra) -> dict:
        lang = record["lang"]
        crumbs = self.breadcrumbs(record)
        share = self.share_image(lang)
        translations = [
            {"lang": code, "url": record["translations"][code], "name": LANGUAGE_NAMES[code]}
            for code in self.site.languages
            if code in record["translations"]
        ]
        context = {
            "site": self.site,
            "site_name": self.site.names[lang],
            "tagline": self.site.taglines.get(lang, ""),
            "lang": lang,
            "home_url": self.site.url(lang).removeprefix(self.site.base_url),
            "search_url": self.search_url(lang),
            "nav": self.site.navigation.get(lang, []),
            "page": record,
            "translations": translations,
            "canonical": record["full_url"],
            "alternates": head.alternates(record["translations"], self.site),
            "breadcrumbs": crumbs,
            # As shown: a page right under the home page shows no breadcrumbs.
            "structured": jsonld(
                record,
                self.site,
                crumbs=crumbs if len(crumbs) > 1 else [],
                sites=self.export.sites,
                fallback_image=share,
            ),
            "opengraph": head.opengraph(record, self.site, image=share),
            "link": self.link,
            "accessibility": self.site.accessibility.get(lang),
            "notices": self.site.notices.get(lang),
            "now": self.now,
            **extra,
        }
        listing = extra.get("listing_url")
        if listing and listing != record["url"]:
            # A further page of a listing (page 2, a year, a month, past events) is its
            # own page: its own canonical address, and no language versions, as the
            # translations are of the listing's first page.
            canonical = self.site.base_url + listing
            context.update(
                canonical=canonical,
                alternates=[],
                structured=jsonld(
                    {**record, "full_url": canonical}, self.site, crumbs=[], sites=self.export.sites
                ),
            )
        return context

    def search_url(self, lang: str) -> str:
        return self.site.url(lang).removeprefix(self.site.base_url) + SEGMENTS["search"][lang] + "/"

    def search_page(self, lang: str) -> None:
        """The search page: searches every site's Pagefind bundles in the browser."""
        home = self.home(lang)
        url = self.search_url(lang)
        sites = [self.site.key] + sorted(k for k in self.export.sites if k != self.site.key)
        config = {
            "lang": lang,
            "sites": [
                {
                    "key": key,
                    "name": self.export.sites[key].names.get(lang, key),
                    "origin": self.export.sites[key].base_url,
                    "languages": self.export.sites[key].languages,
                }
                for key in sites
            ],
            "types": {key: str(label) for key, label in search_types().items()},
            "languages": {code: LANGUAGE_NAMES[code] for code in LANGUAGE_NAMES},
        }
        record = {
            **home,
            "kind": "search",
            "title": gettext("Search"),
            "seo_title": gettext("Search"),
            "url": url,
            "full_url": self.site.base_url + url,
            "description": gettext(
                "Search all of the city's websites: services, news, events and official notices."
            ),
            "lead": "",
            "translations": {code: self.search_url(code) for code in self.site.languages},
        }
        self.render(
            "search.html",
            self.out(url),
            self.page_context(
                record,
                search_config=json.dumps(config, ensure_ascii=False, sort_keys=True),
                sites=config["sites"],
                types=config["types"],
            ),
        )

    def emit(self, path: str, data: bytes | memo.Kept) -> None:
        self.files[path] = data
        self.owners[path] = self.owner

    def render(self, template: str, path: str, context: dict) -> bytes:
        data = self.get_template(template.removesuffix(".html")).render(context).encode("utf-8")
        self.emit(path, data)
        return data

    @staticmethod
    def out(url: str, name: str = "index.html") -> str:
        return url.lstrip("/") + name

    # -- outputs ---------------------------------------------------------------------------

    def generate_output(self, writer) -> None:
        self.generate_selected(None, site_level=True)

    def generate_selected(
        self, page_ids: set[int] | None, *, site_level: bool, bundles: set[str] | None = None
    ) -> None:
        """Render the outputs owned by these records (all when None) and, with
        ``site_level``, the files that belong to the site as a whole; index the search
        bundles named in ``bundles`` (all when ``page_ids`` is None)."""
        if page_ids is None:
            selected = self.records
        else:
            by_id = self.index.by_id
            selected = sorted((by_id[i] for i in page_ids if i in by_id), key=itemgetter("path"))
        for record in selected:
            self.owner = f"page:{record['id']}"
            with translation.override(record["lang"]):
                self.page_outputs(record)
        if page_ids is None or bundles is not None:
            for path, owner, data in static_index.bundle_files(
                self.site, self.records, None if page_ids is None else bundles
            ):
                self.owner = owner
                self.emit(path, data)
        if not site_level:
            return
        self.owner = "site"
        for lang in self.site.languages:
            with translation.override(lang):
                self.site_feed(lang)
                self.search_page(lang)
        self.per_record_site_files()
        with translation.override(self.site.languages[0]):
            self.not_found(
                "404.html",
                gettext("Page not found"),
                gettext(
                    "The page may have moved or been removed. Start again from the front page:"
                ),
            )
            self.not_found(
                "410.html",
                gettext("Page removed"),
                gettext(
                    "The page that was at this address has been removed from the site. Start "
                    "again from the front page or search the city's sites:"
                ),
            )
            self.old_addresses()
        with translation.override(self.site.languages[0]):
            logo = self.get_template("_logo").render({})
            brand = self.get_template("_brand").render({})
        for path, data in icons.site_icons(logo, brand).items():
            self.emit(path, data)
        self.emit(
            "robots.txt",
            f"User-agent: *\nAllow: /\nSitemap: {self.site.base_url}/sitemap.xml\n".encode(),
        )

    def per_record_site_files(self) -> None:
        """The site's files made of one part per record (sitemap, JSON API): the parts a
        long-lived worker remembers (``fragments``)."""
        with translation.override(self.site.languages[0]):
            self.sitemap()
            self.api()

    def page_outputs(self, record: dict) -> None:
        kind = kind_named(record["kind"])
        children = self.index.children_of(record)
        if kind.role == HOME:
            self.home_page(record, kind.template, children)
        elif kind.role == LISTING:
            listing = {ARTICLE: self.article_listing, EVENT: self.event_listing}
            if kind.lists in listing:
                listing[kind.lists](record, children)
            else:
                self.notice_listing(record, children)
        else:
            context = self.page_context(record, children=children)
            self.render(kind.template, self.out(record["url"]), context)
        # Markers the generated nginx config turns into "X-Robots-Tag: noindex".
        if record.get("noindex"):
            self.emit(self.out(record["url"]) + NOINDEX, b"")
        for path in record.get("personal_files", ()):
            self.emit(path.lstrip("/") + NOINDEX, b"")
        if kind.role == EVENT:
            calendar = ical.calendar(
                [(record, record["full_url"])],
                name=record["title"],
                hostname=self.site.hostname,
                lang=record["lang"],
            )
            self.emit(self.out(record["url"], "event.ics"), calendar)

    def home_page(self, record: dict, template: str, children: list[dict]) -> None:
        # The first six of each, not all of them sorted (equal to sorted(...)[:6]):
        # a city that syndicates every site lists thousands of events.
        articles = heapq.nlargest(
            6, self.syndicated(kinds_with(role=ARTICLE), record["lang"]), key=_article_date
        )
        events = heapq.nsmallest(
            6,
            (
                e
                for e in self.syndicated(kinds_with(role=EVENT), record["lang"])
                if not self.ended(e)
            ),
            key=itemgetter("start"),
        )
        # Sections, pages and the official notices: a municipality publishes its notices
        # where residents find them (Kuntalaki 108 §).
        listed = {kind.name for kind in all_kinds() if kind.in_home}
        sections = [c for c in children if c["kind"] in listed]
        self.render(
            template,
            self.out(record["url"]),
            self.page_context(record, articles=articles, events=events, sections=sections),
        )

    def paginate(self, record: dict, items: list[dict], base: str, template: str, **extra) -> None:
        pages = max(1, -(-len(items) // PAGE_SIZE))
        segment = SEGMENTS["page"][record["lang"]]
        for number in range(1, pages + 1):
            url = base if number == 1 else f"{base}{segment}/{number}/"
            pagination = {
                "number": number,
                "pages": pages,
                "previous": None
                if number == 1
                else (base if number == 2 else f"{base}{segment}/{number - 1}/"),
                "next": f"{base}{segment}/{number + 1}/" if number < pages else None,
            }
            chunk = items[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
            self.render_listing(
                template, record, chunk, pagination=pagination, listing_url=url, **extra
            )

    def render_listing(self, template: str, record: dict, items: list[dict], **extra) -> None:
        """One page of a listing; reused from the memo when made from the same records."""
        path = self.out(extra["listing_url"])
        if not self.settings.get("CITY_MEMO"):
            self.render(template, path, self.page_context(record, items=items, **extra))
            return
        crumbs = self.breadcrumbs(record)
        sources = [record, *crumbs, *items]
        key = (template, record["lang"], self.site_fingerprint, repr(record["translations"]))
        key += tuple((name, self._repr(value)) for name, value in sorted(extra.items()))
        data = memo.recall(self.site.key, path, key, sources)
        if data is not None:
            self.emit(path, data)
            return
        seed = self.settings.get("CITY_SEED")
        data = seed(path) if seed is not None else None
        if data is None:
            data = self.render(template, path, self.page_context(record, items=items, **extra))
        # Emitted as remembered: the build takes its digest from there, not hashing it again.
        self.emit(path, memo.remember(self.site.key, path, key, sources, data))

    def _repr(self, value) -> str:
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

    def article_listing(self, record: dict, articles: list[dict]) -> None:
        years = sorted({a["date"][:4] for a in articles if a.get("date")}, reverse=True)
        archive = [{"year": y, "url": f"{record['url']}{y}/"} for y in years]
        self.paginate(
            record, articles, record["url"], "article_index.html", years=archive, year=None
        )
        for year in years:
            in_year = [a for a in articles if (a.get("date") or "").startswith(year)]
            self.paginate(
                record,
                in_year,
                f"{record['url']}{year}/",
                "article_index.html",
                years=archive,
                year=year,
            )
        self.section_feed(record, articles)

    def event_listing(self, record: dict, children: list[dict]) -> None:
        # Its own events, then those of the sites it syndicates (``schedule.py``: kept and
        # patched by a worker, as a listing of every site's events is thousands of them).
        others = []
        for key in self.site.syndicates:
            records = self.export.records.get(key) if key != self.site.key else None
            if records:  # (a site with no records has no index worth remembering)
                by_kind = index_of(records).by_kind
                for name in sorted(kinds_with(role=EVENT)):
                    others.append(by_kind.get((name, record["lang"]), []))
        calendar_path = self.out(record["url"], "calendar.ics")
        events = schedule_of(
            self.site.key,
            calendar_path,
            children,
            others,
            hostname=self.site.hostname,
            when=when,
            remember=bool(self.settings.get("CITY_MEMO")),
        )
        upcoming, past = events.split(self.now)
        month_links = [
            {
                "month": m,
                "url": f"{record['url']}{m}/",
                "label": date_filter(m + "-01", "YEAR_MONTH_FORMAT"),
            }
            for m in events.months
        ]
        past_url = f"{record['url']}{SEGMENTS['past'][record['lang']]}/"
        common = {
            "months": month_links,
            "past_url": past_url,
            "calendar_url": f"{record['url']}calendar.ics",
        }
        # Upcoming and past events show one page each (the nearest ones), and every event
        # is on its month's page. Numbered pages would all shift by one whenever an event
        # ends, so each ending would rewrite every page of both lists, on every site that
        # shows the event; a month's page stays the same address with the same events.
        for view, items, url in (("upcoming", upcoming, record["url"]), ("past", past, past_url)):
            self.render_listing(
                "event_index.html",
                record,
                items[:PAGE_SIZE],
                pagination=None,
                view=view,
                more=len(items) > PAGE_SIZE,
                listing_url=url,
                **common,
            )
        for link in month_links:
            self.render_listing(
                "event_index.html",
                record,
                events.by_month[link["month"]],
                pagination=None,
                view="month",
                month_label=link["label"],
                listing_url=link["url"],
                **common,
            )
        self.emit(
            calendar_path,
            ical.assemble(
                events.vevents,
                name=f"{self.site.names[record['lang']]}: {record['title']}",
                hostname=self.site.hostname,
                lang=record["lang"],
            ),
        )
        # What is coming, nearest first: a reader subscribes to an event section for that.
        self.section_feed(record, upcoming)

    def notice_listing(self, record: dict, children: list[dict]) -> None:
        """Notices on view now, newest first, then the archive of ended ones; the feed
        carries the ones on view."""
        current = sorted(
            (c for c in children if not c["ended"]), key=lambda c: c["date"], reverse=True
        )
        archive = sorted((c for c in children if c["ended"]), key=lambda c: c["ends_at"])[::-1]
        self.render(
            "notice_index.html",
            self.out(record["url"]),
            self.page_context(record, current=current, archive=archive),
        )
        self.section_feed(record, current)

    def _feed(self, title: str, link: str, lang: str, items: list[dict], owner: dict) -> bytes:
        # An empty feed is dated by the record that owns it, so it changes only with it.
        fallback = when(owner.get("updated")) or datetime(2000, 1, 1, tzinfo=HELSINKI)
        return feeds.atom(
            title=title,
            link=link,
            lang=lang,
            items=items,
            site=self.site,
            sites=self.export.sites,
            fallback=fallback,
            when=when,
        )

    def section_feed(self, record: dict, items: list[dict]) -> None:
        title = f"{self.site.names[record['lang']]}: {record['title']}"
        self.emit(
            self.out(record["url"], "feed.xml"),
            self._feed(title, record["full_url"], record["lang"], items, owner=record),
        )

    def site_feed(self, lang: str) -> None:
        by_kind = self.index.by_kind
        fed = kinds_with(role=ARTICLE) | kinds_with(role=EVENT)
        items = [r for kind in sorted(fed) for r in by_kind.get((kind, lang), ())]
        items.sort(key=itemgetter("path"))  # tree order first, as ties keep it
        # Newest announcement first (an event by when it was published, not when it is).
        items.sort(key=lambda r: _article_date(r) or r.get("published") or "", reverse=True)
        base = self.site.url(lang)
        home = self.home(lang) if ("home", lang) in self.index.by_kind else {}
        self.emit(
            self.out(base.removeprefix(self.site.base_url), "feed.xml"),
            self._feed(self.site.names[lang], base, lang, items, owner=home),
        )

    def sitemap(self) -> None:
        opening = (
            b'<?xml version="1.0" encoding="UTF-8"?>\n'
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            b'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        )

        def entry(record: dict) -> str:
            parts = [f"<url><loc>{record['full_url']}</loc>"]
            if record.get("updated"):
                parts.append(f"<lastmod>{record['updated'][:10]}</lastmod>")
            for code, url in head.alternates(record["translations"], self.site):
                parts.append(f'<xhtml:link rel="alternate" hreflang="{code}" href="{url}"/>')
            parts.append("</url>")
            return "\n".join(parts)

        # A page that holds personal data is not offered to crawlers. Each entry is made
        # once per record object in a long-lived worker (``memo.fragments``).
        offered = [record for record in self.records if not record.get("noindex")]
        parts = self.fragments("sitemap.xml", offered, entry)
        end = b"\n</urlset>\n" if parts else b"</urlset>\n"
        self.emit("sitemap.xml", self.assembled("sitemap.xml", parts, (b"\n", opening, end)))

    def old_addresses(self) -> None:
        """Redirects and removed addresses: nginx's maps and the redirect pages."""
        found = self.export.addresses.get(self.site.key) or SiteAddresses()
        self.emit(address_files.MAPS[0], address_files.redirects_map(found))
        self.emit(address_files.MAPS[1], address_files.gone_map(found))
        for path, target in address_files.redirect_pages(found):
            canonical = target if "://" in target else self.site.base_url + target
            # In the language its address was in ("/sv/..."), else the site's first.
            lang = path.split("/", 1)[0]
            lang = lang if lang in self.site.languages[1:] else self.site.languages[0]
            with translation.override(lang):
                self.render(
                    "redirect.html",
                    path,
                    {
                        "lang": lang,
                        "site_name": self.site.names[lang],
                        "target": target,
                        "canonical": canonical,
                    },
                )

    def not_found(self, name: str, title: str, message: str) -> None:
        """The page nginx answers with at a missing (404) or removed (410) address."""
        lang = self.site.languages[0]
        home = self.home(lang)
        self.render(
            "error.html",
            name,
            self.page_context(
                {**home, "title": title, "url": "/" + name},
                message=message,
                # Served at any missing address: it is no page of its own to index.
                canonical=None,
                alternates=[],
                structured=None,
                opengraph=[],
                homes=[
                    {"lang": code, "name": LANGUAGE_NAMES[code], "url": self.site.url(code)}
                    for code in self.site.languages
                ],
            ),
        )

    def api(self) -> None:
        """Static JSON for other consumers (info screens, partner sites, apps)."""

        def page(r: dict) -> dict:
            return {field: r.get(field) for field in API_FIELDS}

        def item(r: dict) -> dict:
            kind = kind_named(r["kind"])
            return {**page(r), **{f: r.get(f) for f in kind.api_fields}, **kind.api}

        def of_role(role: str) -> list[dict]:
            """The site's records of this role, in tree order (as in ``self.records``)."""
            kinds = kinds_with(role=role)
            by_kind = self.index.by_kind
            found = [r for (kind, _lang), rs in by_kind.items() if kind in kinds for r in rs]
            return sorted(found, key=itemgetter("path"))

        outputs = (
            ("pages", self.records, page),
            ("news", self.newest(of_role(ARTICLE)), item),
            ("events", sorted(of_role(EVENT), key=itemgetter("start")), item),
        )
        for name, records, item in outputs:
            parts = self.json_items(name, records, item)
            # What json.dumps of the whole body gives (sorted keys, compact), built from
            # each item's own text so that a worker re-encodes only the changed ones.
            head = self.compact_json({"base_url": self.site.base_url, "count": len(parts)})[:-1]
            tail = self.compact_json({"site": self.site.key})[1:]
            frame = (b",", f'{head},"items":['.encode(), f"],{tail}".encode())
            path = f"api/v1/{name}.json"
            self.emit(path, self.assembled(path, parts, frame))

    @staticmethod
    def compact_json(value) -> str:
        # Compact: smaller files, and json's C encoder (indent forces the slow one).
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    def json_items(self, output: str, records: list[dict], item) -> list[bytes]:
        return self.fragments(output, records, lambda record: self.compact_json(item(record)))

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
