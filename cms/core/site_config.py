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

from django.conf import settings

from .site_fields import (
    HOSTNAME_RE,
    SLUG_PATH_RE,
    NavItem,
    SiteConfigError,
    check_address,
    content_languages,
    navigation_items,
    refuse_identity_codes,
    require_field,
    translated,
)

__all__ = ["NavItem", "SiteConfig", "SiteConfigError", "load_site_configs", "parse_site_file"]

KEY_RE = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
# RFC 1123 host names, lower case; "city.localhost" style names are valid.
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
    refuse_identity_codes(data, path)
    key, hostname, port, is_default = _identity(data, path)
    theme = require_field(data, path, "theme", str)
    if not KEY_RE.match(theme):
        raise SiteConfigError(path, "theme", "must be lower-case letters, digits or '_'")
    audience = require_field(data, path, "audience", str)
    if audience not in AUDIENCES:
        raise SiteConfigError(path, "audience", f"must be one of {', '.join(AUDIENCES)}")
    languages = _languages(data, path)
    name = translated(data.get("name"), path, "name", languages, max_length=80)
    tagline = (
        translated(data["tagline"], path, "tagline", languages, max_length=160)
        if "tagline" in data
        else {}
    )
    contact = _contact(data, path)
    navigation = navigation_items(data.get("navigation", []), path, languages)
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
        contact=contact,
        navigation=navigation,
        syndicates=tuple(syndicates),
        accessibility_statement=statement,
    )


def _identity(data: dict, path: Path) -> tuple[str, str, int, bool]:
    """The site's key, host name, port and whether it is the default server."""
    key = require_field(data, path, "key", str)
    if not KEY_RE.match(key):
        raise SiteConfigError(path, "key", "must be lower-case letters, digits or '_'")
    if key != path.stem:
        raise SiteConfigError(path, "key", f"must match the file name ('{path.stem}')")
    hostname = require_field(data, path, "hostname", str)
    if not HOSTNAME_RE.match(hostname):
        raise SiteConfigError(path, "hostname", f"'{hostname}' is not a valid host name")
    # (bin/run's SITES_PORT serves every site on one port of its choosing.)
    port = getattr(settings, "SITES_PORT", None) or data.get("port", 80)
    if not isinstance(port, int) or isinstance(port, bool) or not 1 <= port <= 65535:
        raise SiteConfigError(path, "port", "must be a number from 1 to 65535")
    is_default = data.get("default", False)
    if not isinstance(is_default, bool):
        raise SiteConfigError(path, "default", "must be true or false")
    return key, hostname, port, is_default


def _languages(data: dict, path: Path) -> tuple[str, ...]:
    raw_languages = require_field(data, path, "languages", list)
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
    return tuple(raw_languages)


def _contact(data: dict, path: Path) -> dict[str, str]:
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
        check_address(contact["feedback_url"], path, "contact.feedback_url", WEB_SCHEMES)
    return dict(contact)


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
