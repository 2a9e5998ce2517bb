"""The notices' declaration as a kind of personal data: which notices are due, their
database step (``redact.py``), what their removal touched and what it cleans up after."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext

from wagtail.models import Page

from cms.core.permissions import LEGAL_OFFICERS
from cms.core.personal_data import Held, PersonalData, Redacted
from cms.notices import redaction
from cms.notices.models import NoticePage
from cms.removal.scans import tree
from records import NOTICE, kinds_with

from . import history, shipped
from .redact import all_values, personal_files, redact_notice, revisions_of, values_of

NAME = "notice"


class Notices(PersonalData):
    """A notice page's personal data, gone when its display period ends."""

    name = NAME
    publishes = True

    def describe(self, item: int) -> str:
        return gettext("notice %(id)s") % {"id": item}

    def titles(self, items: Iterable[int]) -> dict[int, str]:
        # (A notice's title is kept after its period: the form refuses personal data in it.)
        return dict(NoticePage.objects.filter(pk__in=list(items)).values_list("pk", "title"))

    def admin_url(self, item: int) -> str:
        return f"/admin/pages/{int(item)}/edit/"

    def alert_groups(self) -> list[str]:
        return [LEGAL_OFFICERS]

    def due(self, now: datetime, *, removed: Iterable[int]) -> set[int]:
        ended = set(NoticePage.objects.filter(ends_at__lte=now).values_list("pk", flat=True))
        restored = NoticePage.objects.filter(pk__in=list(removed)).values_list("pk", flat=True)
        return ended | set(restored)

    def upcoming(self, now: datetime) -> list[tuple[int, datetime]]:
        pages = NoticePage.objects.filter(personal_data_removed_at__isnull=True, ends_at__gt=now)
        return list(pages.order_by("ends_at").values_list("pk", "ends_at"))

    def in_use(self, now: datetime) -> list[str]:
        # Notices not ended (on view, or still to come) and not yet removed.
        running = NoticePage.objects.filter(personal_data_removed_at__isnull=True).exclude(
            ends_at__lte=now
        )
        return [value for page in running for value in values_of(page)]

    def held(self) -> dict[int, Held]:
        from django.conf import settings

        root = Path(settings.MEDIA_ROOT)
        found = {}
        for page in NoticePage.objects.filter(personal_data_removed_at__isnull=True):
            revisions = list(revisions_of(page.pk))
            # (A document its translation shows too is sealed in each one's vault.)
            documents = personal_files(page, revisions, shared=True)
            values = all_values(page, revisions)
            texts = [t for d in documents for t in (d.title, d.file.name) if t]
            names = redaction.naming(texts, values)  # (those that name the person)
            files = [root / d.file.name for d in documents if d.file]
            found[page.pk] = Held([*values, *names], files, page.ends_at)
        return found

    def redact(self, item: int, *, now: datetime, deleting: bool, earlier: dict | None) -> Redacted:
        return redact_notice(item, now=now, deleting=deleting, earlier=earlier)

    def settle(self, item: int, *, values: list[str], needles: Any) -> dict[str, Any]:
        # Other pages' history that named the person: rewritten once nothing live does.
        others = history.pages_naming(values, needles, item)
        return {"other_pages": others} if others else {}

    def before_publish(self, needles: Any) -> None:
        # Old addresses naming the person are published too (nginx's maps, redirect
        # pages): they go before the publish, or it would copy them again.
        history.forget_named_addresses(needles)

    def tables(self, item: int) -> dict[str, str]:
        page_type = ContentType.objects.get_for_model(Page).pk
        page_id = int(item)
        return {
            "wagtailcore_revision": f"object_id = '{page_id}' AND base_content_type_id = "
            f"{int(page_type)}",
            "wagtailcore_pagelogentry": f"page_id = {page_id}",
            "wagtailcore_page": f"id = {page_id}",
            "notices_noticepage": f"page_ptr_id = {page_id}",
            "citysearch_searchdocument": f"page_id = {page_id}",
            "wagtailadmin_formstate": f"object_id = '{page_id}'",
        }

    def files(self, item: int) -> list[Path]:
        # A redacted version or a kept attachment that still names the person (an
        # officer's slip the form missed, or a file replaced later) is found here too.
        return notice_files() + kept_documents(item)

    def left(self, item: int, counts: dict[str, Any]) -> set[str]:
        # Any page of any site still shipping one of its removed attachments.
        return shipped.shipped(counts.get("documents", []))

    def after_proof(self, item: int, counts: dict[str, Any], needles: Any) -> dict[str, Any]:
        return {"other_history_rows": history.scrub(counts.get("other_pages", []), needles)}


def kept_documents(item: int) -> list[Path]:
    """The files of the documents a notice keeps public after its removal."""
    from django.conf import settings

    from cms.notices.models import NoticeAttachment

    documents = NoticeAttachment.objects.filter(page_id=item).select_related("document")
    root = Path(settings.MEDIA_ROOT)
    return [root / a.document.file.name for a in documents if a.document.file]


def notice_files() -> list[Path]:
    """The live files a notice reaches: its section (pages, listings, feeds, Pagefind
    bundle) and its site's own files (sitemap, feeds, API), from the last build's state."""
    from publisher.public import current_release, load_state
    from search import bundles

    state = load_state()
    if state is None:
        return []
    notice_kinds = kinds_with(role=NOTICE) | kinds_with(lists=NOTICE)
    paths: list[Path] = []
    for site, records in state.export.records.items():
        live = current_release(site)
        notice_sections = {r["path"][:12] for r in records if r["kind"] in notice_kinds}
        if live is None or not notice_sections:
            continue
        sections = [r for r in records if r["path"] in notice_sections]
        assigned = bundles.assign(records, state.export.sites[site].languages)
        folders = {r["url"].strip("/") for r in sections}
        folders |= {f"pagefind/{assigned[r['id']]}" for r in sections if assigned.get(r["id"])}
        for folder in folders:
            paths += tree(live / folder)
        paths += [p for p in live.iterdir() if p.is_file()]
        paths += tree(live / "api")
        paths += [
            p for lang in state.export.sites[site].languages for p in (live / lang).glob("*.xml")
        ]
    return paths
