"""A notice's legal timetable in Europe/Helsinki: 14 days on view, deemed served on the
seventh day, deadlines moved off weekends and public holidays, and the display ending at
the exact second midnight starts in Helsinki, across DST changes."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from django.utils import translation

from cms.notices.period import is_working_day, next_working_day, timetable

HKI = ZoneInfo("Europe/Helsinki")
SECOND = timedelta(seconds=1)


def at(*args) -> datetime:
    return datetime(*args, tzinfo=HKI)


def test_fourteen_days_on_a_working_day_and_deemed_served_on_the_seventh():
    notice = timetable(at(2026, 11, 2, 9, 0))  # a Monday
    assert notice.deemed_served == date(2026, 11, 9)
    assert notice.last_day == date(2026, 11, 16)
    assert notice.ends_at == at(2026, 11, 17, 0, 0)
    assert notice.on_view(notice.ends_at - SECOND)
    assert not notice.on_view(notice.ends_at)
    assert not notice.on_view(at(2026, 11, 2, 9, 0) - SECOND), "not before publication"


def test_a_deadline_on_christmas_eve_moves_past_the_holidays_and_the_weekend():
    notice = timetable(at(2026, 12, 10, 12, 0))  # + 14 days = Thursday 24 December
    assert notice.last_day == date(2026, 12, 28)  # 25, 26 holidays; 27 a Sunday
    assert notice.on_view(at(2026, 12, 28, 23, 59, 59))
    assert not notice.on_view(at(2026, 12, 29, 0, 0))


def test_midsummer_eve_is_not_a_working_day():
    notice = timetable(at(2026, 6, 5, 8, 0))  # + 14 days = Midsummer Eve, Friday 19 June
    assert notice.last_day == date(2026, 6, 22)
    assert not is_working_day(date(2026, 6, 19))


def test_the_end_is_midnight_in_helsinki_after_daylight_saving_time_ends():
    # Published in summer time (UTC+3); the display ends in winter time (UTC+2).
    notice = timetable(at(2026, 10, 12, 10, 0))
    assert notice.last_day == date(2026, 10, 26)
    assert notice.ends_at.utcoffset() == timedelta(hours=2)
    utc = ZoneInfo("UTC")
    assert notice.ends_at.astimezone(utc) == datetime(2026, 10, 26, 22, 0, tzinfo=utc)
    assert notice.on_view(datetime(2026, 10, 26, 21, 59, 59, tzinfo=utc))
    assert not notice.on_view(datetime(2026, 10, 26, 22, 0, 0, tzinfo=utc))


def test_the_end_is_midnight_in_helsinki_after_daylight_saving_time_starts():
    # DST starts on Easter Sunday, 28 March 2027; + 14 days is Easter Monday, a holiday.
    notice = timetable(at(2027, 3, 15, 10, 0))
    assert notice.published_at.utcoffset() == timedelta(hours=2)
    assert notice.last_day == date(2027, 3, 30)
    assert notice.ends_at.utcoffset() == timedelta(hours=3)


def test_publication_late_in_the_evening_counts_from_its_helsinki_date():
    # 23:30 in Helsinki is 21:30 UTC on the same day, and 00:30 the next day is the next day.
    late = timetable(datetime(2026, 11, 2, 21, 30, tzinfo=ZoneInfo("UTC")))
    after_midnight = timetable(datetime(2026, 11, 2, 22, 30, tzinfo=ZoneInfo("UTC")))
    assert late.deemed_served == date(2026, 11, 9)
    assert after_midnight.deemed_served == date(2026, 11, 10)


def test_a_later_appeal_or_other_deadline_extends_the_display():
    decision = timetable(at(2026, 11, 2, 9, 0), appeal_days=14)
    assert decision.appeal_deadline == date(2026, 11, 23)  # 9 Nov + 14 days, a Monday
    assert decision.last_day == date(2026, 11, 23)
    plan = timetable(at(2026, 11, 2, 9, 0), other_deadline=date(2026, 12, 5))  # a Saturday
    assert plan.last_day == date(2026, 12, 7)
    earlier = timetable(at(2026, 11, 2, 9, 0), other_deadline=date(2026, 11, 5))
    assert earlier.last_day == date(2026, 11, 16), "never shorter than 14 days"


def test_an_appeal_deadline_on_a_holiday_moves_too():
    # Published Wed 2 Dec 2026: served 9 Dec; + 30 days = 8 Jan 2027, a Friday.
    assert timetable(at(2026, 12, 2, 9, 0), appeal_days=30).appeal_deadline == date(2027, 1, 8)
    # Published Fri 27 Nov 2026: served 4 Dec; + 2 days = Sun 6 Dec, Independence Day.
    assert timetable(at(2026, 11, 27, 9, 0), appeal_days=2).appeal_deadline == date(2026, 12, 7)


@translation.override("en")  # (the messages are translated: an officer reads them)
def test_impossible_input_is_refused_clearly():
    with pytest.raises(ValueError, match="time zone"):
        timetable(datetime(2026, 11, 2, 9, 0))
    with pytest.raises(ValueError, match="before the notice is published"):
        timetable(at(2026, 11, 2, 9, 0), other_deadline=date(2026, 10, 1))
    with pytest.raises(ValueError, match="at least one day"):
        timetable(at(2026, 11, 2, 9, 0), appeal_days=0)


def test_next_working_day_is_the_day_itself_when_it_works():
    assert next_working_day(date(2026, 11, 24)) == date(2026, 11, 24)
    assert next_working_day(date(2027, 1, 1)) == date(2027, 1, 4)
