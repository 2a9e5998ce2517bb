"""Highlights for the database backend: the passage of a text that holds the most query
words, escaped as HTML, with the words in <mark>.

Elasticsearch highlights itself; SQLite FTS5 and PostgreSQL have no highlighter that
behaves the same on both, so the database backend does it here. Words match as the
database index matches them: case-insensitively and ignoring diacritics, whole words.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape

WORD = re.compile(r"\w+")
PASSAGE = 200  # characters of text around the matches


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def terms(query: str) -> set[str]:
    return {fold(word) for word in WORD.findall(query)}


def mark(text: str, wanted: set[str]) -> str:
    """All of ``text`` as HTML, query words marked."""
    out, last = [], 0
    for match in WORD.finditer(text):
        if fold(match.group()) in wanted:
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def passage(text: str, wanted: set[str], size: int = PASSAGE) -> str:
    """The ``size``-character passage of ``text`` with the most distinct query words (the
    start of the text when none match), as HTML with the words marked."""
    text = " ".join(text.split())
    if len(text) <= size:
        return mark(text, wanted)
    hits = [m for m in WORD.finditer(text) if fold(m.group()) in wanted]
    best_start, best_score = 0, 0
    for first in hits:
        start = max(0, first.start() - 20)
        score = len({fold(m.group()) for m in hits if start <= m.start() < start + size})
        if score > best_score:
            best_start, best_score = start, score
    if best_start:  # start at a word boundary
        space = text.find(" ", best_start)
        best_start = space + 1 if 0 <= space < best_start + 20 else best_start
    end = min(len(text), best_start + size)
    if end < len(text):
        space = text.rfind(" ", best_start, end)
        end = space if space > best_start else end
    html = mark(text[best_start:end], wanted)
    return ("…" if best_start else "") + html + ("…" if end < len(text) else "")
