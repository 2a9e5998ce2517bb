"""Indexes of one site's records (by id, tree path, parent, translation and kind), made
once for a list of records and carried from one build to the next.

On 100,000 pages every index made again per build is tens of milliseconds, and a build
asks for many: the re-export, the plan, the generator (parents, breadcrumbs, the home
pages and calendars that list other sites' records). A worker's next build changes a
handful of records: ``SiteIndex.updated`` makes the next index from this one by copying
dictionaries (C speed) and patching only what changed. The record lists are shared, never
changed in place: a build that changes a site makes a new list, and a site nothing
touched keeps its list object and so its index.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING

from records import all_kinds

from ..context import memory

if TYPE_CHECKING:
    from .exporter import Export


def _path(record: dict) -> str:
    return record["path"]


class SiteIndex:
    """Indexes of ``records`` (one site's, sorted by tree path); read them, never change
    them."""

    def __init__(
        self,
        records: list[dict],
        by_id: dict[int, dict],
        by_path: dict[str, dict],
        children: dict[str, list[dict]],
        by_key: dict[str, list[dict]],
        by_kind: dict[tuple[str, str], list[dict]],
    ) -> None:
        self.records = records
        self.by_id = by_id
        self.by_path = by_path
        self.children = children  # parent's tree path -> child records, by tree path
        self.by_key = by_key  # translation key -> records
        self.by_kind = by_kind  # (kind, language) -> records, by tree path

    @classmethod
    def build(cls, records: list[dict]) -> SiteIndex:
        children: dict[str, list[dict]] = defaultdict(list)
        by_key: dict[str, list[dict]] = defaultdict(list)
        by_kind: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for record in records:
            children[record["path"][:-4]].append(record)
            by_key[record["key"]].append(record)
            by_kind[(record["kind"], record["lang"])].append(record)
        return cls(
            records,
            {record["id"]: record for record in records},
            {record["path"]: record for record in records},
            dict(children),
            dict(by_key),
            dict(by_kind),
        )

    @cached_property
    def media(self) -> dict[str, str]:
        """Public path -> name under MEDIA_ROOT of every media file and document the
        records use."""
        wanted: dict[str, str] = {}
        for record in self.records:
            for name in record.get("media", ()):
                wanted["/media/" + name] = name
            wanted.update(record.get("documents", {}))
        return wanted

    @cached_property
    def ends(self) -> list[tuple[datetime, int]]:
        """(end, id) of every record whose kind expires (an event's end, a notice's end of
        display), sorted: when each leaves "upcoming" or "on view"."""
        expiry = {kind.name: kind.expires for kind in all_kinds() if kind.expires}
        return sorted(
            (datetime.fromisoformat(end), record["id"])
            for record in self.records
            if (field := expiry.get(record["kind"])) and (end := record[field])
        )

    def children_of(self, record: dict) -> list[dict]:
        return self.children.get(record["path"], [])

    def below(self, path: str) -> Iterator[dict]:
        """Records below the tree path ``path`` (not itself), in order."""
        records = self.records
        position = bisect_left(records, path, key=_path)
        for record in records[position:]:
            if not record["path"].startswith(path):
                return
            if record["path"] != path:
                yield record

    def updated(self, gone: Iterable[int], fresh: list[dict]) -> SiteIndex:
        """The index of these records without ``gone`` (ids) and with ``fresh`` (new or
        changed records, replacing those of the same id); this index stays as it was."""
        drop = {pid for pid in gone if pid in self.by_id}
        drop |= {record["id"] for record in fresh if record["id"] in self.by_id}
        old = [self.by_id[pid] for pid in drop]
        by_id, by_path = dict(self.by_id), dict(self.by_path)
        children, by_key, by_kind = dict(self.children), dict(self.by_key), dict(self.by_kind)
        # Each list touched is copied once, then changed: the old index keeps its own.
        copied: set[int] = set()

        def own(table: dict, key) -> list[dict]:
            entries = table.get(key)
            if entries is None or id(entries) not in copied:
                entries = list(entries or ())
                table[key] = entries
                copied.add(id(entries))
            return entries

        doomed = {id(record) for record in old}
        for record in old:
            del by_id[record["id"]]
            if by_path.get(record["path"]) is record:
                del by_path[record["path"]]
            for table, key in self._keys(record, children, by_key, by_kind):
                entries = own(table, key)
                entries[:] = [entry for entry in entries if id(entry) not in doomed]
                if not entries:
                    del table[key]
        for record in fresh:
            by_id[record["id"]] = record
            by_path[record["path"]] = record
            for table, key in self._keys(record, children, by_key, by_kind):
                insort(own(table, key), record, key=_path)
        if old:
            records = [record for record in self.records if id(record) not in doomed]
        else:
            records = list(self.records)
        for record in fresh:
            insort(records, record, key=_path)
        return SiteIndex(records, by_id, by_path, children, by_key, by_kind)

    @staticmethod
    def _keys(record: dict, children: dict, by_key: dict, by_kind: dict):
        return (
            (children, record["path"][:-4]),
            (by_key, record["key"]),
            (by_kind, (record["kind"], record["lang"])),
        )


class Indexes(dict[int, tuple[list[dict], SiteIndex]]):
    """A build context's indexes: list id -> (the list, its index), for the record lists
    builds use now. The list is held so that its id cannot be reused by another list while
    it is known here."""


_LIMIT = 32


def index_of(records: list[dict]) -> SiteIndex:
    """The index of this very list, made on first use."""
    known = memory(Indexes).get(id(records))
    if known is not None and known[0] is records:
        return known[1]
    return remember(SiteIndex.build(records))


def remember(index: SiteIndex) -> SiteIndex:
    known = memory(Indexes)
    known[id(index.records)] = (index.records, index)
    while len(known) > _LIMIT:
        del known[next(iter(known))]  # the oldest
    return index


class ById:
    """Records by id across the sites of an export, through each site's index."""

    def __init__(self, export: Export) -> None:
        self.indexes = {site: index_of(records) for site, records in export.records.items()}

    def get(self, page_id: int, default: dict | None = None) -> dict | None:
        for index in self.indexes.values():
            record = index.by_id.get(page_id)
            if record is not None:
                return record
        return default

    def __getitem__(self, page_id: int) -> dict:
        record = self.get(page_id)
        if record is None:
            raise KeyError(page_id)
        return record

    def __contains__(self, page_id: object) -> bool:
        return any(page_id in index.by_id for index in self.indexes.values())

    def __iter__(self):
        for index in self.indexes.values():
            yield from index.by_id
