"""The typed contract of a record: one field per meaning, checked where records are made.

Records stay plain dictionaries at run time (the build state stores 100,000 of them as
MessagePack, and a long-lived worker tells unchanged records by identity), typed here as
``TypedDict``s. ``conforms`` checks a record against its kind's type when the export makes
it: a missing, unknown or mistyped field is an error there, not a page rendered wrongly.

Times are ISO 8601 text (``iso``): an event's ``start`` and ``end`` are when it happens;
a notice's ``display_from`` and ``ends_at`` are its legal display period; ``published``
and ``updated`` are when the page itself was first and last published.
"""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, TypedDict
from zoneinfo import ZoneInfo

# The city's time zone: a date without a time (a notice's last day) is a day here, and the
# sites show every time in it.
HELSINKI = ZoneInfo("Europe/Helsinki")


class RecordError(ValueError):
    """A record that does not keep its kind's contract."""


class PageRecord(TypedDict):
    """What every record holds."""

    id: int
    key: str  # translation key: the same page in every language
    site: str
    lang: str
    kind: str  # a registered kind's name (``kinds.py``)
    url: str  # address on its own site, e.g. "/sv/tjanster/"
    full_url: str
    title: str
    seo_title: str
    description: str
    published: str | None
    updated: str | None
    depth: int
    path: str  # tree path: records sort by it, a parent's is a prefix of its children's
    lead: str
    body: str  # HTML, links resolved
    media: list[str]  # names under MEDIA_ROOT its pages need in the release
    documents: dict[str, str]  # public path -> name under MEDIA_ROOT
    translations: dict[str, str]  # language -> address of the same page


class ContentRecord(PageRecord):
    """A page with a main image (a hero image, else the body's first)."""

    image: dict[str, Any] | None


class TopTask(TypedDict):
    page: int | None  # a page's id, whose title and address the home page shows, or
    url: str  # an external address
    label: str  # the editors' link text ("" for the page's title)


class HomeRecord(ContentRecord):
    top_tasks: list[TopTask]


class ArticleRecord(ContentRecord):
    date: str | None  # the article's own date, as editors set it
    resident_headline: str
    media_headline: str
    contacts: str  # HTML


class EventRecord(ContentRecord):
    start: str
    end: str
    venue: str
    address: str
    organiser: str
    audience: str
    audience_label: str
    is_free: bool
    price: str
    registration_url: str
    categories: list[str]


class NoticeRecord(PageRecord):
    """An official notice. After its display period (``ended``) its personal fields are
    empty, whoever exported it."""

    notice_type: str
    notice_type_label: str
    legal_basis: str
    issuing_body: str
    record_number: str
    date: str  # listing order: when it went on view (as ``display_from``)
    display_from: str
    deemed_served: str | None
    last_day: str | None
    ends_at: str | None  # when the display period ends
    appeal_deadline: str | None
    other_deadline: str | None
    place_on_view: str
    appeal_information: str
    search_text: str  # the body without its personal data: all that search may hold
    persons_concerned: list[str]
    contact: dict[str, str]
    newspaper: str
    newspaper_date: str | None
    attachments: list[dict[str, Any]]
    personal_files: list[str]
    ended: bool
    ended_note: str
    noindex: bool  # holds personal data: no crawler may index it


def iso(value: date | datetime | None, *, whole_seconds: bool = True) -> str | None:
    """A date or time as records hold it. Whole seconds by default: HTML's ``datetime``
    attribute allows at most three decimals."""
    if value is None:
        return None
    if whole_seconds and isinstance(value, datetime):
        value = value.replace(microsecond=0)
    return value.isoformat()


def _accepted(annotation: Any) -> tuple[type, ...]:
    """The run-time types a field's annotation allows (``bool`` is no ``int`` here)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return tuple(t for arg in typing.get_args(annotation) for t in _accepted(arg))
    if annotation is type(None) or annotation is None:
        return (type(None),)
    if origin is not None:
        return (origin,)
    if typing.is_typeddict(annotation):
        return (dict,)
    return (annotation,) if annotation is not Any else (object,)


@cache
def _fields(shape: type) -> tuple[frozenset[str], tuple[tuple[str, tuple[type, ...]], ...]]:
    hints = typing.get_type_hints(shape)
    return frozenset(hints), tuple((name, _accepted(hint)) for name, hint in hints.items())


def conforms(record: dict, shape: type) -> None:
    """Raise ``RecordError`` unless ``record`` has exactly the fields of ``shape`` (a
    ``TypedDict``), each of an allowed type."""
    names, checks = _fields(shape)
    if record.keys() != names:
        missing, unknown = sorted(names - record.keys()), sorted(record.keys() - names)
        raise RecordError(
            f"{record.get('kind')} record {record.get('id')}: "
            f"missing {missing or 'nothing'}, unknown {unknown or 'nothing'}"
        )
    for name, accepted in checks:
        value = record[name]
        # A bool is an int to isinstance: refused where a number (not a flag) is meant.
        flag_for_number = isinstance(value, bool) and not {bool, object} & set(accepted)
        if not isinstance(value, accepted) or flag_for_number:
            raise RecordError(
                f"{record['kind']} record {record['id']}: {name} is "
                f"{type(value).__name__}, not {' or '.join(t.__name__ for t in accepted)}"
            )
