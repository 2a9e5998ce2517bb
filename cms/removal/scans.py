"""How the removal searches a store for personal data of ended notices (``stores.py`` says
which stores there are, ``privacy.py`` walks them).

What is looked for comes from the receipts and journals: needles (keyed hashes of the
words of each removed value, see ``receipts.py``) and the SHA-256 of every deleted file.
Text is read the way a reader of each store would see it: HTML and XML unescaped, JSON
decoded (the database stores ``ä`` as ``\\u00e4``), Pagefind's files un-gzipped, the
search memo cache unpacked and Django's file cache unpickled. Files shared by hard links between
releases, and the same bytes in another file (a memo entry's files and the live bundle they
made), are read once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from django.db import connection

from cms.notices import caches, receipts
from records import NOTICE, kinds_with

from .reading import DIGEST_ONLY, MAX_TEXT_BYTES, file_text, parts, readable


@dataclass(frozen=True)
class Finding:
    store: str
    where: str
    notice: int

    def __str__(self) -> str:
        return f"{self.store}: notice {self.notice}: {self.where}"


class Needles:
    """Needles by notice, indexed by their first word hash, and deleted files' digests."""

    def __init__(
        self, by_notice: dict[int, list[list[str]]], owners: dict[str, int] | None = None
    ) -> None:
        self.hasher = receipts.Hasher()
        self.first: dict[str, list[tuple[tuple[str, ...], int]]] = defaultdict(list)
        for notice, needles in by_notice.items():
            for needle in needles:
                if needle:
                    self.first[needle[0]].append((tuple(needle), notice))
        self.digests: dict[str, int] = dict(owners or {})  # file SHA-256 -> notice

    def __bool__(self) -> bool:
        return bool(self.first or self.digests)

    def in_text(self, text: str) -> set[int]:
        if not text or not self.first:
            return set()
        words = receipts.words(text)
        # Hash each distinct word once: a store's text repeats its vocabulary many times
        # over, and most texts hold no needle's first word at all.
        word = self.hasher.word
        starts = {w for w in set(words) if word(w) in self.first}
        found: set[int] = set()
        if not starts:
            return found
        for position, first in enumerate(words):
            if first not in starts:
                continue
            for needle, notice in self.first[word(first)]:
                following = words[position : position + len(needle)]
                if tuple(map(word, following)) == needle:
                    found.add(notice)
        return found


def scan_files(
    paths: Iterable[Path], needles: Needles, store: str, known: dict[bytes, set[int]] | None = None
) -> list[Finding]:
    """Findings in the files ``paths``. Bytes met before (a memo entry and the live file
    it made, a copy in an older release) are searched once: ``known`` remembers what each
    content held, so every path holding it is still named."""
    findings: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    known = {} if known is None else known
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in seen or not path.is_file():
            continue
        seen.add((stat.st_dev, stat.st_ino))
        whole = path.suffix.lower() in DIGEST_ONLY or stat.st_size > MAX_TEXT_BYTES
        data = None if whole else path.read_bytes()
        if needles.digests:
            digest = receipts.file_digest(path) if data is None else sha256(data).hexdigest()
            owner = needles.digests.get(digest)
            if owner is not None:
                findings.append(Finding(store, f"{path} (a deleted file)", owner))
        if data is None:
            continue
        found: set[int] = set()
        for part, value in parts(path, data):
            key = sha256(value).digest()
            if key not in known:
                known[key] = needles.in_text(file_text(part, value))
            found |= known[key]
        findings += [Finding(store, str(path), n) for n in sorted(found)]
    return findings


def tree(root: Path) -> Iterator[Path]:
    if root.exists():
        yield from (p for p in sorted(root.rglob("*")) if p.is_file() or p.is_symlink())


# -- database ------------------------------------------------------------------------------

TEXT_TYPES = ("char", "text", "json", "clob", "varchar")
# Receipts' own copies of the needles, and tables that only hold hashes and ids.
SKIP_TABLES = {"notices_noticeremoval", "notices_noticedeadline"}
# SQLite's FTS5 keeps a table's text in shadow tables; the table itself is read instead.
FTS_SHADOWS = ("_data", "_idx", "_docsize", "_config", "_content")


# (database name, schema version) -> what ``_text_columns`` found: SQLite describes one
# table per query (a second for the whole schema), and a removal scans several times.
_sqlite_columns: dict[tuple[str, int], dict[str, list[str]]] = {}


def _text_columns() -> dict[str, list[str]]:
    """Text, character and JSON columns of every table and view the database has."""
    if connection.vendor != "sqlite":
        return _read_text_columns()
    with connection.cursor() as cursor:
        # Changes with every change to the schema (a migration), in any process.
        cursor.execute("PRAGMA schema_version")
        key = (str(connection.settings_dict["NAME"]), cursor.fetchone()[0])
    if key not in _sqlite_columns:
        _sqlite_columns.clear()
        _sqlite_columns[key] = _read_text_columns()
    return {table: list(columns) for table, columns in _sqlite_columns[key].items()}


def _read_text_columns() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    with connection.cursor() as cursor:
        names = [t.name for t in connection.introspection.get_table_list(cursor)]
        shadows = {f"{n}{suffix}" for n in names for suffix in FTS_SHADOWS}
        postgres: dict[str, list[str]] = defaultdict(list)
        if connection.vendor == "postgresql":
            # One query for every table: information_schema is slow to ask table by table.
            cursor.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() "
                "AND data_type IN ('text', 'character varying', 'jsonb', 'json') "
                "ORDER BY table_name, ordinal_position"
            )
            for table, column in cursor.fetchall():
                postgres[table].append(column)
        for name in names:
            if name in SKIP_TABLES or name in shadows or name.startswith("sqlite_"):
                continue
            if connection.vendor == "postgresql":
                columns = postgres.get(name, [])
            else:
                description = connection.introspection.get_table_description(cursor, name)
                columns = [
                    col.name
                    for col in description
                    # An FTS5 table's columns have no declared type.
                    if not col.type_code or any(t in str(col.type_code).lower() for t in TEXT_TYPES)
                ]
            if columns:
                found[name] = columns
    return found


def scan_database(needles: Needles, tables: dict[str, str] | None = None) -> list[Finding]:
    """Every text column of every table (or ``tables``: name -> SQL condition)."""
    findings: set[Finding] = set()
    quote = connection.ops.quote_name
    for table, columns in _text_columns().items():
        if tables is not None and table not in tables:
            continue
        where = f" WHERE {tables[table]}" if tables else ""
        cols = ", ".join(
            f"CAST({quote(c)} AS TEXT)" if connection.vendor == "postgresql" else quote(c)
            for c in columns
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {cols} FROM {quote(table)}{where}")  # noqa: S608
            while rows := cursor.fetchmany(500):
                for row in rows:
                    for column, value in zip(columns, row, strict=True):
                        if isinstance(value, bytes | memoryview):
                            value = bytes(value).decode("utf-8", errors="replace")
                        if isinstance(value, str) and value:
                            for notice in needles.in_text(readable(value)):
                                findings.add(Finding("database", f"{table}.{column}", notice))
    return sorted(findings, key=str)


# -- the whole proof ---------------------------------------------------------------------


def all_needles() -> Needles:
    """What every removal so far took away: receipts (they survive a database restore) and
    the journals of removals still under way."""
    from cms.notices.models import NoticeRemoval

    by_notice: dict[int, list[list[str]]] = defaultdict(list)
    owners: dict[str, int] = {}
    for receipt in receipts.read():
        by_notice[int(receipt["notice"])] += receipt.get("needles", [])
        for digest in receipt.get("file_sha256", []):
            owners[digest] = int(receipt["notice"])
    for journal in NoticeRemoval.objects.filter(redacted_at__isnull=False):
        by_notice[journal.page_id] += journal.needles
        for digest in journal.file_digests:
            owners[digest] = journal.page_id
    return Needles(dict(by_notice), owners=owners)


def pending(now) -> list[Finding]:
    """Ended notices whose removal has not finished: their data is still everywhere."""
    from cms.notices.due import due

    return [Finding("database", "display period ended, removal not finished", n) for n in due(now)]


def scan_search_server(needles: Needles) -> list[Finding]:
    """The server search index when it is Elasticsearch (the database index is a table)."""
    from search.server import get_index

    index = get_index()
    documents = getattr(index, "all_documents", None)
    if documents is None:
        return []
    findings = set()
    for doc in documents():
        for notice in needles.in_text("\n".join(caches.value_strings(doc))):
            findings.add(Finding("search index", f"document {doc.get('id')}", notice))
    return sorted(findings, key=str)


def notice_files() -> list[Path]:
    """The live files a notice reaches: its section (pages, listings, feeds, Pagefind
    bundle) and its site's own files (sitemap, feeds, API), from the last build's state."""
    from publisher.public import current_release, load_state
    from search import bundles

    state = load_state()
    if state is None:
        return []
    notice_kinds = kinds_with(role=NOTICE) | kinds_with(lists=NOTICE)
    paths: list[Path] = []
    for site, records in state.export.records.items():
        live = current_release(site)
        notice_sections = {r["path"][:12] for r in records if r["kind"] in notice_kinds}
        if live is None or not notice_sections:
            continue
        sections = [r for r in records if r["path"] in notice_sections]
        assigned = bundles.assign(records, state.export.sites[site].languages)
        folders = {r["url"].strip("/") for r in sections}
        folders |= {f"pagefind/{assigned[r['id']]}" for r in sections if assigned.get(r["id"])}
        for folder in folders:
            paths += tree(live / folder)
        paths += [p for p in live.iterdir() if p.is_file()]
        paths += tree(live / "api")
        paths += [
            p for lang in state.export.sites[site].languages for p in (live / lang).glob("*.xml")
        ]
    return paths


def notice_tables(page_id: int) -> dict[str, str]:
    """The rows one notice's data lived in: table -> SQL condition."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    page_type = ContentType.objects.get_for_model(Page).pk
    return {
        "wagtailcore_revision": f"object_id = '{int(page_id)}' AND base_content_type_id = "
        f"{int(page_type)}",
        "wagtailcore_pagelogentry": f"page_id = {int(page_id)}",
        "wagtailcore_page": f"id = {int(page_id)}",
        "notices_noticepage": f"page_ptr_id = {int(page_id)}",
        "citysearch_searchdocument": f"page_id = {int(page_id)}",
        "wagtailadmin_formstate": f"object_id = '{int(page_id)}'",
    }
