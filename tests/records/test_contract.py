"""Records keep their kind's contract: a missing, unknown or mistyped field is refused where
the record is made; kinds are declared once; roles decide what the publisher does."""

from datetime import UTC, date, datetime

import pytest

from wagtail import hooks

from records import (
    ARTICLE,
    EVENT,
    KINDS_HOOK,
    LISTING,
    ArticleRecord,
    Kind,
    RecordError,
    all_kinds,
    check,
    conforms,
    iso,
    kind_named,
    kinds_with,
    search_types,
)


def article(**changes) -> dict:
    record = {
        "id": 7,
        "key": "k7",
        "site": "city",
        "lang": "fi",
        "kind": "news",
        "url": "/uutiset/a/",
        "full_url": "http://city.test/uutiset/a/",
        "title": "A",
        "seo_title": "A",
        "description": "",
        "published": "2026-12-01T10:00:00+00:00",
        "updated": None,
        "depth": 4,
        "path": "000100010001",
        "lead": "",
        "body": "<p>x</p>",
        "media": [],
        "documents": {},
        "translations": {"fi": "/uutiset/a/"},
        "image": None,
        "date": "2026-12-01T10:00:00+00:00",
        "resident_headline": "",
        "media_headline": "",
        "contacts": "",
    }
    record.update(changes)
    return record


def test_a_record_that_keeps_its_contract_passes():
    record = article()
    assert check(record) is record
    conforms(record, ArticleRecord)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"date": 20261201}, "date is int"),
        ({"id": "7"}, "id is str"),
        ({"depth": True}, "depth is bool"),  # a bool is no whole number here
        ({"translations": [("fi", "/")]}, "translations is list"),
        ({"kind": "nothing"}, "no kind 'nothing'"),
    ],
)
def test_a_mistyped_field_is_refused(change, message):
    with pytest.raises(RecordError, match=message):
        check(article(**change))


def test_a_missing_or_unknown_field_is_refused():
    record = article(venue="Kauppatori")
    with pytest.raises(RecordError, match=r"unknown \['venue'\]"):
        check(record)
    record = article()
    del record["resident_headline"]
    with pytest.raises(RecordError, match=r"missing \['resident_headline'\]"):
        check(record)


def test_an_event_end_and_a_notice_display_end_are_different_fields():
    assert kind_named("event").expires == "end"
    assert kind_named("notice").expires == "ends_at"
    assert {kind.name for kind in all_kinds() if kind.expires} == {"event", "notice"}


def test_roles_group_the_city_kinds():
    assert {"news", "press"} <= kinds_with(role=ARTICLE)
    assert kinds_with(role=EVENT) == {"event"}
    assert {"news_index", "press_index"} <= kinds_with(lists=ARTICLE)
    assert list(search_types())[:5] == ["page", "news", "press", "event", "notice"]


def test_a_kind_is_declared_once():
    kind = kind_named("news")
    with hooks.register_temporarily(KINDS_HOOK, lambda: [kind]):  # the same declaration again
        assert kind_named("news") is kind
    clash = Kind("news", "elsewhere.page", ARTICLE, "x.html", lambda page, tools: {})
    with (
        hooks.register_temporarily(KINDS_HOOK, lambda: [clash]),
        pytest.raises(ValueError, match="already declared"),
    ):
        all_kinds()
    clash = Kind("other", kind.model, ARTICLE, "x.html", lambda page, tools: {})
    with (
        hooks.register_temporarily(KINDS_HOOK, lambda: [clash]),
        pytest.raises(ValueError, match="already declared"),
    ):
        all_kinds()
    with pytest.raises(ValueError, match="only a listing"):
        Kind("lonely", "x.lonely", LISTING, "x.html", lambda page, tools: {})
    with pytest.raises(ValueError, match="unknown role"):
        Kind("odd", "x.odd", "banner", "x.html", lambda page, tools: {})
    scratch = Kind("scratch", "x.scratch", ARTICLE, "x.html", lambda page, tools: {})
    with hooks.register_temporarily(KINDS_HOOK, lambda: [scratch]):
        assert "scratch" in kinds_with(role=ARTICLE)
    assert "scratch" not in kinds_with(role=ARTICLE)


def test_iso_keeps_whole_seconds_unless_told():
    moment = datetime(2026, 12, 5, 9, 30, 15, 123456, tzinfo=UTC)
    assert iso(moment) == "2026-12-05T09:30:15+00:00"
    assert iso(moment, whole_seconds=False) == "2026-12-05T09:30:15.123456+00:00"
    assert iso(date(2026, 12, 5)) == "2026-12-05"
    assert iso(None) is None


UNWRITABLE = ["\x00", "\x1b", "\x85", "\ud800", "\ufffe", "\ufdd0", "\ufdef"]
UNWRITABLE += ["\U0001ffff", "\U0010ffff"]  # (the last two of every plane)


@pytest.mark.parametrize("unwritable", UNWRITABLE)
def test_what_no_output_can_carry_is_left_out_of_every_record(unwritable):
    from records.kinds import printable

    record = {"title": f"Kirjasto{unwritable} auki", "tags": [f"a{unwritable}b"], "n": 1}
    assert printable(record) == {"title": "Kirjasto auki", "tags": ["ab"], "n": 1}
    kept = {"title": "Kirjasto \U0010fffd \ufdf0 \u2028 auki\n"}  # characters, if odd ones
    assert printable(kept) is kept
