"""How the removal reads what a store holds: stored values and files as text, so that
removed personal data is found whatever the encoding (JSON, HTML, URL-encoded
forms, gzip, Pagefind's bundles, Django's file cache, the publisher's memo)."""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, unquote_plus

from django.core.cache.backends.filebased import FileBasedCache

from cms.core.file_text import DOCUMENTS, text_or_blank

from . import caches

# Binary formats where words cannot be read by looking at bytes: checked by digest only.
DIGEST_ONLY = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".wasm", ".ico"}
MAX_TEXT_BYTES = 50 * 1024 * 1024

# Markup inside a value ("<b>Matti</b> Meikäläinen") must not hide it from the needles.
TAG = re.compile(r"<[^<>]{0,2000}>")
# A percent-encoded byte anywhere ("mailto:anna%40example.fi", a link's query string).
PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")


def _percent_decoded(value: str) -> str:
    return f"{value}\n{unquote(value)}" if PERCENT.search(value) else value


def readable(value: str) -> str:
    """Text of a stored value: JSON decoded, HTML entities resolved, a URL-encoded form
    (the admin's preview state) and any percent-encoded text (a ``mailto:`` link) decoded,
    and HTML read without its tags as well."""
    if "<" in value and ">" in value:
        value = f"{value}\n{TAG.sub('', value)}"
    stripped = value.lstrip()
    if stripped[:1] in ("{", "["):
        try:
            return _percent_decoded("\n".join(caches.value_strings(json.loads(stripped))))
        except ValueError:
            pass
    if " " not in value and "=" in value and ("%" in value or "+" in value):
        value = f"{value}\n{unquote_plus(value)}"
    else:
        value = _percent_decoded(value)
    return html.unescape(value) if "&" in value else value


def file_text(path: Path, data: bytes) -> str:
    from search.pagefind import decoded
    from search.pagefind_memo import MEMO_SUFFIX, unpack_memo

    if data[:2] == b"\x1f\x8b" or path.suffix.startswith(".pf_"):
        with contextlib.suppress(OSError, EOFError):
            data = decoded(data)
    if path.suffix == FileBasedCache.cache_suffix:
        text = caches.entry_text(data)
        if text is not None:
            return readable(text)
    if path.suffix.lower() in DOCUMENTS:
        # A document as its reader sees it (a PDF's text is compressed in the file).
        read = text_or_blank(io.BytesIO(data), path.name)
        return readable(f"{read}\n{data.decode('utf-8', errors='replace')}")
    if path.suffix == MEMO_SUFFIX:
        try:
            # The publisher's own memo cache: a bundle's files, name -> bytes.
            loaded = unpack_memo(data)
            return "\n".join(file_text(Path(name), value) for name, value in loaded.items())
        except ValueError:  # an unreadable cache entry is read as bytes
            pass
    return readable(data.decode("utf-8", errors="replace"))


def parts(path: Path, data: bytes) -> Iterator[tuple[Path, bytes]]:
    """A memo entry's files one by one (each one's bytes are what a live bundle file
    holds); any other file whole."""
    from search.pagefind_memo import MEMO_SUFFIX, unpack_memo

    if path.suffix == MEMO_SUFFIX:
        try:
            yield from ((Path(name), value) for name, value in unpack_memo(data).items())
            return
        except ValueError:  # an unreadable cache entry is read as bytes
            pass
    yield path, data
