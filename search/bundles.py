"""Which Pagefind bundle a page belongs to.

Pagefind cannot update an index, only build one, so a site's search index is split into
bundles and a publish rebuilds only the bundles whose pages changed. A site has one bundle
per top-level section (named after the section's address in the site's first language),
and its home pages in the root bundle, which also carries Pagefind's script and WebAssembly.
A section larger than ``SHARD_SIZE`` pages is split into shards by a stable hash of the
page, so that re-indexing after one edit stays cheap however large the section grows.
"""

from __future__ import annotations

import operator
import zlib
from collections import defaultdict

from records import HOME, kinds_with

ROOT = ""
# A search loads about one index chunk (~20 KB) from every bundle of its language, and a
# publish re-indexes one language of one bundle: fewer, larger bundles make searches
# lighter and publishes slower. On the 10,000-page corpus, 400-page shards cost 673 KB of
# chunks per search; unsplit 2,000-page sections 157 KB, with 0.29 s to re-index one
# language of one (manage.py bench search).
SHARD_SIZE = 2500


# The last few answers of ``assign``, with the very record objects they were made from:
# a build asks for the same site's records (unchanged objects in a new list) several times,
# and a worker's next build asks again for what this one left. Records are never changed
# in place in what ``assign`` reads (a changed page is a new record).
_RECENT = 8
_recent: list[tuple[list[dict], tuple[str, ...], dict[int, str]]] = []


# What ``_assign`` reads of a record: a record that differs from the one it replaces in
# nothing else (an edited lead, body or date) is in the same bundle as before.
PLACE_FIELDS = ("id", "path", "key", "url", "kind", "lang")
# At most this many replaced records are compared field by field; more means recompute.
SAME_PLACE_AT_MOST = 64


# The longest bundle name taken from a section's slug, room left for a shard's number.
LONGEST_NAME = 200


def assign(records: list[dict], languages: list[str]) -> dict[int, str]:
    """Bundle name of every record of one site (page id -> name; ROOT for home pages).
    The answer is shared: callers only read it."""
    wanted = tuple(languages)
    for known, known_languages, answer in _recent:
        if known_languages == wanted and _in_same_places(known, records):
            if known is not records:
                _recent.insert(0, (list(records), wanted, answer))
                del _recent[_RECENT:]
            return answer
    answer = _assign(records, languages)
    _recent.insert(0, (list(records), wanted, answer))
    del _recent[_RECENT:]
    return answer


def _in_same_places(known: list[dict], records: list[dict]) -> bool:
    """The same record objects, or a few replaced by records in the very same place."""
    if len(known) != len(records):
        return False
    if all(map(operator.is_, known, records)):
        return True
    replaced = []
    for position, same in enumerate(map(operator.is_, known, records)):
        if not same:
            replaced.append(position)
            if len(replaced) > SAME_PLACE_AT_MOST:
                return False
    fields = operator.itemgetter(*PLACE_FIELDS)
    return all(fields(known[i]) == fields(records[i]) for i in replaced)


def _assign(records: list[dict], languages: list[str]) -> dict[int, str]:
    by_path = {record["path"]: record for record in records}
    home_kinds = kinds_with(role=HOME)
    homes = {record["path"] for record in records if record["kind"] in home_kinds}

    def section_of(record: dict) -> dict | None:
        for home in homes:
            if record["path"].startswith(home) and len(record["path"]) > len(home):
                return by_path.get(record["path"][: len(home) + 4])
        return None

    sections: dict[int, dict] = {}
    for record in records:
        if record["path"] not in homes:
            section = section_of(record)
            if section is not None:
                sections[record["id"]] = section

    # A section's name comes from its translation in the first language the site has it in.
    names: dict[str, str] = {}
    order = {lang: position for position, lang in enumerate(languages)}
    for section in sorted(
        {s["id"]: s for s in sections.values()}.values(),
        key=lambda s: order.get(s["lang"], len(order)),
    ):
        slug = section["url"].rstrip("/").rsplit("/", 1)[-1]
        if len(slug.encode()) > LONGEST_NAME:  # (a folder's name: 255 bytes at most)
            short = slug.encode()[: LONGEST_NAME // 2].decode("utf-8", "ignore")
            slug = f"{short}-{zlib.crc32(slug.encode()):08x}"
        names.setdefault(section["key"], slug)

    members: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        section = sections.get(record["id"])
        members[ROOT if section is None else names[section["key"]]].append(record)

    assigned: dict[int, str] = {}
    for name, group in members.items():
        shards = 1 if name == ROOT else -(-len(group) // SHARD_SIZE)
        for record in group:
            if shards == 1:
                assigned[record["id"]] = name
            else:
                number = zlib.crc32(record["key"].encode()) % shards + 1
                assigned[record["id"]] = f"{name}-{number}"
    return assigned


def members(assigned: dict[int, str]) -> dict[str, set[int]]:
    grouped: dict[str, set[int]] = defaultdict(set)
    for page_id, name in assigned.items():
        grouped[name].add(page_id)
    return dict(grouped)
