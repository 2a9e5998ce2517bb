"""The checks of each field of a site file (``site_config.py``): required keys and their
types, translated texts, navigation entries, addresses, and no personal identity code
anywhere. Each problem is a ``SiteConfigError`` naming the file, the key and the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from . import identity

SLUG_PATH_RE = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$")
HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)


def content_languages() -> list[str]:
    return [code for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES]


class SiteConfigError(Exception):
    """A site file that cannot be used. ``str()`` names the file, the key and the problem."""

    def __init__(self, path: Path | str, key: str, problem: str) -> None:
        self.path = str(path)
        self.key = key
        self.problem = problem
        super().__init__(f"{self.path}: {key}: {problem}")


@dataclass(frozen=True)
class NavItem:
    """A menu entry: either a page (slug path below the home page) or an external URL."""

    label: dict[str, str]
    page: str | None = None
    url: str | None = None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": dict(self.label)}
        if self.page is not None:
            data["page"] = self.page
        if self.url is not None:
            data["url"] = self.url
        return data


def require_field(data: dict[str, Any], path: Path, key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in data:
        raise SiteConfigError(path, key, "is required")
    value = data[key]
    # bool is a subclass of int: "port = true" must not pass as a number.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise SiteConfigError(path, key, f"must be a {names}, got {type(value).__name__}")
    return value


def translated(
    value: Any, path: Path, key: str, languages: tuple[str, ...], *, max_length: int = 120
) -> dict[str, str]:
    """A ``{fi = "...", sv = "...", en = "..."}`` table with text for every site language."""
    if not isinstance(value, dict):
        raise SiteConfigError(path, key, "must be a table of texts by language (fi, sv, en)")
    unknown = sorted(set(value) - set(content_languages()))
    if unknown:
        raise SiteConfigError(path, f"{key}.{unknown[0]}", "is not a content language")
    result = {}
    for lang in languages:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise SiteConfigError(path, f"{key}.{lang}", "missing or empty translation")
        if len(text) > max_length:
            raise SiteConfigError(path, f"{key}.{lang}", f"longer than {max_length} characters")
        result[lang] = text.strip()
    return result


def navigation_items(value: Any, path: Path, languages: tuple[str, ...]) -> tuple[NavItem, ...]:
    if not isinstance(value, list):
        raise SiteConfigError(path, "navigation", "must be an array of tables ([[navigation]])")
    items = []
    for index, entry in enumerate(value):
        where = f"navigation[{index}]"
        if not isinstance(entry, dict):
            raise SiteConfigError(path, where, "must be a table")
        unknown = sorted(set(entry) - {"label", "page", "url"})
        if unknown:
            raise SiteConfigError(path, f"{where}.{unknown[0]}", "unknown key")
        label = translated(entry.get("label"), path, f"{where}.label", languages, max_length=40)
        page, url = entry.get("page"), entry.get("url")
        if (page is None) == (url is None):
            raise SiteConfigError(path, where, "needs exactly one of 'page' or 'url'")
        if page is not None and (not isinstance(page, str) or not SLUG_PATH_RE.match(page)):
            raise SiteConfigError(
                path, f"{where}.page", "must be a slug path such as 'services/housing'"
            )
        if url is not None:  # menu entries lead to other sites: https only
            check_address(url, path, f"{where}.url", frozenset({"https"}))
        items.append(NavItem(label=label, page=page, url=url))
    return tuple(items)


def check_address(value: Any, path: Path, where: str, schemes: frozenset[str]) -> None:
    """A link from a site file, which every page of the site renders: only the schemes
    given (never ``javascript:`` or ``data:``), a host for web addresses, and no spaces
    or control characters that a browser would strip to read another address."""
    allowed = ", ".join(
        f"{scheme}://" if scheme in ("http", "https") else f"{scheme}:"
        for scheme in sorted(schemes)
    )
    if not isinstance(value, str) or not value or any(c.isspace() or ord(c) < 32 for c in value):
        raise SiteConfigError(path, where, f"must be an address ({allowed})")
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:  # e.g. "https://[" (an unclosed IPv6 literal)
        raise SiteConfigError(path, where, f"must be an address ({allowed})") from None
    if parts.scheme not in schemes:
        raise SiteConfigError(path, where, f"must be an address ({allowed})")
    if parts.scheme in ("http", "https") and not (host and HOSTNAME_RE.match(host)):
        raise SiteConfigError(path, where, "must name a host, as in https://palaute.example")
    if parts.scheme in ("mailto", "tel") and not parts.path:
        raise SiteConfigError(path, where, f"must say whom to reach after '{parts.scheme}:'")


def refuse_identity_codes(value: Any, path: Path, where: str = "") -> None:
    """Every text of a site file is published on each of its pages: none may hold a
    personal identity code, however written (``identity.py``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            refuse_identity_codes(item, path, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            refuse_identity_codes(item, path, f"{where}[{index}]")
    elif isinstance(value, str) and identity.found_in(value):
        raise SiteConfigError(
            path, where, "holds a personal identity code (henkilötunnus), which no public text may"
        )
