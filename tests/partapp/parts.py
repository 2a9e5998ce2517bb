"""A notice board in the alert slot of every page, and a log of what went live.

The board says what ``<VAR_DIR>/partapp/board.txt`` says (nothing when there is no such
file); every ``SitesLive`` is appended to ``<VAR_DIR>/partapp/live.jsonl``."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from markupsafe import escape

from django.conf import settings


def folder() -> Path:
    return Path(settings.VAR_DIR) / "partapp"


class BoardPart:
    name = "alerts"

    def render(self, site, lang: str, now: datetime) -> str:
        try:
            text = (folder() / "board.txt").read_text("utf-8")
        except FileNotFoundError:
            return ""
        return f'<div class="alerts" role="region"><p>{escape(text)} [{site.key} {lang}]</p></div>'


class BrokenPart:
    """A part whose rendering fails: the other parts are still written."""

    name = "broken"

    def render(self, site, lang: str, now: datetime) -> str:
        raise RuntimeError("this part never renders")


def remember(live) -> None:
    folder().mkdir(parents=True, exist_ok=True)
    entry = {
        "pages": {str(page): url for page, url in live.pages.items()},
        "gone": sorted(live.gone),
        "sites": list(live.sites),
        "full": live.full,
    }
    with (folder() / "live.jsonl").open("a") as log:
        log.write(json.dumps(entry) + "\n")


def seen() -> list[dict]:
    """What ``remember`` wrote, oldest first."""
    try:
        lines = (folder() / "live.jsonl").read_text().splitlines()
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in lines]
