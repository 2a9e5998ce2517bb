"""The removed attachments the sites still serve: found from the publisher's own record of
the files each page ships, whether or not Wagtail's reference index has caught up."""

from __future__ import annotations

from collections.abc import Iterable


def shipped_with(document_ids: Iterable[int]) -> set[int]:
    """Pages whose last build put one of the documents on a site."""
    from publisher.public import load_state

    state = load_state()
    prefixes = tuple(f"/documents/{pk}/" for pk in document_ids)
    if state is None or not prefixes:
        return set()
    return {
        record["id"]
        for records in state.export.records.values()
        for record in records
        if any(path.startswith(prefixes) for path in record.get("documents", ()))
    }


def shipped(document_ids: Iterable[int]) -> set[str]:
    """The removed attachments some site still serves, and the pages that ship them."""
    from cms.core.models import SiteProfile
    from publisher.public import current_release

    document_ids = list(document_ids)
    left = {
        f"static output (page {pk} links a removed attachment)" for pk in shipped_with(document_ids)
    }
    for key in SiteProfile.objects.values_list("key", flat=True):
        live = current_release(key)
        if live is None:
            continue
        for pk in document_ids:
            if (live / "documents" / str(pk)).exists():
                left.add(f"static output ({key}: /documents/{pk}/)")
    return left
