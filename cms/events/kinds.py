"""The kinds of events: an event, and the section that lists and calendars them."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _

from cms.core.records import content_fields, no_demo_fields
from records import EVENT, LISTING, DemoTools, EventRecord, ExportTools, Kind, iso

from .models import Audience

# What this app declares (its ``wagtail_hooks`` hands them to the registry).
KINDS: list[Kind] = []


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


def event_demo(spec: dict, lang: str, tools: DemoTools) -> dict:
    start = tools.moment(spec["days"], spec["hour"])
    return {
        "start": start,
        "end": start + timedelta(hours=spec["hours"]),
        "venue_name": spec["venue"],
        "venue_address": spec["address"],
        "organiser": spec["organiser"],
        "audience": spec["audience"],
        "is_free": spec["price"] is None,
        "price": "" if spec["price"] is None else spec["price"][lang],
        "registration_url": spec.get("registration") or "",
        # An event's page tells about it in its lead and details, not in paragraphs.
        "body": tools.body({**spec, "paragraphs": []}, lang),
    }


KINDS.append(
    Kind(
        "event_index",
        "events.eventindexpage",
        LISTING,
        "event_index.html",
        content_fields,
        lists=EVENT,
        demo=no_demo_fields,
    )
)
KINDS.append(
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
        api_sources={
            "venue": "venue_name",
            "address": "venue_address",
            "categories": "categories.names",
        },
        demo=event_demo,
    )
)
