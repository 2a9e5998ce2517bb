"""Render: one Pelican run per site, from export records to files in a release folder."""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable, MutableMapping
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2.bccache import Bucket, BytecodeCache
from pelican import Pelican
from pelican.log import console as pelican_console
from pelican.settings import read_settings

from django.conf import settings
from django.utils import timezone

from records import all_kinds

from ..context import memory
from ..export.exporter import Export
from .outputs.owned import THEME_FOLDER

if TYPE_CHECKING:
    from .memo import Digested


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, keyed by Jinja by template name and source
    checksum (an edited theme file is compiled again): every build makes a new Jinja
    environment, and compiling the theme's templates was a fifth of an edit's render. One
    per build context."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@cache
def renderer_fingerprint() -> str:
    """A digest of what a rendered file depends on besides its records: the themes, the
    translations and the generator's code. Outputs rendered under another fingerprint may
    differ from what this process renders from the same records (a deploy changed them)."""
    hashed = hashlib.sha256()
    for path in fingerprinted_files():
        hashed.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return hashed.hexdigest()[:32]


def fingerprinted_files() -> list[Path]:
    """What ``renderer_fingerprint`` reads: the themes, the kinds' templates, the compiled
    translations, every module of the publisher (whatever stage: the export shapes what a
    page lists too) and the records' contract and roles."""
    themes, publisher = Path(settings.THEMES_DIR), Path(__file__).resolve().parents[1]
    return [
        *sorted(path for path in themes.rglob("*") if path.is_file()),
        *sorted(
            path for folder in kind_templates() for path in folder.rglob("*") if path.is_file()
        ),
        *sorted(path for folder in settings.LOCALE_PATHS for path in Path(folder).rglob("*.mo")),
        *sorted(publisher.rglob("*.py")),
        *sorted((publisher.parent / "records").glob("*.py")),
    ]


def kind_templates() -> list[Path]:
    """The template folders the registered kinds bring (``records.Kind.templates``)."""
    return list(dict.fromkeys(kind.templates for kind in all_kinds() if kind.templates))


def pelican_settings(export: Export, site: str, output: Path, content: Path, now: datetime) -> dict:
    themes = Path(settings.THEMES_DIR)
    info = export.sites[site]
    overrides = themes / info.theme / "templates"
    static = [str(themes / "base" / "static")]
    if (themes / info.theme / "static").is_dir():
        static.append(str(themes / info.theme / "static"))
    return read_settings(
        None,
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(themes / "base"),
            # The site's theme first; then the templates content apps keep for their own
            # kinds (names no theme has), then the base theme.
            "THEME_TEMPLATES_OVERRIDES": [
                *([str(overrides)] if overrides.is_dir() else []),
                *map(str, kind_templates()),
            ],
            "THEME_STATIC_PATHS": static,
            "THEME_STATIC_DIR": THEME_FOLDER,
            "SITEURL": info.base_url,
            "SITENAME": info.names[info.languages[0]],
            "TIMEZONE": settings.TIME_ZONE,
            "DEFAULT_LANG": info.languages[0],
            "PLUGINS": ["publisher.render.pelican_plugin"],
            "JINJA_ENVIRONMENT": {
                "trim_blocks": True,
                "lstrip_blocks": True,
                "autoescape": True,
                "bytecode_cache": memory(CompiledTemplates),
            },
            # Everything is rendered by CityGenerator: Pelican's own pages, feeds and
            # archives are switched off.
            "ARTICLE_PATHS": [],
            "PAGE_PATHS": [],
            "STATIC_PATHS": [],
            "DIRECT_TEMPLATES": [],
            "PAGINATED_TEMPLATES": {},
            "FEED_ALL_ATOM": None,
            "CATEGORY_FEED_ATOM": None,
            "TRANSLATION_FEED_ATOM": None,
            "AUTHOR_FEED_ATOM": None,
            "AUTHOR_FEED_RSS": None,
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "DELETE_OUTPUT_DIRECTORY": False,
            "CITY_EXPORT": export,
            "CITY_SITE": site,
            "CITY_NOW": now,
        },
    )


def make_generator(
    export: Export,
    site: str,
    workdir: Path,
    *,
    now: datetime,
    files: dict[str, bytes],
    owners: dict[str, str] | None = None,
    memo: bool = False,
    seed: Callable[[str], Digested | None] | None = None,
    failures: dict[int, str] | None = None,
):
    """A city generator outside a full Pelican run: for previews and incremental builds,
    which render a few records and need no copying of theme files. ``memo``: reuse listing
    pages made from the same records (``memo.py``; incremental builds in the worker).
    ``seed(path)``: a listing page's bytes (and digest) as they are live, if known to be what its
    records render to, remembered instead of rendered (a worker's start). ``failures``: a
    page that cannot be rendered is left out and noted there (None: its error is raised)."""
    from .site_generator import CityGenerator

    config = pelican_settings(export, site, workdir, workdir, now)
    config["CITY_FILES"] = files
    config["CITY_OWNERS"] = owners if owners is not None else {}
    config["CITY_MEMO"] = memo
    config["CITY_SEED"] = seed
    config["CITY_FAILURES"] = failures
    return CityGenerator(
        context=dict(config),
        settings=config,
        path=str(workdir),
        theme=config["THEME"],
        output_path=str(workdir),
    )


def render_site(
    export: Export,
    site: str,
    output: Path,
    *,
    now: datetime | None = None,
    owners: dict[str, str] | None = None,
    files: MutableMapping[str, bytes] | None = None,
    failures: dict[int, str] | None = None,
) -> MutableMapping[str, bytes]:
    """Run Pelican for ``site``: theme files are copied into ``output``; the rendered
    files are put in ``files`` (path -> bytes; a new dict by default, or a
    ``files.ReleaseFiles`` that writes each one into the release at once), returned."""
    files = {} if files is None else files
    with tempfile.TemporaryDirectory(prefix="city-content-") as content:
        config = pelican_settings(export, site, output, Path(content), now or timezone.now())
        config["CITY_FILES"] = files
        config["CITY_OWNERS"] = owners if owners is not None else {}
        config["CITY_FAILURES"] = failures
        # Pelican's closing summary counts its own readers' articles: always zero here.
        quiet, pelican_console.quiet = pelican_console.quiet, True
        try:
            Pelican(config).run()
        finally:
            pelican_console.quiet = quiet
    return files
