"""Plan: which outputs a change affects. A pure function of the last build's state, the new
export and what changed; it reads no database and writes no file.

What a changed record affects:

- its own page (and event.ics), and the pages of its translations (language switcher);
- its parent: a section lists its children; a listing paginates them, archives them by
  year or month, and puts them in feeds and calendars;
- its descendants, when its title or address changed (breadcrumbs, addresses);
- for articles and events, the home pages of its site and of every site that syndicates
  it, and the aggregated event calendars of those sites; for notices, the home pages of
  its site (which list the notices on view);
- the home pages that have it as a top task (its title and address);
- the site's own files: sitemap, site feeds, JSON API, 404 page and robots.txt;
- the search files that hold it, before and after the change (``hooks.affected``).

A change to a site's settings or navigation re-renders that whole site. Time is a change
too: an event that ended since the last build moves from "upcoming" to "past", so it is
treated as changed, and the scheduler starts a build when one ends (``due_for_time``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from records import ARTICLE, EVENT, HOME, NOTICE, kinds_with

from .. import hooks
from ..export.exporter import Export
from ..export.siteindex import ById
from .state import BuildState


@dataclass
class ChangeSet:
    """What happened since the last build: pages that changed, sites to rebuild whole."""

    page_ids: set[int] = field(default_factory=set)
    full_sites: set[str] = field(default_factory=set)


@dataclass
class Plan:
    owners: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    site_level: set[str] = field(default_factory=set)
    full: set[str] = field(default_factory=set)
    removed: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    bundles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    gone_bundles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Pages whose record is as it was, changed by the clock alone (an event that ended):
    # what lists them by time is rendered again, not what shows their content.
    unchanged: set[int] = field(default_factory=set)

    @property
    def sites(self) -> set[str]:
        return set(self.owners) | self.site_level | self.full | set(self.removed)


def plan(
    state: BuildState,
    export: Export,
    changes: ChangeSet,
    changed: set[int],
    removed: set[int],
    old_by_id: ById,
    timed: AbstractSet[int] = frozenset(),
) -> Plan:
    """What to render for the pages ``changed`` and ``removed``. ``timed`` are pages the
    clock changed (``BuildState.ended_since``) and no edit: those whose record is the same
    as before keep their site's files (sitemap, feeds, API) and search bundles."""
    result = Plan()
    for site, info in export.sites.items():
        if site in changes.full_sites or info != state.export.sites.get(site):
            result.full.add(site)  # settings, names, navigation or the statement changed
    if result.full:
        # Every site's search page lists the sites by name and address.
        result.site_level |= set(export.sites)
    new_by_id = ById(export)
    result.unchanged = {
        pid for pid in timed & changed if pid in old_by_id and old_by_id[pid] == new_by_id.get(pid)
    }
    planner = _Planner(result, export, new_by_id)
    for pid in changed | removed:
        planner.page(pid, old_by_id.get(pid), new_by_id.get(pid))
    edited = (changed - result.unchanged) | removed
    touched = {old_by_id[pid]["site"] for pid in edited if pid in old_by_id}
    touched |= {new_by_id[pid]["site"] for pid in edited if pid in new_by_id}
    for site in touched - result.full:
        rebuild, gone = hooks.affected(
            state.export.records.get(site, []),
            export.records[site],
            export.sites[site].languages,
            edited,
        )
        result.bundles[site] |= rebuild
        result.gone_bundles[site] |= gone
    return result


class _Planner:
    """Adds to a plan what one changed page affects (see the module's docstring)."""

    def __init__(self, result: Plan, export: Export, new_by_id: ById) -> None:
        self.result, self.export = result, export
        self.indexes = new_by_id.indexes
        # Articles and events are listed on home pages, here and where syndicated; events
        # on the calendars of event listings too.
        self.homes, self.events = kinds_with(role=HOME), kinds_with(role=EVENT)
        self.syndicated = kinds_with(role=ARTICLE) | self.events
        self.calendars = kinds_with(lists=EVENT)
        self.notices = kinds_with(role=NOTICE)
        self.tasks_of = top_task_homes(self.indexes.values(), self.homes)

    def add(self, site: str, page_id: int) -> None:
        if page_id in self.indexes[site].by_id:
            self.result.owners[site].add(page_id)

    def page(self, pid: int, before: dict | None, after: dict | None) -> None:
        for home in self.tasks_of.get(pid, ()):
            self.add(home["site"], home["id"])
        if before is not None and (after is None or after["site"] != before["site"]):
            self.result.removed[before["site"]].add(pid)
        renamed = (
            before is None
            or after is None
            or (before["title"], before["url"]) != (after["title"], after["url"])
        )
        for record in (before, after):
            if record is not None:
                self.record(pid, record, renamed=renamed)

    def record(self, pid: int, record: dict, *, renamed: bool) -> None:
        site = record["site"]
        index = self.indexes[site]
        if pid not in self.result.unchanged:
            self.result.site_level.add(site)
        self.add(site, record["id"])
        for other in index.by_key.get(record["key"], ()):
            self.add(site, other["id"])  # translations: the language switcher
        parent = index.by_path.get(record["path"][:-4])
        if parent is not None:
            self.add(site, parent["id"])
        if renamed:
            for other in index.below(record["path"]):
                self.add(site, other["id"])  # breadcrumbs and addresses below it
        if record["kind"] in self.notices:
            for kind in self.homes:
                for other in index.by_kind.get((kind, record["lang"]), ()):
                    self.add(site, other["id"])
        if record["kind"] in self.syndicated:
            self.listed_elsewhere(record)

    def listed_elsewhere(self, record: dict) -> None:
        """The home pages and calendars, here and on the sites syndicating it, that list
        an article or event."""
        site = record["site"]
        for target, info in self.export.sites.items():
            if target != site and site not in info.syndicates:
                continue
            for (kind, lang), others in self.indexes[target].by_kind.items():
                # Home pages and calendars list only their own language's items.
                if lang != record["lang"]:
                    continue
                if kind in self.homes or (
                    record["kind"] in self.events
                    and kind in self.calendars
                    and (target == site or info.syndicates)
                ):
                    for other in others:
                        self.add(target, other["id"])


def top_task_homes(indexes, homes: set[str]) -> dict[int, list[dict]]:
    """Page id -> the home pages that have it as a top task."""
    found: dict[int, list[dict]] = defaultdict(list)
    for index in indexes:
        for (kind, _lang), records in index.by_kind.items():
            if kind not in homes:
                continue
            for home in records:
                for task in home.get("top_tasks") or ():
                    if task["page"] is not None:
                        found[task["page"]].append(home)
    return found
