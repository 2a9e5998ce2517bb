"""How the removal searches a store for removed personal data (``stores.py`` says which
stores there are, ``privacy.py`` walks them).

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

from . import caches, receipts
from .needles import Needles, Owner
from .reading import DIGEST_ONLY, MAX_TEXT_BYTES, file_text, parts, readable


@dataclass(frozen=True)
class Finding:
    store: str
    where: str
    kind: str
    item: int

    def __str__(self) -> str:
        return f"{self.store}: {self.kind} {self.item}: {self.where}"


def scan_files(
    paths: Iterable[Path],
    needles: Needles,
    store: str,
    known: dict[bytes, set[Owner]] | None = None,
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
                findings.append(Finding(store, f"{path} (a deleted file)", *owner))
        if data is None:
            continue
        found: set[Owner] = set()
        for part, value in parts(path, data):
            key = sha256(value).digest()
            if key not in known:
                known[key] = needles.in_text(file_text(part, value))
            found |= known[key]
        findings += [Finding(store, str(path), *owner) for owner in sorted(found)]
    return findings


def tree(root: Path) -> Iterator[Path]:
    if root.exists():
        yield from (p for p in sorted(root.rglob("*")) if p.is_file() or p.is_symlink())


# -- database ------------------------------------------------------------------------------

TEXT_TYPES = ("char", "text", "json", "clob", "varchar")
# The journals' own copies of the needles, and tables that only hold hashes and ids.
SKIP_TABLES = {"removal_removal", "removal_deadline"}
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


def _page_keys() -> dict[str, str]:
    """Table -> an SQL expression giving the page a row belongs to, so that a finding names
    the page to fix, not only a table."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, get_page_models

    page_type = int(ContentType.objects.get_for_model(Page).pk)
    keys = {m._meta.db_table: m._meta.pk.column for m in get_page_models() if m is not Page}
    keys |= {"wagtailcore_page": "id", "wagtailcore_pagelogentry": "page_id"}
    keys["wagtailcore_comment"] = "page_id"
    keys["wagtailcore_revision"] = (
        f"CASE WHEN base_content_type_id = {page_type} THEN object_id ELSE NULL END"
    )
    return keys


def scan_database(needles: Needles, tables: dict[str, str] | None = None) -> list[Finding]:
    """Every text column of every table (or ``tables``: name -> SQL condition); a row of a
    page (its own table, revisions, log, comments) is named by its page."""
    findings: set[Finding] = set()
    quote = connection.ops.quote_name
    keys = _page_keys()
    for table, columns in _text_columns().items():
        if tables is not None and table not in tables:
            continue
        where = f" WHERE {tables[table]}" if tables else ""
        cols = ", ".join(
            f"CAST({quote(c)} AS TEXT)" if connection.vendor == "postgresql" else quote(c)
            for c in columns
        )
        key = keys.get(table, "NULL")
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {key}, {cols} FROM {quote(table)}{where}")  # noqa: S608
            while rows := cursor.fetchmany(500):
                for page, *row in rows:
                    place = f" (page {page})" if page is not None else ""
                    for column, value in zip(columns, row, strict=True):
                        if isinstance(value, bytes | memoryview):
                            value = bytes(value).decode("utf-8", errors="replace")
                        if isinstance(value, str) and value:
                            for owner in needles.in_text(readable(value)):
                                found = Finding("database", f"{table}.{column}{place}", *owner)
                                findings.add(found)
    return sorted(findings, key=str)


# -- the whole proof ---------------------------------------------------------------------


def all_needles() -> Needles:
    """What every removal so far took away: receipts (they survive a database restore) and
    the journals of removals still under way."""
    from .models import Removal

    by_owner: dict[Owner, list[list[str]]] = defaultdict(list)
    owners: dict[str, Owner] = {}
    for receipt in receipts.read():
        owner = receipts.owner(receipt)
        if owner is None:
            continue
        by_owner[owner] += receipt.get("needles", [])
        for digest in receipt.get("file_sha256", []):
            owners[digest] = owner
    for journal in Removal.objects.filter(redacted_at__isnull=False):
        owner = (journal.kind, journal.item_id)
        by_owner[owner] += journal.needles
        for digest in journal.file_digests:
            owners[digest] = owner
    return Needles(dict(by_owner), owners=owners)


def pending(now) -> list[Finding]:
    """Items whose lifetime has ended and whose removal has not finished: their data is
    still everywhere."""
    from .due import due

    return [
        Finding("database", "lifetime ended, removal not finished", name, item)
        for name, item in due(now)
    ]


def scan_search_server(needles: Needles) -> list[Finding]:
    """The server search index when it is Elasticsearch (the database index is a table)."""
    from search.server import get_index

    index = get_index()
    documents = getattr(index, "all_documents", None)
    if documents is None:
        return []
    findings = set()
    for doc in documents():
        for owner in needles.in_text("\n".join(caches.value_strings(doc))):
            findings.add(Finding("search index", f"document {doc.get('id')}", *owner))
    return sorted(findings, key=str)
