"""Whatever text reaches a page's fields (the forms refuse control characters, but content
comes in other ways too: older revisions, imports, the API), the site builds and the page
goes live: its calendar, feeds and sitemap stay valid, and no other change waits.

Arbitrary Unicode (controls, line and paragraph separators, non-characters, long runs) in
every text field of every kind of page the editors publish, through the worker's queue as
a publish from the admin would go. ``HYPOTHESIS_EXAMPLES`` sets how many (bin/test keeps
the default, bounded; a longer run: ``HYPOTHESIS_EXAMPLES=10000``)."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import (
    HealthCheck,
    example,
    given,
)
from hypothesis import (
    settings as hypothesis_settings,
)
from hypothesis import (
    strategies as st,
)
from icalendar import Calendar

from django.db import models

from cms.events.models import EventPage
from cms.news.models import NewsArticlePage, PressReleasePage
from cms.pages.models import ContentPage
from publisher.release import folders as release
from publisher.worker.queue import process_pending, request_publish

# Bound by builds: once, on SQLite.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]
EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "20"))
MODELS = [EventPage, NewsArticlePage, PressReleasePage, ContentPage]
# Kept by Wagtail or the publisher, not typed: addresses and the tree.
NOT_TYPED = {"slug", "url_path", "path", "draft_title", "locale", "live_revision"}


def _text_fields(model) -> list[str]:
    return sorted(
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and field.name not in NOT_TYPED
        and not field.choices
        and not isinstance(field, models.URLField | models.EmailField)
    )


# What XML 1.0 cannot carry (the test's own list, not the product's).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FIELDS = [(model, name) for model in MODELS for name in _text_fields(model)]
HOSTILE = st.sampled_from(["\n", "\r", "\r\n", "\x00", "\x0b", "\x1b[31m", "\u2028", "\x85"])
TEXT = st.lists(
    st.one_of(st.text(st.characters(exclude_categories=["Cs"]), max_size=40), HOSTILE),
    min_size=1,
    max_size=12,
).map("".join)


def _page(model):
    return model.objects.live().filter(url_path__startswith="/city/").order_by("pk").first()


@hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(where=st.sampled_from(FIELDS), text=TEXT)
# The editor's slip that stopped the city's publishing (a calendar's name), and a title of
# nothing a page can show.
@example(where=(EventPage, "title"), text="Valtuuston kokous\nrivi")
@example(where=(EventPage, "title"), text="\x00\x0b")
@example(where=(NewsArticlePage, "title"), text=" ")
def test_any_text_in_any_field_is_published_and_every_output_stays_valid(city_content, where, text):
    model, name = where
    page = _page(model)
    limit = page._meta.get_field(name).max_length
    value = text[:limit] if limit else text
    # Written as an import or older content would be, past the forms' checks; then queued
    # as a publish is.
    model.objects.filter(pk=page.pk).update(**{name: value})
    request_publish(reason="publish", page_ids=[page.pk])
    result = process_pending()
    assert result is not None and result.ok, getattr(result, "errors", result)

    live = release.current("city")
    own = live / page.url_path.removeprefix("/city/") / "index.html"
    assert own.is_file()
    assert not NOT_XML.search(own.read_text())
    ET.parse(live / "sitemap.xml")
    for feed in live.rglob("*.xml"):
        ET.parse(feed)
    if model is EventPage:
        Calendar.from_ical((own.parent / "event.ics").read_bytes())
