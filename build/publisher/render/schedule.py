"""An event listing's events in start order, with their months and calendar entries, kept
by a long-lived worker from build to build and patched for the events an edit replaced.

An event listing on a site that syndicates the others holds every event of its language
(about 6,000 per language on 100,000 pages). Gathering them, sorting them, telling the
ended ones, grouping them by month and writing their calendar touched every one of them
on every build: 60–90 ms per listing, four listings for one edited event. A worker keeps
each listing's ``Schedule``: when the lists its events come from hold the same objects as
last time but for a few replaced ones that kept their place (an edit that did not move the
event in time or in the tree), those are swapped in place; any other change (an event
added, removed or moved, many replaced) makes the schedule anew. Either way it equals one
made anew from the same lists (``tests/publisher/test_schedule.py``).

Only the split into upcoming and past events depends on the clock; each event's end is
kept as an integer (microseconds since the epoch) so the split compares numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from operator import itemgetter

from ..context import memory
from . import ical
from .memo import same_objects

# More replaced events than this in one build: made anew (a patch costs per swap).
SWAPS_AT_MOST = 64
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def microseconds(moment: datetime) -> int:
    """An aware datetime as an exact integer (a float would round microseconds)."""
    return (moment - _EPOCH) // _MICROSECOND


@dataclass
class Schedule:
    """The events of a listing (its own, then those of the sites it syndicates that are not
    its own translations' keys), in start order; ties keep that order."""

    hostname: str
    sources: list[list[dict]]  # copies of the lists the events came from, as they were
    by_start: list[dict]
    position: dict[int, int]  # id(event) -> its place in by_start
    ends: list[int]  # each event's end in microseconds, in by_start's order
    months: list[str]  # "YYYY-MM", ascending
    by_month: dict[str, list[dict]]
    vevents: list[bytes]  # each event's folded VEVENT (UTF-8), in by_start's order

    @classmethod
    def make(
        cls,
        own: list[dict],
        others: list[list[dict]],
        *,
        hostname: str,
        when: Callable[[str], datetime],
    ) -> Schedule:
        own_keys = {event["key"] for event in own}
        events = list(own)
        for source in others:
            events += [event for event in source if event["key"] not in own_keys]
        by_start = sorted(events, key=itemgetter("start"))
        by_month: dict[str, list[dict]] = {}
        for event in by_start:
            # (The month in Helsinki: an event at 00.30 on 1 November is November's.)
            by_month.setdefault(f"{when(event['start']):%Y-%m}", []).append(event)
        return cls(
            hostname=hostname,
            sources=[list(own), *(list(source) for source in others)],
            by_start=by_start,
            position={id(event): place for place, event in enumerate(by_start)},
            ends=[microseconds(when(event["end"])) for event in by_start],
            months=sorted(by_month),
            by_month=by_month,
            vevents=[ical.folded_vevent(e, e["full_url"]) for e in by_start],
        )

    def patched(
        self, own: list[dict], others: list[list[dict]], when: Callable[[str], datetime]
    ) -> bool:
        """Swap in the events that replaced others in the same place of the same lists;
        False (and nothing changed) when that cannot give what ``make`` would."""
        sources = [own, *others]
        if len(sources) != len(self.sources):
            return False
        swaps: list[tuple[dict, dict]] = []
        for before, now in zip(self.sources, sources, strict=True):
            if len(before) != len(now):
                return False
            if not same_objects(before, now):
                swaps += [(a, b) for a, b in zip(before, now, strict=True) if a is not b]
                if len(swaps) > SWAPS_AT_MOST:
                    return False
        # The same key keeps the own-keys filter as it was; the same start, the order and
        # the month (sorting is stable, and the new event is where the old one was).
        if any((old["key"], old["start"]) != (new["key"], new["start"]) for old, new in swaps):
            return False
        for old, new in swaps:
            place = self.position.pop(id(old), None)
            if place is None:
                continue  # an other site's event under one of the listing's own keys
            self.by_start[place] = new
            self.position[id(new)] = place
            self.ends[place] = microseconds(when(new["end"]))
            self.vevents[place] = ical.folded_vevent(new, new["full_url"])
            month = self.by_month[f"{when(new['start']):%Y-%m}"]
            month[next(i for i, event in enumerate(month) if event is old)] = new
        if swaps:
            self.sources = [list(source) for source in sources]
        return True

    def split(self, now: datetime) -> tuple[list[dict], list[dict]]:
        """(upcoming, past): events not ended at ``now`` soonest first, and ended ones
        latest start first (ties in start order)."""
        cut = microseconds(now)
        upcoming = [e for e, end in zip(self.by_start, self.ends, strict=True) if end >= cut]
        past = [e for e, end in zip(self.by_start, self.ends, strict=True) if end < cut]
        past.sort(key=itemgetter("start"), reverse=True)  # stable: ties keep start order
        return upcoming, past


class Schedules(dict[tuple[str, str], Schedule]):
    """A build context's schedules: (site, the listing's calendar path) -> its schedule."""


def schedule_of(
    site: str,
    path: str,
    own: list[dict],
    others: list[list[dict]],
    *,
    hostname: str,
    when: Callable[[str], datetime],
    remember: bool,
) -> Schedule:
    """The schedule of the listing whose calendar is ``path``; with ``remember`` (a
    long-lived worker's incremental build) the one kept from the last build, patched."""
    if not remember:
        return Schedule.make(own, others, hostname=hostname, when=when)
    schedules = memory(Schedules)
    known = schedules.get((site, path))
    if known is not None and known.hostname == hostname and known.patched(own, others, when):
        return known
    made = schedules[(site, path)] = Schedule.make(own, others, hostname=hostname, when=when)
    return made


def keep(site: str, paths: Collection[str]) -> None:
    """Forget the site's schedules whose listing is no longer an output."""
    schedules = memory(Schedules)
    for key in [key for key in schedules if key[0] == site and key[1] not in paths]:
        del schedules[key]
