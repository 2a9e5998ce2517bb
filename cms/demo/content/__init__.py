"""The demo content of the fictional city of Kaislahti (Vassvik in Swedish), in fi, sv and en.

Plain data only, one module per site: ``cms.demo.services`` turns it into pages. Every text
is a ``{"fi": ..., "sv": ..., "en": ...}`` dict. Times are offsets in days from the day the
demo is loaded, so the event calendar always has upcoming and past events.
"""

from __future__ import annotations

from .business import BUSINESS, BUSINESS_EVENTS, BUSINESS_NEWS, BUSINESS_PRESS
from .city import CITY_TASKS, CONTACT_PAGE, SERVICES
from .city_news import CITY_EVENTS, CITY_NEWS, CITY_PRESS
from .climate import CLIMATE, CLIMATE_EVENTS, CLIMATE_NEWS
from .common import (
    ACCESSIBILITY,
    CATEGORIES,
    DOCUMENTS,
    EVENT_INDEX,
    IMAGE_ALTS,
    NEWS_INDEX,
    PRESS_INDEX,
)
from .events import EVENTS_SITE_EVENTS, EVENTS_SITE_NEWS
from .tourism import TOURISM, TOURISM_EVENTS, TOURISM_NEWS


def _site(sections, news, press, events, extra=(), tasks=()):
    # Every site ends its sections with the accessibility statement the law requires.
    return {
        "sections": [*sections, *extra, ACCESSIBILITY],
        "news": news,
        "press": press,
        "events": events,
        "tasks": list(tasks),  # the home page's top tasks, by address under it
    }


SITES = {
    "city": _site(
        [SERVICES], CITY_NEWS, CITY_PRESS, CITY_EVENTS, extra=[CONTACT_PAGE], tasks=CITY_TASKS
    ),
    "tourism": _site(TOURISM, TOURISM_NEWS, [], TOURISM_EVENTS),
    # The business site leads with its services.
    "business": _site(
        BUSINESS,
        BUSINESS_NEWS,
        BUSINESS_PRESS,
        BUSINESS_EVENTS,
        tasks=["yrityspalvelut/perusta-yritys", "yrityspalvelut/yritystontit", "tapahtumat"],
    ),
    "events": _site([], EVENTS_SITE_NEWS, [], EVENTS_SITE_EVENTS),
    "climate": _site(CLIMATE, CLIMATE_NEWS, [], CLIMATE_EVENTS),
}

__all__ = [
    "CATEGORIES",
    "DOCUMENTS",
    "EVENT_INDEX",
    "IMAGE_ALTS",
    "NEWS_INDEX",
    "PRESS_INDEX",
    "SITES",
]
