"""Site parts: fragments of every page (the crisis alerts' slot first) kept apart from the
pages, so that one write changes every page of a site at once, with no build.

A registered part (``hooks.SITE_PARTS_HOOK``) is written for every site and language to

    output/<site>/_parts/<name>.<lang>.html     (beside ``releases/`` and ``current``)

whenever a build goes live, and whenever ``write`` is asked to (never through the build
queue). A page holds a server-side include where a template says ``part(name, lang)``;
nginx answers it from an internal location (``nginx.py``: the public cannot request a part
itself). Where no SSI runs, ``expand`` puts the part in: the development server and the
preview do; a plain static host shows no part (the include is an HTML comment).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from markupsafe import Markup

from .. import hooks
from ..export.exporter import SiteInfo
from ..export.richtext import inert
from ..files import site_root, write_file

logger = logging.getLogger(__name__)

FOLDER = "_parts"
NAME = re.compile(r"^[a-z0-9-]+$")
INCLUDE = re.compile(r'<!--# include virtual="/' + FOLDER + r'/([a-z0-9-]+)\.([a-z]{2})\.html" -->')


def include(name: str, lang: str) -> Markup:
    """What a page holds in the part's place: nginx's include of it. Whether or not a part
    of that name is registered yet: an app that registers one later needs no page built
    again (a part never written is empty)."""
    if not NAME.match(name) or not re.fullmatch(r"[a-z]{2}", lang):
        raise ValueError(f"no part {name!r} in {lang!r}: a part's name is [a-z0-9-]+")
    return Markup(f'<!--# include virtual="/{FOLDER}/{name}.{lang}.html" -->')  # noqa: S704


# Any server-side directive: with SSI on, nginx would run one that came in with content
# (an "echo" of a request header, an "include" of an internal location).
DIRECTIVE = re.compile(r"<!--#")


def guarded(html: str) -> str:
    """A page's ``html`` with every server-side directive but the parts' own includes made
    a plain comment (content is made ``inert`` already where it is rendered: this is the
    page's second line)."""
    if "<!--#" not in html:
        return html
    kept = {match.start() for match in INCLUDE.finditer(html)}
    return DIRECTIVE.sub(lambda match: match[0] if match.start() in kept else "<!-- #", html)


def folder(site: str) -> Path:
    return site_root(site) / FOLDER


def _replace(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` in one step (``files.write_file``: a reader sees the old
    or the new file, never half of one, readable by nginx's workers); False when it held
    exactly that already."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    write_file(path, data)
    return True


def write(
    sites: Iterable[SiteInfo], now: datetime, *, names: Iterable[str] | None = None
) -> list[Path]:
    """Write the parts ``names`` (all when None) of these sites in each of their languages;
    the files that changed."""
    parts = {}
    for name, part in hooks.site_parts().items():
        if NAME.match(name):
            parts[name] = part
        else:  # (its file name would be outside the parts' folder, or none at all)
            logger.error("Site part %r: a part's name is [a-z0-9-]+; not written", name)
    wanted = sorted(parts if names is None else set(names) & set(parts))
    changed: list[Path] = []
    if not wanted:
        return changed
    for site in sites:
        target = folder(site.key)
        target.mkdir(parents=True, exist_ok=True)
        for name in wanted:
            for lang in site.languages:
                try:
                    html = parts[name].render(site, lang, now)
                except Exception:  # one part's failure is its own: the others are written
                    logger.exception(
                        "Site part %s (%s, %s) failed; kept as it was", name, site.key, lang
                    )
                    continue
                path = target / f"{name}.{lang}.html"
                # nginx does not run a directive in a part (``ssi off`` there): made inert
                # here too, for any other server.
                if _replace(path, inert(html).encode("utf-8")):
                    changed.append(path)
    return changed


def expand(html: str, read: Callable[[str, str], str]) -> str:
    """``html`` with each part's include replaced by ``read(name, lang)``: what nginx
    sends, for a server or a preview with no SSI."""
    return INCLUDE.sub(lambda match: read(match[1], match[2]), html)


def read_written(where: Path) -> Callable[[str, str], str]:
    """A reader of the parts as written in the folder ``where`` ("" for one not written)."""

    def read(name: str, lang: str) -> str:
        try:
            return (where / f"{name}.{lang}.html").read_text("utf-8")
        except FileNotFoundError:
            return ""

    return read


def read_rendered(site: SiteInfo, now: datetime) -> Callable[[str, str], str]:
    """A reader that renders each part as it would be written now (the preview)."""
    parts = hooks.site_parts()

    def read(name: str, lang: str) -> str:
        part = parts.get(name)
        return part.render(site, lang, now) if part is not None else ""

    return read
