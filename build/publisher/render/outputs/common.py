"""What the output modules share: what they need of the generator (``SiteOutputs``, which
``site_generator.CityGenerator`` provides), who owns a record's files, and an article's
date."""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from datetime import datetime
from typing import Any, Protocol

from markupsafe import Markup

from ...export.exporter import Export, SiteInfo
from ...export.siteindex import SiteIndex
from ..memo import Kept


class SiteOutputs(Protocol):
    """One site's build as the output modules see it: what it renders from, and how it
    renders and hands over files. The outputs depend on this, not on the Pelican generator."""

    site: SiteInfo
    export: Export
    records: list[dict]
    index: SiteIndex
    now: datetime
    settings: Mapping[str, Any]
    owners: dict[str, str]  # file path -> its owner, of the files made so far
    files: MutableMapping[str, bytes | Kept]  # file path -> its bytes, of the same

    # What a page shows of its surroundings.
    def page_context(self, record: dict, **extra: Any) -> dict: ...
    def breadcrumbs(self, record: dict) -> list[dict]: ...
    def link(self, record: dict) -> str: ...
    def syndicated(self, kinds: set[str], lang: str) -> list[dict]: ...
    def home(self, lang: str) -> dict: ...
    def find_home(self, lang: str) -> dict | None: ...
    def ended(self, event: dict) -> bool: ...
    def search_url(self, lang: str) -> str: ...
    def card(self, item: dict, link: Callable[[dict], str], lang: str) -> Markup: ...
    def get_template(self, name: str) -> Any: ...

    # Making and handing over files.
    def render(self, template: str, path: str, context: dict, *, owner: str) -> bytes: ...
    def emit(self, path: str, data: bytes | Kept, *, owner: str) -> None: ...
    @staticmethod
    def out(url: str, name: str = "index.html") -> str: ...
    def fragments(self, output: str, records: list[dict], make: Callable) -> list[bytes]: ...
    def assembled(
        self, path: str, parts: list[bytes], frame: tuple[bytes, bytes, bytes]
    ) -> bytes | Kept: ...
    def repr_once(self, value: object) -> str: ...
    @property
    def site_fingerprint(self) -> str: ...


def owner_of(record: dict) -> str:
    """The owner of the files a record's outputs are made of."""
    return f"page:{record['id']}"


def article_date(record: dict) -> str:
    """An article's own date (empty for other records): listings and feeds sort by it."""
    return record.get("date") or ""
