"""The legal timetable of an official notice, computed in Europe/Helsinki.

- Display: from publication for 14 days by default (Kuntalaki 108 §), or until a stated
  appeal or other deadline if that ends later.
- Deemed served: the seventh day after publication (Hallintolaki 62 a §). It is a date on
  which service is deemed to happen, not a deadline, so it is not moved.
- A deadline that falls on a Saturday, Sunday or public holiday (including Midsummer Eve
  and Christmas Eve) moves to the next working day (Määräaikalaki 5 §). The holiday
  calendar is the maintained ``holidays`` package, not a list of our own.
- A day's deadline ends at the end of that day in Helsinki: the notice is on view until
  midnight at the start of the next day, whatever the DST offset is then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

import holidays

from django.utils.translation import gettext

from records import HELSINKI

DISPLAY_DAYS = 14
DEEMED_SERVED_DAYS = 7


@cache
def _finnish_holidays(year: int) -> holidays.HolidayBase:
    return holidays.Finland(years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _finnish_holidays(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def end_of_day(day: date) -> datetime:
    """The instant a day ends in Helsinki (midnight starting the next day), as UTC-aware."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=HELSINKI)


def local_date(moment: datetime) -> date:
    if moment.tzinfo is None:
        raise ValueError(gettext("a notice's times must carry a time zone"))
    return moment.astimezone(HELSINKI).date()


@dataclass(frozen=True)
class Timetable:
    published_at: datetime
    deemed_served: date
    last_day: date  # the last day the notice is on view
    ends_at: datetime  # the instant the display period ends (end of last_day, Helsinki)
    appeal_deadline: date | None

    def on_view(self, now: datetime) -> bool:
        return self.published_at <= now < self.ends_at


def timetable(
    published_at: datetime,
    *,
    appeal_days: int | None = None,
    other_deadline: date | None = None,
    display_days: int = DISPLAY_DAYS,
) -> Timetable:
    """The timetable of a notice published at ``published_at``. ``appeal_days`` counts from
    the deemed-served date (e.g. 14 for a claim for rectification); ``other_deadline`` is a
    stated date the notice must stay on view until (e.g. for opinions on a plan)."""
    if display_days < 1:
        raise ValueError(gettext("a notice is on view for at least one day"))
    published = local_date(published_at)
    deemed_served = published + timedelta(days=DEEMED_SERVED_DAYS)
    appeal_deadline = None
    if appeal_days is not None:
        if appeal_days < 1:
            raise ValueError(gettext("an appeal period is at least one day"))
        appeal_deadline = next_working_day(deemed_served + timedelta(days=appeal_days))
    last_day = published + timedelta(days=display_days)
    for deadline in (appeal_deadline, other_deadline):
        if deadline is not None:
            if deadline < published:
                raise ValueError(gettext("a deadline cannot fall before the notice is published"))
            last_day = max(last_day, deadline)
    last_day = next_working_day(last_day)
    return Timetable(
        published_at=published_at,
        deemed_served=deemed_served,
        last_day=last_day,
        ends_at=end_of_day(last_day),
        appeal_deadline=appeal_deadline,
    )
