"""The kinds of events: an event, and the section that lists and calendars them."""

from django.utils.translation import gettext_lazy as _

from cms.core.records import content_fields
from records import EVENT, LISTING, EventRecord, ExportTools, Kind, iso, register

from .models import Audience


def event_fields(page, tools: ExportTools) -> dict:
    return {
        **content_fields(page, tools),
        "start": iso(page.start),
        "end": iso(page.end),
        "venue": page.venue_name,
        "address": page.venue_address,
        "organiser": page.organiser,
        "audience": page.audience,
        "audience_label": str(Audience(page.audience).label),
        "is_free": page.is_free,
        "price": page.price,
        "registration_url": page.registration_url,
        "categories": [category.name for category in page.categories.all()],
    }


register(
    Kind(
        "event_index",
        "events.eventindexpage",
        LISTING,
        "event_index.html",
        content_fields,
        lists=EVENT,
    )
)
register(
    Kind(
        "event",
        "events.eventpage",
        EVENT,
        "event.html",
        event_fields,
        record=EventRecord,
        expires="end",
        dated_by="start",
        prefetch=("categories",),
        search_type="event",
        search_label=_("Event"),
        search_fields=("venue", "address", "organiser"),
        api_fields=(
            "start",
            "end",
            "venue",
            "address",
            "organiser",
            "audience",
            "is_free",
            "price",
            "registration_url",
            "categories",
        ),
    )
)
