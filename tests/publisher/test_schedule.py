"""An event listing's schedule, kept by the worker and patched for replaced events, equals
one made anew from the same lists, whatever the edits and the clock."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from operator import itemgetter

from publisher import context
from publisher.render import ical, schedule
from publisher.render.dates import when
from publisher.render.schedule import Schedule, schedule_of

BASE = datetime(2027, 3, 1, 12, tzinfo=UTC)


def event(number: int, rng: random.Random, site: str = "city", **fields) -> dict:
    """A corpus-like event record; starts spread over a few months, often sharing one."""
    start = BASE + timedelta(days=rng.randrange(90), hours=rng.choice([0, 0, 5]))
    record = {
        "id": number,
        "key": f"key-{number}",
        "site": site,
        "lang": "fi",
        "title": f"Tapahtuma {number}",
        "lead": "",
        "full_url": f"https://{site}.example/tapahtumat/{number}/",
        "start": start.isoformat(),
        "end": (start + timedelta(hours=rng.randrange(1, 200))).isoformat(),
        "updated": BASE.isoformat(),
    }
    return record | fields


def edited(record: dict, rng: random.Random, *, move: bool = False) -> dict:
    """The record an edit re-exports: a new object, the start kept unless ``move``."""
    copy = dict(record, title=f"{record['title']} ({rng.random():.6f})")
    copy["end"] = (datetime.fromisoformat(record["start"]) + timedelta(hours=3)).isoformat()
    if move:
        copy["start"] = (BASE + timedelta(days=rng.randrange(90))).isoformat()
    return copy


def facts(made: Schedule, now: datetime) -> tuple:
    upcoming, past = made.split(now)
    return (
        [id(e) for e in made.by_start],
        made.months,
        {month: [id(e) for e in events] for month, events in made.by_month.items()},
        made.vevents,
        made.ends,
        [id(e) for e in upcoming],
        [id(e) for e in past],
    )


def test_a_patched_schedule_equals_one_made_anew_after_any_edits():
    context.renew()
    rng = random.Random(7)
    own = [event(n, rng) for n in range(40)]
    others = [[event(100 + n, rng, site="events") for n in range(60)], []]
    others[0][5]["key"] = own[3]["key"]  # another site's copy of an own event: left out
    patches = 0
    for _ in range(120):
        roll = rng.random()
        lists = [own, *others]
        source = rng.choice([source for source in lists if source])
        place = rng.randrange(len(source))
        changed = list(source)
        if roll < 0.7:
            changed[place] = edited(source[place], rng)
        elif roll < 0.8:
            changed[place] = edited(source[place], rng, move=True)
        elif roll < 0.9:
            changed.insert(place, event(1000 + rng.randrange(10**6), rng, site="events"))
        else:
            del changed[place]
        changed.sort(key=itemgetter("id"))  # the tree order of a site's records
        lists[lists.index(source)] = changed
        own, others = lists[0], lists[1:]
        kept = context.memory(schedule.Schedules).get(("city", "tapahtumat/calendar.ics"))
        got = schedule_of(
            "city",
            "tapahtumat/calendar.ics",
            own,
            others,
            hostname="city.example",
            when=when,
            remember=True,
        )
        patches += got is kept
        anew = Schedule.make(own, others, hostname="city.example", when=when)
        now = BASE + timedelta(days=rng.randrange(100), minutes=rng.randrange(60))
        assert facts(got, now) == facts(anew, now)
    assert patches > 60  # most builds patched the kept schedule rather than making one
    context.renew()


def test_the_split_and_calendar_are_those_of_the_events_sorted_by_start():
    rng = random.Random(3)
    own = [event(n, rng) for n in range(30)]
    made = Schedule.make(own, [], hostname="city.example", when=when)
    now = BASE + timedelta(days=45)
    by_start = sorted(own, key=itemgetter("start"))
    upcoming, past = made.split(now)
    assert upcoming == [e for e in by_start if when(e["end"]) >= now]
    assert past == sorted(
        (e for e in by_start if when(e["end"]) < now), key=itemgetter("start"), reverse=True
    )
    calendar = ical.assemble(made.vevents, name="Kaupunki", hostname="city.example", lang="fi")
    assert calendar == ical.calendar(
        [(e, e["full_url"]) for e in by_start], name="Kaupunki", hostname="city.example", lang="fi"
    )


def test_an_event_that_moved_in_time_or_a_list_that_grew_makes_the_schedule_anew():
    rng = random.Random(5)
    own = [event(n, rng) for n in range(10)]
    made = Schedule.make(own, [], hostname="city.example", when=when)
    moved = list(own)
    moved[4] = dict(own[4], start=(BASE + timedelta(days=200)).isoformat())
    assert not made.patched(moved, [], when)
    assert not made.patched([*own, event(99, rng)], [], when)
    assert not made.patched(own, [[]], when)  # another syndicated site
    assert made.by_start == sorted(own, key=itemgetter("start"))  # left as it was
    retitled = list(own)
    retitled[4] = edited(own[4], rng)
    assert made.patched(retitled, [], when)
    assert any(e is retitled[4] for e in made.by_start)
