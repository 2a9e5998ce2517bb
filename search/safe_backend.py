"""Wagtail's database search backend, with the text of a query made safe to match first.

The SQLite backend writes each term into an FTS5 ``MATCH`` expression inside double
quotes without doubling the ones in it: ``search="`` of the read API failed with a
database error (a 500). It also formats the expression with ``%`` and escapes with
backslashes. Characters no indexed word is made of and that this syntax reads (control
characters, quotes, ``%``, backslashes) are taken out of a plain-text query before any
backend reads it; structured queries (a ``Phrase``, made by parsing quotes) carry none.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from modelsearch.backends.database import SearchBackend as database_backend

from django.utils.translation import gettext as _

# What a search may cost: longer input is not a search anyone types, and each word is one
# more full-text match (a 22-word query cost nine times a normal one).
MAX_CHARS = 200
MAX_TERMS = 10
# Not part of any word the index holds, and each breaks a backend's query syntax.
_SYNTAX = str.maketrans({'"': " ", "%": " ", "\\": " "})


def clean(text: str) -> str:
    """``text`` without control or format characters, quotes, ``%`` or backslashes."""
    kept = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf", "Cs"))
    return " ".join(kept.translate(_SYNTAX).split())


# A mixin over whichever backend class the database engine picks (for the type checker:
# over a backend; at run time, mixed in before the real class).
_Backend: Any = database_backend if TYPE_CHECKING else object


class _SafeQueries(_Backend):
    def search(self, query, *args, **kwargs):
        return super().search(clean(query) if isinstance(query, str) else query, *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        query = clean(query) if isinstance(query, str) else query
        return super().autocomplete(query, *args, **kwargs)


def SearchBackend(params):
    backend = database_backend(params)
    safe = type(f"Safe{type(backend).__name__}", (_SafeQueries, type(backend)), {})
    backend.__class__ = safe
    return backend


def search_problem(text: str) -> str | None:
    """Why a search text is refused (in the active language), or None."""
    if any(unicodedata.category(c) == "Cc" and not c.isspace() for c in text):
        return _("The search holds control characters, which no text is made of.")
    if len(text) > MAX_CHARS:
        return _("The search is too long: at most %(count)d characters.") % {"count": MAX_CHARS}
    if len(clean(text).split()) > MAX_TERMS:
        return _("The search has too many words: at most %(count)d.") % {"count": MAX_TERMS}
    return None
