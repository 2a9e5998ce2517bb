"""A reader of the stores that shares no code with the product: it knows nothing of
receipts, needles, Pagefind's or the memo's formats or Django's cache files. It reads
every column of every table, and every byte of every file under media and output, and
looks for a word in every text it can recover: the bytes as UTF-8, any gzip or zlib
stream found anywhere in them (read again the same way), with HTML tags and entities,
JSON's ``\\u`` escapes and URL encoding undone. The privacy proof (``verify_privacy``)
is checked against it (``tests/notices/test_removal.py``)."""

from __future__ import annotations

import hashlib
import html
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote_plus

from django.db import connection

TAG = re.compile(r"<[^<>]*>")
JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
# Where a compressed stream may start: gzip's magic, and zlib's three usual headers.
STREAM_STARTS = (b"\x1f\x8b\x08", b"\x78\x9c", b"\x78\x01", b"\x78\xda")
MAX_DEPTH = 3


def _streams(data: bytes) -> Iterator[bytes]:
    """Everything that inflates from any offset where a gzip or zlib stream may start."""
    view = memoryview(data)
    for magic in STREAM_STARTS:
        start = data.find(magic)
        while start != -1:
            wbits = 31 if magic.startswith(b"\x1f") else 15
            try:
                # (A view: slicing the bytes would copy the rest of the file each time.)
                inflated = zlib.decompressobj(wbits).decompress(view[start:], 64 << 20)
            except zlib.error:
                inflated = b""
            if inflated:
                yield inflated
            start = data.find(magic, start + 1)


def texts(data: bytes, depth: int = 0) -> Iterator[str]:
    yield data.decode("utf-8", errors="replace")
    if depth < MAX_DEPTH:
        for inner in _streams(data):
            yield from texts(inner, depth + 1)


def readings(text: str) -> Iterator[str]:
    """The text, and the text as a reader of HTML, JSON or a URL would see it."""
    unescaped = JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    for variant in {text, unescaped}:
        yield variant
        yield html.unescape(variant)
        yield html.unescape(TAG.sub("", variant))
        if "%" in variant or "+" in variant:
            yield unquote_plus(variant)


def database_texts() -> Iterator[tuple[str, str]]:
    """(where, text) of every value of every column of every table."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        for table in tables:
            columns = [
                c.name for c in connection.introspection.get_table_description(cursor, table)
            ]
            cursor.execute(f"SELECT {', '.join(map(quote, columns))} FROM {quote(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, memoryview | bytes):
                        for text in texts(bytes(value)):
                            yield f"{table}.{column}", text
                    elif value is not None:
                        yield f"{table}.{column}", str(value)


def file_texts(*roots: Path) -> Iterator[tuple[str, str]]:
    """(where, text) of every file below the roots, and of its name. The same bytes (a
    file shared by hard links between releases, or copied) are read once and their texts
    named at every path that holds them."""
    read: dict[bytes, list[str]] = {}
    for root in roots:
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = Path(folder) / name
                yield str(path), name
                try:
                    data = path.read_bytes()
                except OSError:
                    continue
                key = hashlib.sha256(data).digest()
                if key not in read:
                    read[key] = list(texts(data))
                for text in read[key]:
                    yield str(path), text


def hits(words: list[str], media: Path, output: Path) -> dict[str, set[str]]:
    """Where each word is found (case folded), in the database and the files."""
    wanted = {word.casefold(): word for word in words}
    found: dict[str, set[str]] = {}
    for where, text in [*database_texts(), *file_texts(media, output)]:
        for reading in readings(text):
            folded = reading.casefold()
            for key, word in wanted.items():
                if key in folded:
                    found.setdefault(word, set()).add(where)
    return found
