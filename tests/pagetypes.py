"""One page of each type of a built site, as the outside checks visit them: every kind of
page the static JSON API lists (the benchmark corpus left out), in every language or in
the site's first, and the pages the site makes itself (search, the component library,
"not found"). Shared by the browser tests, the visual tests, pa11y and Lighthouse."""

from __future__ import annotations

import json
from pathlib import Path

from publisher.render.outputs.listings import SEGMENTS

LANGUAGES = ("fi", "sv", "en")  # the first a site has is at its root


def page_types(root: Path, *, every_language: bool = True) -> list[tuple[str, str, str]]:
    """(page type, language, address) of the first page of each kind per language (or in
    the first language only), then each such language's search page, the component
    library and the "not found" page."""
    items = json.loads((root / "api/v1/pages.json").read_text())["items"]
    present = {item["lang"] for item in items}
    first = next(lang for lang in LANGUAGES if lang in present)
    wanted = present if every_language else {first}
    languages = [lang for lang in LANGUAGES if lang in wanted]
    found: dict[tuple[str, str], str] = {}
    for item in items:
        if item["lang"] in languages and "korpus" not in item["url"]:
            found.setdefault((item["kind"], item["lang"]), item["url"])
    prefix = {lang: "/" if lang == first else f"/{lang}/" for lang in languages}
    searches = [
        ("search", lang, f"{prefix[lang]}{SEGMENTS['search'][lang]}/") for lang in languages
    ]
    return [
        *((kind, lang, url) for (kind, lang), url in found.items()),
        *searches,
        ("components", first, "/components/"),
        ("404", first, "/404.html"),
    ]
