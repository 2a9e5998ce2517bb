"""Re-export: the records of the pages a change touched, read again, and every other record
kept as the last build made it (the very same objects, so that unchanged sites keep their
indexes and a worker's memo knows them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex

from ..context import memory
from ..export import addresses
from ..export.exporter import Export, Exporter
from ..export.locations import Locator
from ..export.site_links import link_sites
from ..export.siteindex import ById, SiteIndex, index_of, remember
from ..plan.changes import ChangeSet
from ..plan.state import BuildState

RELOCATE_AT_MOST = 500


@dataclass
class Location:
    """Where every page was found by the last build of a build context, and the state that
    build left: the next build re-reads only the changed pages' rows (``Exporter.relocate``).
    A large batch, a site change or another process's state means reading them all."""

    state: BuildState | None = None
    exporter: Locator | None = None

    def keep(self, state: BuildState | None, exporter: Locator | None) -> None:
        self.state, self.exporter = state, exporter if state is not None else None

    def exporter_for(self, state: BuildState) -> Locator | None:
        return self.exporter if self.state is state else None


def reexport(
    state: BuildState, changes: ChangeSet
) -> tuple[Export, Exporter, set[int], set[int], ById]:
    """A new export that reuses every unchanged record (and, for a site with none changed,
    its very list of records). Returns it with the ids that changed, the ids that are gone
    and the old records by id."""
    exporter = _located(state, changes)
    old = state.export
    old_by_id = ById(old)
    changed, removed = _changed_and_removed(exporter, old, old_by_id, changes)
    fresh: dict[str, list[dict]] = defaultdict(list)
    by_type: dict[type[Page], list[int]] = defaultdict(list)
    for pid in changed:
        by_type[exporter.pages[pid].model].append(pid)
    renderers = {key: exporter.renderer_for(key) for key in exporter.sites}
    for model, ids in by_type.items():
        for page in model.objects.filter(pk__in=ids):
            record = exporter.record_for(page, renderers=renderers)
            fresh[record["site"]].append(record)
    records = _merged(exporter, old, old_by_id, fresh, removed | changed)
    link_sites(exporter, exporter.sites)
    # Pages that left their sites: their addresses answer "410 Gone" from now on.
    addresses.remember_removed(old_by_id[pid] for pid in removed)
    export = Export(sites=exporter.sites, records=records, addresses=addresses.collect(exporter))
    return export, exporter, changed, removed, old_by_id


def with_linking_pages(changes: ChangeSet, state: BuildState) -> ChangeSet:
    """``changes`` with the live pages whose text links to a page of it that left (was
    unpublished or deleted) or came back (absent from the last build, live now): read
    again, they drop that link or have it again, as a full build would."""
    live = set(Page.objects.filter(pk__in=changes.page_ids, live=True).values_list("pk", flat=True))
    built = ById(state.export)
    moved = (changes.page_ids - live) | {pid for pid in live if pid not in built}
    if not moved:
        return changes
    found = live_pages_linking_to(moved)
    return ChangeSet(page_ids=changes.page_ids | found, full_sites=changes.full_sites)


def live_pages_linking_to(page_ids: Iterable[int]) -> set[int]:
    """The live pages whose text links to any of ``page_ids``, as Wagtail's reference index
    knows them (a deleted page's inbound rows go with it: ``signals`` asks before)."""
    page_type = ContentType.objects.get_for_model(Page)
    linking = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        to_content_type=page_type,
        to_object_id__in=[str(pid) for pid in page_ids],
    ).values_list("object_id", flat=True)
    ids = {int(pid) for pid in linking if pid.isdigit()}
    return set(Page.objects.filter(pk__in=ids, live=True).values_list("pk", flat=True))


def _located(state: BuildState, changes: ChangeSet) -> Exporter:
    """An exporter that knows where every page is: from the last build's, for a few
    changes; read anew for many, or for a site rebuilt whole."""
    exporter = Exporter()
    exporter.make_renditions = False  # an image's renditions never hold a publish
    if not changes.full_sites and len(changes.page_ids) <= RELOCATE_AT_MOST:
        previous = memory(Location).exporter_for(state)
        if previous is None and state.locations is not None:
            # A new process (a restarted worker): what the state's build found.
            previous = Exporter.restored(state.locations)
    else:
        previous = None
    if previous is not None:
        exporter.relocate(previous, changes.page_ids)
    else:
        exporter.locate_pages()
    return exporter


def _changed_and_removed(
    exporter: Exporter, old: Export, old_by_id: ById, changes: ChangeSet
) -> tuple[set[int], set[int]]:
    """The pages to export again (changed, new, moved, renamed) and the pages gone."""
    changed = {pid for pid in changes.page_ids if pid in exporter.located}
    moved_sites = {
        key
        for key, info in exporter.sites.items()
        if key in old.sites and old.sites[key].base_url != info.base_url
    }
    if moved_sites:
        # A site's host or port changed: full addresses (its own and other sites' links
        # to it) are in every record, so every page is exported again. Rare, and slow.
        changed |= set(exporter.located)
    # Only the pages read again can have moved; after reading them all, any can have.
    maybe_moved = exporter.located if exporter.reread is None else exporter.reread
    for pid in maybe_moved:
        located = exporter.located.get(pid)
        if located is None:
            continue
        before = old_by_id.get(pid)
        if before is None or before["url"] != located.path or before["site"] != located.site:
            changed.add(pid)  # new, moved, or renamed (and so its descendants too)
    maybe_gone = old_by_id if exporter.reread is None else exporter.reread | changes.page_ids
    removed = {pid for pid in maybe_gone if pid not in exporter.located and pid in old_by_id}
    return changed, removed


def _merged(
    exporter: Exporter,
    old: Export,
    old_by_id: ById,
    fresh: dict[str, list[dict]],
    replaced: set[int],
) -> dict[str, list[dict]]:
    """Each site's records: the old ones less ``replaced``, with the ``fresh`` ones; the
    language links of every translation group that changed made again."""
    gone: dict[str, set[int]] = defaultdict(set)
    for pid in replaced:
        before = old_by_id.get(pid)
        if before is not None:
            gone[before["site"]].add(pid)
    records: dict[str, list[dict]] = {}
    for key in exporter.sites:
        if key in old.records and key not in gone and key not in fresh:
            records[key] = old.records[key]  # untouched: the same list, and its index
            continue
        before_index = old_by_id.indexes.get(key) or SiteIndex.build([])
        records[key] = remember(before_index.updated(gone[key], fresh[key])).records
    keys = {old_by_id[pid]["key"] for pid in replaced if pid in old_by_id}
    keys |= {record["key"] for site_fresh in fresh.values() for record in site_fresh}
    for site_records in records.values():
        index = index_of(site_records)
        for key in keys:
            group = index.by_key.get(key, ())
            translations = {record["lang"]: record["url"] for record in group}
            for record in group:
                record["translations"] = dict(translations)
    return records
