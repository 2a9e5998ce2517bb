"""Dates as the sites show them: records hold ISO 8601 text, templates format it in the
page's language and in Helsinki time."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from django.utils import formats, translation

from records import HELSINKI


# Remembered: every build reads the same dates of thousands of events again (which are
# upcoming, which are past) and shows them in the same few formats and languages.
@lru_cache(maxsize=1 << 16)
def when(iso: str | None) -> datetime | None:
    if not iso:
        return None
    value = datetime.fromisoformat(iso)
    # A date alone (a notice's last day) is a day in Helsinki.
    return value.astimezone(HELSINKI) if value.tzinfo else value.replace(tzinfo=HELSINKI)


@lru_cache(maxsize=1 << 16)
def _formatted(iso: str | None, fmt: str, lang: str | None) -> str:
    value = when(iso)
    return formats.date_format(value, fmt) if value else ""


def date_filter(iso: str | None, fmt: str = "DATE_FORMAT") -> str:
    return _formatted(iso, fmt, translation.get_language())


def time_filter(iso: str | None) -> str:
    value = when(iso)
    return value.strftime("%H.%M") if value else ""
