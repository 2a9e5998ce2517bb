"""The registry of kinds: each content app declares its kinds of page here, in one place.

A kind says how a page model becomes a record (``fields``), which template shows it,
which of the publisher's roles it plays (and so which listings, feeds, calendars and API
files it feeds), and what the search indexes take of it. Each content app declares its
kinds in a ``kinds`` module and hands them to the registry through the one extension
mechanism, a Wagtail hook (``KINDS_HOOK``, registered in the app's ``wagtail_hooks.py``).
The publisher and search read this registry and name no app: a new kind of content is a
``kinds`` module, a hook and a template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from .contract import ContentRecord, RecordError, conforms

# Roles: what the publisher does with a kind's pages. A home page lists the latest
# articles and upcoming events of its site and those it syndicates; articles and events
# go to the site's feed and JSON API; events to calendars; a listing paginates, archives,
# feeds and (for events) calendars its children of the role it ``lists``; a notice's
# page is kept from crawlers while it holds personal data.
HOME, PAGE, ARTICLE, EVENT, NOTICE, LISTING = (
    "home",
    "page",
    "article",
    "event",
    "notice",
    "listing",
)
ROLES = (HOME, PAGE, ARTICLE, EVENT, NOTICE, LISTING)
# The search type of a page that is none of the others (``Kind.search_type``).
PAGE_TYPE = "page"
PAGE_TYPE_LABEL = _("Page")


class ExportTools(Protocol):
    """What the export lends a kind's ``fields`` function for one site and language."""

    now: datetime

    def stream(self, value: Any, *, eager_first: bool = False) -> str:
        """A StreamField's blocks as HTML, links resolved."""

    def rich(self, html: str) -> str:
        """A rich text field as HTML, links resolved."""

    def image(
        self, image: Any, alt: str, *, max_width: int = 1600, share: bool = False
    ) -> dict | None:
        """A picture as plain data (None while its renditions are still to be made)."""

    def document_url(self, document: Any) -> str:
        """The public path of a document, which the record's pages then need."""


class DemoTools(Protocol):
    """What the demo lends a kind's ``demo`` function for one page spec (``cms/demo``)."""

    def body(self, spec: dict, lang: str) -> list:
        """The spec's paragraphs, images, quotes, documents... as StreamField blocks."""

    def moment(self, days: int, hour: int) -> datetime:
        """That hour, so many days from today, in Helsinki."""

    def contact(self, data: dict) -> dict:
        """A contact card's block value."""


@dataclass(frozen=True)
class Kind:
    name: str
    model: str  # "app_label.modelname" of the page model exported as this kind
    role: str
    template: str  # in the themes, or in ``templates``
    # The kind's own fields of a page (everything beyond ``PageRecord``'s common ones).
    fields: Callable[[Any, ExportTools], dict]
    record: type = ContentRecord  # the TypedDict its records keep
    templates: Path | None = None  # a folder of the app's own templates, after the themes'
    lists: str | None = None  # a listing's children's role
    in_home: bool = False  # listed among its home page's sections
    # The record field whose time takes the page out of "upcoming" or "on view": every
    # output showing it is rendered again then.
    expires: str | None = None
    # The record field that dates it in listings and search (else when first published).
    dated_by: str | None = None
    prefetch: tuple[str, ...] = ()  # related objects ``fields`` reads, loaded per batch
    search_type: str = PAGE_TYPE
    search_label: str | Promise = PAGE_TYPE_LABEL
    search_fields: tuple[str, ...] = ()  # text fields indexed besides lead and body
    search_body: str = "body"  # the HTML field indexed as its body
    api_fields: tuple[str, ...] = ()  # fields its JSON API items carry besides the common
    api: Mapping[str, object] = field(default_factory=dict)  # constant fields of its items
    # The page model's attribute behind an API field named otherwise (the live API reads
    # the model; "<attribute>.names": the names of related objects).
    api_sources: Mapping[str, str] = field(default_factory=dict)
    # Its pages can hold personal data: their old addresses are not remembered, and the
    # notices' removal walks them.
    personal: bool = False
    # The demo's page of this kind: its own field values from a spec of ``cms/demo/content``
    # in one language (title and lead are every page's); None: the demo makes none.
    demo: Callable[[dict, str, DemoTools], dict] | None = None

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"kind {self.name}: unknown role {self.role!r}")
        if (self.role == LISTING) != (self.lists is not None):
            raise ValueError(f"kind {self.name}: a listing, and only a listing, lists a role")


# The one extension mechanism (docs/architecture.md): an app declares its kinds with
# ``hooks.register(KINDS_HOOK, fn)`` in its ``wagtail_hooks.py``, ``fn()`` giving its kinds.
KINDS_HOOK = "register_page_kinds"


@dataclass(frozen=True)
class _Tables:
    by_name: dict[str, Kind]
    by_model: dict[str, Kind]


@lru_cache(maxsize=4)
def _tables(declarers: tuple[Callable[[], Iterable[Kind]], ...]) -> _Tables:
    """The kinds the hooks declare, by name and by model; made again only when the hooks
    change (a test registering one for a while). A name or model declared twice is an
    error, unless it is the very same declaration."""
    tables = _Tables({}, {})
    for declare in declarers:
        for kind in declare():
            for table, key in ((tables.by_name, kind.name), (tables.by_model, kind.model)):
                known = table.get(key)
                if known is not None and known != kind:
                    raise ValueError(f"kind {kind.name}: {key} is already declared by {known.name}")
            tables.by_name[kind.name] = tables.by_model[kind.model] = kind
    return tables


def _registry() -> _Tables:
    return _tables(tuple(hooks.get_hooks(KINDS_HOOK)))


def all_kinds() -> list[Kind]:
    """Every kind, in the order the apps declared them."""
    return list(_registry().by_name.values())


def kind_named(name: str) -> Kind:
    return _registry().by_name[name]


def role_of(name: str) -> str | None:
    """The role of the kind ``name``; None for a page no kind makes (the publisher's own
    search page)."""
    kind = _registry().by_name.get(name)
    return kind.role if kind is not None else None


def kind_for_model(label: str) -> Kind | None:
    """The kind a page model (``app_label.modelname``) is exported as, if any."""
    return _registry().by_model.get(label)


def kinds_with(*, role: str | None = None, lists: str | None = None) -> set[str]:
    """Names of the kinds of this role (and listing this role)."""
    return {
        kind.name
        for kind in all_kinds()
        if (role is None or kind.role == role) and (lists is None or kind.lists == lists)
    }


def search_types() -> dict[str, str | Promise]:
    """Search type -> label, the plain page's first: what residents filter by."""
    types: dict[str, str | Promise] = {PAGE_TYPE: PAGE_TYPE_LABEL}
    for kind in all_kinds():
        types.setdefault(kind.search_type, kind.search_label)
    return types


# Characters no output format can carry: C0 and C1 controls but tab and line breaks,
# lone surrogates and the non-characters XML forbids. An Atom feed or sitemap with one is
# not XML, and its writer refuses the whole file (the site's build).
# Unicode's noncharacters too (U+FDD0..U+FDEF and the last two of every plane): never text.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
UNWRITABLE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")


def printable(value: Any) -> Any:
    """``value`` (a record, or any part of one) with every string stripped of what no
    output can carry. The forms refuse such characters; this is for what came another way
    (older content, an import, the API)."""
    # (A part with nothing to strip stays the same object: the workers' memos go by it.)
    if isinstance(value, str):
        return UNWRITABLE.sub("", value) if UNWRITABLE.search(value) else value
    if isinstance(value, dict):
        cleaned = {key: printable(item) for key, item in value.items()}
        same = all(cleaned[key] is item for key, item in value.items())
        return value if same else cleaned
    if isinstance(value, list):
        items = [printable(item) for item in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value


def check(record: dict) -> dict:
    """``record``, printable (``printable``), if it keeps its kind's contract;
    ``RecordError`` if not."""
    kind = _registry().by_name.get(record.get("kind", ""))
    if kind is None:
        raise RecordError(f"record {record.get('id')}: no kind {record.get('kind')!r}")
    record = printable(record)
    conforms(record, kind.record)
    return record
