"""The reconciler: brings every store to "no personal data of any ended notice".

It runs at each notice's deadline (a task scheduled for that moment), from the scheduler's
periodic round, and as ``manage.py expire_notices``. For each ended notice page it

1. redacts the database in one transaction: the page, every revision, log entries,
   workflow comments; deletes review comments, preview form states and personal documents;
   writes the journal (``NoticeRemoval``) with the files to delete and the needles; queues
   the publish. With the "remove" policy the page is then deleted;
2. deletes the personal files under MEDIA_ROOT;
3. publishes (page, listings, feeds, sitemap, Pagefind bundle, server index);
4. removes every older release, every search memo entry no live bundle is made of, and
   the file cache entries holding the notice's data; on SQLite, merges the full-text
   indexes and truncates the write-ahead log (what no query shows, but the file holds);
5. verifies the notice's rows and its section's static files, rewrites the history
   (revisions, log entries) of other pages that named the person (``history.py``), and
   appends a receipt with the time each step took.

Every step is idempotent and checks the state it leaves, so a run killed anywhere is
finished by the next one. After a database restore the journal is gone with the rest of
the database, and the notice, ended again, goes through every step again.
"""

from __future__ import annotations

import io
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from modelsearch import index as search_index

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Comment, Page, PageLogEntry, Revision, TaskState

from cms.notices import incidents, kept, receipts, redaction, richtext
from cms.notices.due import due
from cms.notices.models import REMOVE, NoticeAttachment, NoticePage, NoticeRemoval

from . import history, leftovers, stores, unlink

logger = logging.getLogger(__name__)
# Fields that keep their text, with any removed value in them replaced: a title that names
# the person keeps the matter and loses the name (kept.py refuses to publish one now).
# (The slug is made anew instead: ``_neutral_slug``.)
SCRUBBED_FIELDS = (
    "draft_title",
    *(name for name in kept.kept_fields(NoticePage) if name != "slug"),
)


class ReconcileError(RuntimeError):
    """A step could not finish (a failed build, data found after redaction): retried later."""


@dataclass
class Outcome:
    page_id: int
    receipt: dict = field(default_factory=dict)


def _revisions(page_id: int):
    return Revision.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page_id)
    )


def _values(page: NoticePage) -> list[str]:
    return redaction.personal_values(
        {name: getattr(page, name) for name in (*redaction.PERSONAL_FIELDS, "body")}
    )


def _needles_of(journals: Iterable[NoticeRemoval]):
    from .scans import Needles

    journals = list(journals)
    owners = {digest: j.page_id for j in journals for digest in j.file_digests}
    return Needles({j.page_id: j.needles for j in journals}, owners=owners)


def _needles(journal: NoticeRemoval):
    return _needles_of([journal])


def _scrub_logs(page_id: int, removed: list[str], marker: str) -> int:
    count = 0
    for entry in PageLogEntry.objects.filter(page_id=page_id):
        data = redaction.scrub(entry.data or {}, removed, marker)
        for key in ("comment", "reply"):
            if isinstance(data.get(key), dict) and data[key].get("text"):
                data[key] = {**data[key], "text": marker}  # review discussion goes whole
        # The label is the page's title when the entry was written.
        label = redaction.scrub(entry.label, removed, marker)
        if data != entry.data or label != entry.label:
            entry.data, entry.label = data, label
            entry.save(update_fields=["data", "label"])
            count += 1
    return count


def _personal_documents(page: NoticePage, revisions: list[Revision]) -> set[int]:
    """Documents flagged personal in the page or in any of its revisions."""
    ids = {a.document_id for a in page.attachments.all() if a.personal}
    for revision in revisions:
        for attachment in revision.content.get("attachments") or []:
            if attachment.get("personal") and attachment.get("document"):
                ids.add(int(attachment["document"]))
    # Never a document another, still running notice shows.
    shared = NoticeAttachment.objects.filter(document_id__in=ids).exclude(page_id=page.pk)
    shared = shared.filter(page__personal_data_removed_at__isnull=True)
    return ids - set(shared.values_list("document_id", flat=True))


def _neutral_slug(page: NoticePage, removed: list[str]) -> str | None:
    """A slug for a notice whose slug names a person (None if it does not): made from
    its scrubbed title, and the page's id so that it is unique among its siblings."""
    if not kept.leaks(removed, {"slug": ("", page.slug)}):
        return None
    base = slugify(page.title.replace(richtext.marker(), " "))[:200]
    if not base or kept.leaks(removed, {"slug": ("", base)}):
        base = "notice"
    return f"{base}-{page.pk}"


def _rename(page: NoticePage, slug: str) -> None:
    """Give the page its new slug without Wagtail's rename signal, which would record a
    redirect from the old address (naming the person); old redirects to it go too."""
    old_path = page.url_path
    new_path = f"{old_path.rstrip('/').rsplit('/', 1)[0]}/{slug}/"
    Page.objects.filter(pk=page.pk).update(slug=slug, url_path=new_path)
    old_slug = old_path.rstrip("/").rsplit("/", 1)[1]
    named = Q(old_path__endswith=f"/{old_slug}") | Q(old_path__contains=f"/{old_slug}/")
    Redirect.objects.filter(named).delete()
    Redirect.objects.filter(redirect_page_id=page.pk).delete()
    page.slug, page.url_path = slug, new_path


def redact_database(page_id: int, now: datetime, *, deleting: bool = False) -> NoticeRemoval:
    """Step 1, in one transaction. Returns the journal. ``deleting``: the notice is being
    deleted before its period ended (``schedule.on_notice_deleted``): its data goes now,
    as with the "remove" policy, and the deletion itself removes the page."""
    from publisher.queue import request_publish

    with transaction.atomic():
        journal = NoticeRemoval.objects.select_for_update().filter(page_id=page_id).first()
        if journal is not None and journal.redacted_at is not None:
            return journal
        page = NoticePage.objects.select_for_update().get(pk=page_id)
        revisions = list(_revisions(page_id))
        values = _values(page)
        for revision in revisions:
            values += redaction.personal_values(revision.content)
        values += redaction.variants(values)
        removed = sorted(set(values), key=lambda v: (-len(v), v))
        documents = list(
            get_document_model().objects.filter(pk__in=_personal_documents(page, revisions))
        )
        with translation.override(page.locale.language_code):
            marker = richtext.marker()
            for revision in revisions:
                revision.content = redaction.redact_content(revision.content, removed, marker)
                # (object_str: the title the revision had, shown in the admin's history)
                revision.object_str = redaction.scrub(revision.object_str, removed, marker)
                revision.save(update_fields=["content", "object_str"])
            for name in redaction.PERSONAL_FIELDS:
                setattr(page, name, "")
            # The marked spans, then any copy of a removed value left outside them.
            page.body = redaction.scrub(richtext.redacted(page.body), removed, marker)
            for name in SCRUBBED_FIELDS:
                setattr(page, name, redaction.scrub(getattr(page, name), removed, marker))
            slug = _neutral_slug(page, removed)
            for revision in revisions:
                if slug is not None and isinstance(revision.content.get("slug"), str):
                    revision.content = {**revision.content, "slug": slug}
                    revision.save(update_fields=["content"])
            for attachment in page.attachments.all():
                kept = redaction.attachment_after(
                    {
                        "personal": attachment.personal,
                        "document": attachment.document_id,
                        "redacted_document": attachment.redacted_document_id,
                    }
                )
                if kept is None:
                    attachment.delete()
                elif kept["document"] != attachment.document_id:
                    attachment.document_id = kept["document"]
                    attachment.personal, attachment.redacted_document_id = False, None
                    attachment.save()
            logs = _scrub_logs(page_id, removed, marker)
            comments = Comment.objects.filter(page_id=page_id)
            comment_count = comments.count()
            comments.delete()
            previews = leftovers.drop_previews(page_id, removed)
            tasks = TaskState.objects.filter(workflow_state__object_id=str(page_id), comment__gt="")
            for state in tasks:
                state.comment = redaction.scrub(state.comment, removed, marker)
                state.save(update_fields=["comment"])

        hasher = receipts.Hasher()
        # A value that a notice still on view shows too (the same contact person on many
        # notices) is looked for once that notice has ended, not before.
        # Compared as the needles read them (words, case and diacritics folded), so that
        # no written form of a shared value ("liisa-lakimies") is looked for either.
        running = {
            tuple(receipts.words(value))
            for other in NoticePage.objects.filter(ends_at__gt=now).exclude(pk=page_id)
            for value in _values(other)
        }
        ended = [v for v in removed if tuple(receipts.words(v)) not in running]
        found = receipts.needles(ended, hasher)
        # Document titles and file names can be personal too ("Naapurikuuleminen, Nimi").
        pending = sorted({d.file.name for d in documents})
        found += receipts.needles([*(d.title for d in documents), *pending], hasher)
        media_root = Path(settings.MEDIA_ROOT)
        digests = sorted(
            receipts.file_digest(media_root / name)
            for name in pending
            if (media_root / name).is_file()
        )
        document_ids = [d.pk for d in documents]
        # A page elsewhere that links one (made before links were checked) loses the link.
        with translation.override(page.locale.language_code):
            relinked = unlink.from_other_pages(set(document_ids), page_id, removed, marker)
        if relinked:
            request_publish(reason="notice ended", page_ids=relinked)
        for document in documents:
            document.delete()
        journal = journal or NoticeRemoval(page_id=page_id, started_at=now)
        journal.translation_key = str(page.translation_key)
        # A notice deleted early, brought back by a database restore, is deleted again.
        policy = REMOVE if receipts.policies().get(page_id) == REMOVE else page.policy
        journal.policy = REMOVE if deleting else policy
        journal.ends_at = min(page.ends_at, now) if deleting and page.ends_at else page.ends_at
        journal.redacted_at = now
        journal.needles = found
        journal.pending_files = pending
        journal.file_digests = digests
        journal.counts = {
            "revisions": len(revisions),
            "log_entries": logs,
            "comments": comment_count,
            "previews": previews,
            "documents": document_ids,
        }
        journal.save()

        page.personal_data_removed_at = now
        # Only what was redacted: the stored deadline stays as it was when the period ended.
        page.save(
            clean=False,
            update_fields=[
                *redaction.PERSONAL_FIELDS,
                "body",
                *SCRUBBED_FIELDS,
                "personal_data_removed_at",
            ],
        )
        if slug is not None:
            _rename(page, slug)
        if deleting:
            request_publish(reason="notice ended", page_ids=[page_id])
        elif policy == REMOVE:
            page.delete()  # its signals unindex it and queue the publish that takes it away
        else:
            # The admin's search index now, in this transaction: saving only queued it.
            search_index.insert_or_update_object(page)
            request_publish(reason="notice ended", page_ids=[page_id])
    # Outside the transaction: reading every page's history must not hold the write lock.
    # (A run killed here leaves that history as it was, and verify_privacy names it.)
    others = history.pages_naming(ended, _needles(journal), page_id)
    if others:
        journal.counts = {**journal.counts, "other_pages": others}
        journal.save(update_fields=["counts"])
    return journal


def delete_files(journal: NoticeRemoval) -> None:
    """Step 2: the personal files (the rows went in step 1). A file's name can be personal
    too ("kuuleminen-matti-meikalainen.pdf"): the task queued to delete the file keeps it,
    so it is scrubbed there, and the journal forgets the names once the files are gone."""
    if not journal.pending_files:
        return
    media_root = Path(settings.MEDIA_ROOT)
    for name in journal.pending_files:
        (media_root / name).unlink(missing_ok=True)
    leftovers.scrub_task_results(journal.pending_files, journal.redacted_at)
    journal.pending_files = []
    journal.save(update_fields=["pending_files"])


def publish() -> None:
    """Step 3: build what is queued (the page, listings, feeds, sitemap, search)."""
    from publisher.models import PublishRequest
    from publisher.queue import process_pending

    # This run's requests: another removal (a notice deleted meanwhile) may queue its own
    # after this build has read the queue, and is not this run's to wait for.
    ours = PublishRequest.objects.filter(reason="notice ended")
    last = ours.order_by("-id").values_list("id", flat=True).first()
    for _build in range(3):  # a build another process started may have read the queue first
        result = process_pending()
        if result is not None and (not result.ok or result.index_error):
            raise ReconcileError("the publish failed; the next run tries again")
        if last is None or not ours.filter(id__lte=last).exists():
            return
    raise ReconcileError("the notice's publish is still queued")


def purge(needles) -> None:
    """Step 4: purge every store (``stores.py``): every copy older than the live release,
    every search memo entry no live bundle is made of, the file cache entries that hold
    the notice's data; on SQLite, the full-text indexes' old segments and the log."""
    stores.purge(needles)


def finish(
    journal: NoticeRemoval, needles, now: datetime, seconds: dict[str, float] | None = None
) -> dict:
    """Step 5: verify what this notice touched, write the receipt, close the journal."""
    from .privacy import verify_notice

    began = time.perf_counter()
    problems = verify_notice(journal.page_id, needles, journal.counts.get("documents", []))
    seconds = {**(seconds or {}), "verify": time.perf_counter() - began}
    if problems:
        raise ReconcileError(
            f"notice {journal.page_id}: personal data still in {', '.join(sorted(problems))}"
        )
    # Nothing live names the person: other pages' history that did is rewritten now.
    rewritten = history.scrub(journal.counts.get("other_pages", []), needles)
    receipt = {
        "notice": journal.page_id,
        "translation_key": journal.translation_key,
        "policy": journal.policy,
        "deadline": journal.ends_at.isoformat(),
        "started": journal.started_at.isoformat(),
        "redacted": journal.redacted_at.isoformat(),
        "finished": now.isoformat(),
        "counts": {**journal.counts, "other_history_rows": rewritten},
        "file_sha256": journal.file_digests,
        "needles": journal.needles,
        # How long each step of this run took (a run that finished an earlier one's work
        # has only its own steps).
        "seconds": {step: round(value, 3) for step, value in seconds.items()},
    }
    earlier = [r for r in receipts.read() if r.get("notice") == journal.page_id]
    if not any(r.get("redacted") == receipt["redacted"] for r in earlier):
        # (One with this journal's times was written by a run killed before it could
        # close the journal: not written twice.)
        if earlier:
            receipt["replayed"] = True  # removed before: a database restore brought it back
        receipts.append(receipt)
    journal.finished_at = now
    journal.save(update_fields=["finished_at"])
    return receipt


def reconcile(page_id: int, now: datetime | None = None) -> Outcome:
    """Every step for one notice; raises what stopped it."""
    outcomes, failures = reconcile_together([page_id], now or timezone.now())
    if failures:
        raise failures[page_id]
    return outcomes[0]


def reconcile_together(
    page_ids: list[int], now: datetime
) -> tuple[list[Outcome], dict[int, Exception]]:
    """Every step for notices ended together, each step for all of them before the next.
    Notices by one officer share values (the contact's name and number): verified one by
    one, the first would find its values in the pages of the others, not yet redacted.
    One publish and one purge serve them all. A notice that fails is returned with what
    stopped it, and the others go on."""
    failures: dict[int, Exception] = {}
    journals: dict[int, NoticeRemoval] = {}
    seconds: dict[int, dict[str, float]] = {}
    for page_id in page_ids:
        times = seconds[page_id] = {}
        began = time.perf_counter()
        try:
            journal = NoticeRemoval.objects.filter(page_id=page_id).first()
            if journal is None or journal.redacted_at is None:
                journal = redact_database(page_id, now)
                times["database"] = time.perf_counter() - began
            began = time.perf_counter()
            delete_files(journal)
            times["files"] = time.perf_counter() - began
        except Exception as exc:  # the next notice must still be removed
            failures[page_id] = exc
            continue
        journals[page_id] = journal
    if journals:
        try:
            shared = time.perf_counter()
            # Old addresses naming the person are published too (nginx's maps, redirect
            # pages): they go before the publish, or it would copy them again.
            history.forget_named_addresses(_needles_of(journals.values()))
            publish()
            published = time.perf_counter()
            purge(_needles_of(journals.values()))
            for page_id in journals:
                seconds[page_id].update(
                    publish=published - shared, purge=time.perf_counter() - published
                )
        except Exception as exc:
            failures.update(dict.fromkeys(journals, exc))
            journals = {}
    outcomes = []
    for page_id, journal in journals.items():
        try:
            receipt = finish(journal, _needles(journal), timezone.now(), seconds[page_id])
        except Exception as exc:
            failures[page_id] = exc
        else:
            outcomes.append(Outcome(page_id, receipt))
    return outcomes, failures


def reconcile_due(now: datetime | None = None) -> list[Outcome]:
    """Publish what is scheduled to go live, then reconcile every ended notice. A notice
    that fails is an incident (``incidents.py``: recorded, alerted, shown) and is tried
    again next run; the others go on."""
    call_command("publish_scheduled", stdout=io.StringIO())
    now = now or timezone.now()
    outcomes, failures = reconcile_together(due(now), now)
    for page_id, exc in failures.items():
        # A step's own finding says it all; what no step expected gets its traceback.
        expected = isinstance(exc, ReconcileError)
        logger.error(
            "Notice %s: removal not finished, retried next run: %s",
            page_id,
            exc,
            exc_info=None if expected else exc,
        )
        incidents.record(page_id, str(exc) if expected else repr(exc), timezone.now())
    for outcome in outcomes:
        incidents.resolve(outcome.page_id, timezone.now())
    # Removals finished by an earlier release, which kept the deleted files' names.
    kept_names = NoticeRemoval.objects.filter(finished_at__isnull=False).exclude(pending_files=[])
    for journal in kept_names:
        delete_files(journal)
    return outcomes
