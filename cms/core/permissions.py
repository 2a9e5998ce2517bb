"""Groups and what each may do, declared in one place and applied idempotently.

Groups managed here are owned by code: ``groups_sync`` sets their permissions exactly,
so a permission granted by hand to a managed group is removed on the next sync.

| group                  | pages                                       | media collections     |
|------------------------|---------------------------------------------|-----------------------|
| Site editors: <site>   | add, edit, publish, lock in own site only    | own site's collection |
| Communications         | add, edit, publish, lock, unlock every site  | every site collection |
| Moderators             | edit, publish, lock, unlock every site       | choose from every site|
| Legal officers         | add, edit, publish, lock, unlock notices    | notices collection    |
|                        | sections only; nobody else may touch them   |                       |
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

COMMUNICATIONS = "Communications"
MODERATORS = "Moderators"
LEGAL_OFFICERS = "Legal officers"
NOTICES_COLLECTION = "Kuulutukset"
# Wagtail's first migration creates an "Editors" group with rights on every page;
# per-site editor groups replace it.
STOCK_EDITORS = "Editors"

ADMIN_ACCESS = ["wagtailadmin.access_admin"]
# The admin's "Translate" action (wagtail.contrib.simple_translation).
TRANSLATE = ["simple_translation.submit_translation"]
PAGE_EDITOR = ["add_page", "change_page", "publish_page", "lock_page"]
PAGE_COMMUNICATIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
PAGE_MODERATOR = ["change_page", "publish_page", "lock_page", "unlock_page"]
MEDIA_FULL = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
MEDIA_CHOOSE = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]
COMMUNICATIONS_MODEL_PERMS = [
    *ADMIN_ACCESS,
    *TRANSLATE,
    "events.add_eventcategory",
    "events.change_eventcategory",
    "events.delete_eventcategory",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
]


@dataclass(frozen=True)
class SiteAccess:
    """What a site contributes to the permission model: its home pages and collection."""

    key: str
    group_name: str
    home_pages: tuple[Page, ...]
    collection: Collection


def editors_group_name(site_name: str) -> str:
    return f"Site editors: {site_name}"


def _permissions(names: Iterable[str]) -> list[Permission]:
    query = Q()
    wanted = list(names)
    for name in wanted:
        app_label, codename = name.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query)) if wanted else []
    if len(found) != len(set(wanted)):
        missing = set(wanted) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
        raise LookupError(f"unknown permissions: {sorted(missing)}")
    return found


def _page_permissions(codenames: Iterable[str]) -> list[Permission]:
    return _permissions(f"wagtailcore.{codename}" for codename in codenames)


def group_set_permissions(
    *,
    group: Group,
    model_perms: Iterable[str],
    pages: Iterable[Page],
    page_perms: Iterable[str],
    collections: Iterable[Collection],
    collection_perms: Iterable[str],
) -> None:
    """Make ``group``'s permissions exactly the ones given."""
    group.permissions.set(_permissions(model_perms))

    wanted_pages = {(page.pk, perm.pk) for page in pages for perm in _page_permissions(page_perms)}
    existing = GroupPagePermission.objects.filter(group=group)
    existing_pairs = {(row.page_id, row.permission_id): row.pk for row in existing}
    stale = [pk for pair, pk in existing_pairs.items() if pair not in wanted_pages]
    GroupPagePermission.objects.filter(pk__in=stale).delete()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=perm_id)
        for page_id, perm_id in wanted_pages - set(existing_pairs)
    )

    perms = _permissions(collection_perms)
    wanted_cols = {(col.pk, perm.pk) for col in collections for perm in perms}
    existing_cols = {
        (row.collection_id, row.permission_id): row.pk
        for row in GroupCollectionPermission.objects.filter(group=group)
    }
    stale = [pk for pair, pk in existing_cols.items() if pair not in wanted_cols]
    GroupCollectionPermission.objects.filter(pk__in=stale).delete()
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(group=group, collection_id=col_id, permission_id=perm_id)
        for col_id, perm_id in wanted_cols - set(existing_cols)
    )


def notices_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=NOTICES_COLLECTION).first()
    return existing or root.add_child(name=NOTICES_COLLECTION)


def groups_sync(*, sites: list[SiteAccess]) -> dict[str, Group]:
    """Create or update every managed group. Returns them by name."""
    groups: dict[str, Group] = {}
    all_homes = [page for site in sites for page in site.home_pages]
    all_collections = [site.collection for site in sites]

    for site in sites:
        group, _created = Group.objects.get_or_create(name=site.group_name)
        group_set_permissions(
            group=group,
            model_perms=[*ADMIN_ACCESS, *TRANSLATE],
            pages=site.home_pages,
            page_perms=PAGE_EDITOR,
            collections=[site.collection],
            collection_perms=MEDIA_FULL,
        )
        groups[group.name] = group

    communications, _created = Group.objects.get_or_create(name=COMMUNICATIONS)
    group_set_permissions(
        group=communications,
        model_perms=COMMUNICATIONS_MODEL_PERMS,
        pages=all_homes,
        page_perms=PAGE_COMMUNICATIONS,
        collections=all_collections,
        collection_perms=MEDIA_FULL,
    )
    groups[COMMUNICATIONS] = communications

    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    group_set_permissions(
        group=moderators,
        model_perms=ADMIN_ACCESS,
        pages=all_homes,
        page_perms=PAGE_MODERATOR,
        collections=all_collections,
        collection_perms=MEDIA_CHOOSE,
    )
    groups[MODERATORS] = moderators

    stock = Group.objects.filter(name=STOCK_EDITORS).first()
    if stock is not None:
        # Never delete a group people are in: strip its rights instead.
        group_set_permissions(
            group=stock,
            model_perms=[],
            pages=[],
            page_perms=[],
            collections=[],
            collection_perms=[],
        )
        if not stock.user_set.exists():
            stock.delete()
    return groups
