"""Reads and validates the declarative site files in ``sites/*.toml``.

Nothing here touches the database: every file is parsed and checked first, so that a
malformed file stops the sync before anything changes. Each problem is reported as
``<file>: <key>: <problem>``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from . import identity

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
SLUG_PATH_RE = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*$")
# RFC 1123 host names, lower case; "city.localhost" style names are valid.
HOSTNAME_RE = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)
AUDIENCES = ("residents", "visitors", "businesses", "everyone")
ALLOWED_KEYS = {
    "key",
    "hostname",
    "port",
    "default",
    "theme",
    "audience",
    "languages",
    "name",
    "tagline",
    "contact",
    "navigation",
    "syndicates",
    "accessibility_statement",
}
# The schemes a link in a site file may have: every page renders it as an href.
WEB_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
CONTACT_KEYS = {"email", "phone", "address", "postal_address", "feedback_url"}


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


@dataclass(frozen=True)
class SiteConfig:
    """One validated site declaration."""

    key: str
    path: Path
    hostname: str
    port: int
    is_default: bool
    theme: str
    audience: str
    languages: tuple[str, ...]
    name: dict[str, str]
    tagline: dict[str, str] = field(default_factory=dict)
    contact: dict[str, str] = field(default_factory=dict)
    navigation: tuple[NavItem, ...] = ()
    syndicates: tuple[str, ...] = ()
    accessibility_statement: str = ""

    @property
    def default_language(self) -> str:
        return self.languages[0]


def content_languages() -> list[str]:
    return [code for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES]


def _require(data: dict[str, Any], path: Path, key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in data:
        raise SiteConfigError(path, key, "is required")
    value = data[key]
    # bool is a subclass of int: "port = true" must not pass as a number.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise SiteConfigError(path, key, f"must be a {names}, got {type(value).__name__}")
    return value


def _translations(
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


def _navigation(value: Any, path: Path, languages: tuple[str, ...]) -> tuple[NavItem, ...]:
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
        label = _translations(entry.get("label"), path, f"{where}.label", languages, max_length=40)
        page, url = entry.get("page"), entry.get("url")
        if (page is None) == (url is None):
            raise SiteConfigError(path, where, "needs exactly one of 'page' or 'url'")
        if page is not None and (not isinstance(page, str) or not SLUG_PATH_RE.match(page)):
            raise SiteConfigError(
                path, f"{where}.page", "must be a slug path such as 'services/housing'"
            )
        if url is not None:  # menu entries lead to other sites: https only
            _address(url, path, f"{where}.url", frozenset({"https"}))
        items.append(NavItem(label=label, page=page, url=url))
    return tuple(items)


def _address(value: Any, path: Path, where: str, schemes: frozenset[str]) -> None:
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


def _refuse_identity_codes(value: Any, path: Path, where: str = "") -> None:
    """Every text of a site file is published on each of its pages: none may hold a
    personal identity code, however written (``identity.py``)."""
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_identity_codes(item, path, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _refuse_identity_codes(item, path, f"{where}[{index}]")
    elif isinstance(value, str) and identity.found_in(value):
        raise SiteConfigError(
            path, where, "holds a personal identity code (henkilötunnus), which no public text may"
        )


def parse_site_file(path: Path) -> SiteConfig:
    """Parse and validate one ``sites/<key>.toml`` file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise SiteConfigError(path, "(file)", f"is not UTF-8 text: {exc.reason}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SiteConfigError(path, "(syntax)", str(exc)) from exc

    unknown = sorted(set(data) - ALLOWED_KEYS)
    if unknown:
        raise SiteConfigError(path, unknown[0], "unknown key")
    _refuse_identity_codes(data, path)

    key = _require(data, path, "key", str)
    if not KEY_RE.match(key):
        raise SiteConfigError(path, "key", "must be lower-case letters, digits or '_'")
    if key != path.stem:
        raise SiteConfigError(path, "key", f"must match the file name ('{path.stem}')")

    hostname = _require(data, path, "hostname", str)
    if not HOSTNAME_RE.match(hostname):
        raise SiteConfigError(path, "hostname", f"'{hostname}' is not a valid host name")
    port = data.get("port", 80)
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise SiteConfigError(path, "port", "must be a number from 1 to 65535")
    is_default = data.get("default", False)
    if not isinstance(is_default, bool):
        raise SiteConfigError(path, "default", "must be true or false")

    theme = _require(data, path, "theme", str)
    if not KEY_RE.match(theme):
        raise SiteConfigError(path, "theme", "must be lower-case letters, digits or '_'")
    audience = _require(data, path, "audience", str)
    if audience not in AUDIENCES:
        raise SiteConfigError(path, "audience", f"must be one of {', '.join(AUDIENCES)}")

    raw_languages = _require(data, path, "languages", list)
    known = content_languages()
    if not raw_languages:
        raise SiteConfigError(path, "languages", "needs at least one language")
    for lang in raw_languages:
        if lang not in known:
            raise SiteConfigError(path, "languages", f"'{lang}' is not one of {', '.join(known)}")
    if len(set(raw_languages)) != len(raw_languages):
        raise SiteConfigError(path, "languages", "lists a language twice")
    if raw_languages[0] != settings.LANGUAGE_CODE:
        # The Wagtail Site's root page is in the default locale; other languages are
        # its translations.
        raise SiteConfigError(path, "languages", f"must start with '{settings.LANGUAGE_CODE}'")
    languages = tuple(raw_languages)

    name = _translations(data.get("name"), path, "name", languages, max_length=80)
    tagline = (
        _translations(data["tagline"], path, "tagline", languages, max_length=160)
        if "tagline" in data
        else {}
    )

    contact = data.get("contact", {})
    if not isinstance(contact, dict):
        raise SiteConfigError(path, "contact", "must be a table")
    unknown = sorted(set(contact) - CONTACT_KEYS)
    if unknown:
        raise SiteConfigError(path, f"contact.{unknown[0]}", "unknown key")
    for ckey, cvalue in contact.items():
        if not isinstance(cvalue, str) or not cvalue.strip():
            raise SiteConfigError(path, f"contact.{ckey}", "must be a non-empty text")
    if "email" in contact and "@" not in contact["email"]:
        raise SiteConfigError(path, "contact.email", "is not an e-mail address")
    if "feedback_url" in contact:
        _address(contact["feedback_url"], path, "contact.feedback_url", WEB_SCHEMES)

    navigation = _navigation(data.get("navigation", []), path, languages)

    syndicates = data.get("syndicates", [])
    if not isinstance(syndicates, list) or not all(isinstance(s, str) for s in syndicates):
        raise SiteConfigError(path, "syndicates", "must be an array of site keys")
    if key in syndicates:
        raise SiteConfigError(path, "syndicates", "a site cannot syndicate from itself")

    statement = data.get("accessibility_statement", "")
    if statement and (not isinstance(statement, str) or not SLUG_PATH_RE.match(statement)):
        raise SiteConfigError(path, "accessibility_statement", "must be a slug path")

    return SiteConfig(
        key=key,
        path=path,
        hostname=hostname,
        port=port,
        is_default=is_default,
        theme=theme,
        audience=audience,
        languages=languages,
        name=name,
        tagline=tagline,
        contact=dict(contact),
        navigation=navigation,
        syndicates=tuple(syndicates),
        accessibility_statement=statement,
    )


def load_site_configs(directory: Path | None = None) -> list[SiteConfig]:
    """Parse every site file and check them against each other.

    Raises ``SiteConfigError`` for the first problem found; returns the sites ordered with
    the default site first, then by key.
    """
    directory = Path(directory or settings.SITES_DIR)
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise SiteConfigError(directory, "(folder)", "holds no *.toml site files")
    configs = [parse_site_file(path) for path in paths]

    keys = {config.key for config in configs}
    seen_hosts: dict[tuple[str, int], Path] = {}
    for config in configs:
        host = (config.hostname, config.port)
        if host in seen_hosts:
            raise SiteConfigError(
                config.path, "hostname", f"already used by {seen_hosts[host].name}"
            )
        seen_hosts[host] = config.path
        for other in config.syndicates:
            if other not in keys:
                raise SiteConfigError(config.path, "syndicates", f"no site file for '{other}'")

    defaults = [config for config in configs if config.is_default]
    if len(defaults) != 1:
        where = defaults[1].path if len(defaults) > 1 else directory
        raise SiteConfigError(where, "default", "exactly one site must be the default site")
    return sorted(configs, key=lambda config: (not config.is_default, config.key))
