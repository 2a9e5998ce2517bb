"""The static JSON API for other consumers (info screens, partner sites, apps): every page,
the articles newest first, the events by start."""

from __future__ import annotations

import json
from operator import itemgetter
from typing import TYPE_CHECKING

from records import ARTICLE, EVENT, kind_named, kinds_with

from .listings import newest

if TYPE_CHECKING:
    from .common import SiteOutputs

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

FOLDER = "api"  # the sites' read API: /api/v1/<name>.json


def compact_json(value) -> str:
    # Compact: smaller files, and json's C encoder (indent forces the slow one).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def page(record: dict) -> dict:
    return {field: record.get(field) for field in API_FIELDS}


def item(record: dict) -> dict:
    kind = kind_named(record["kind"])
    return {**page(record), **{f: record.get(f) for f in kind.api_fields}, **kind.api}


def api(g: SiteOutputs) -> None:
    def of_role(role: str) -> list[dict]:
        """The site's records of this role, in tree order (as in ``g.records``)."""
        kinds = kinds_with(role=role)
        by_kind = g.index.by_kind
        found = [r for (kind, _lang), rs in by_kind.items() if kind in kinds for r in rs]
        return sorted(found, key=itemgetter("path"))

    outputs = (
        ("pages", g.records, page),
        ("news", newest(of_role(ARTICLE)), item),
        ("events", sorted(of_role(EVENT), key=itemgetter("start")), item),
    )
    for name, records, make in outputs:
        parts = g.fragments(name, records, lambda record, make=make: compact_json(make(record)))
        # What json.dumps of the whole body gives (sorted keys, compact), built from
        # each item's own text so that a worker re-encodes only the changed ones.
        head = compact_json({"base_url": g.site.base_url, "count": len(parts)})[:-1]
        tail = compact_json({"site": g.site.key})[1:]
        frame = (b",", f'{head},"items":['.encode(), f"],{tail}".encode())
        path = f"{FOLDER}/v1/{name}.json"
        g.emit(path, g.assembled(path, parts, frame), owner="site")
