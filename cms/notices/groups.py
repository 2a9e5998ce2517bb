"""The legal officers' group: its rights on every notices section and the notices
collection, set whenever the sites are synced and whenever a notices section is made."""

from __future__ import annotations

from django.contrib.auth.models import Group

from cms.core.permissions import (
    ADMIN_ACCESS,
    LEGAL_OFFICERS,
    MEDIA_FULL,
    PAGE_COMMUNICATIONS,
    TRANSLATE,
    group_set_permissions,
    notices_collection,
)

from .models import NoticeIndexPage


def legal_officers_sync() -> Group:
    """The legal officers' rights: every notices section (in every language), and the
    notices collection. Run again whenever a notices section is created."""
    legal, _created = Group.objects.get_or_create(name=LEGAL_OFFICERS)
    group_set_permissions(
        group=legal,
        model_perms=[*ADMIN_ACCESS, *TRANSLATE],
        pages=list(NoticeIndexPage.objects.all()),
        page_perms=PAGE_COMMUNICATIONS,
        collections=[notices_collection()],
        collection_perms=MEDIA_FULL,
    )
    return legal


def on_sites_synced(*, groups: dict[str, Group]) -> None:
    """After the sites' sync (``SITES_SYNCED_HOOK``, registered in ``wagtail_hooks.py``)."""
    groups[LEGAL_OFFICERS] = legal_officers_sync()
