"""A notice's database step (``PersonalData.redact``), in the removal's transaction.

The page, every revision, log entries and workflow comments lose the personal values;
review comments, preview form states and personal documents go; what was removed goes back
to the removal, which journals it and queues the publish. With the "remove" policy the
page is then deleted.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import unquote_plus

from modelsearch import index as search_index

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Comment, Page, PageLogEntry, Revision, TaskState

from cms.core.personal_data import Redacted
from cms.notices import kept, redaction, richtext
from cms.notices.models import REMOVE, NoticeAttachment, NoticePage
from cms.removal import receipts

from . import unlink

# Fields that keep their text, any removed value in them replaced: a title naming the person
# keeps the matter, not the name (kept.py refuses one now). The slug: ``_neutral_slug``.
SCRUBBED_FIELDS = ("draft_title", *(n for n in kept.kept_fields(NoticePage) if n != "slug"))


def revisions_of(page_id: int):
    page_type = ContentType.objects.get_for_model(Page)
    return Revision.objects.filter(base_content_type=page_type, object_id=str(page_id))


def values_of(page: NoticePage) -> list[str]:
    return redaction.personal_values(
        {name: getattr(page, name) for name in (*redaction.PERSONAL_FIELDS, "body")}
    )


def all_values(page: NoticePage, revisions: list[Revision]) -> list[str]:
    """The notice's personal values in its page and every revision, with the forms they
    take elsewhere (``redaction.variants``), longest first."""
    values = values_of(page)
    for revision in revisions:
        values += redaction.personal_values(revision.content)
    values += redaction.variants(values)
    return sorted(set(values), key=lambda v: (-len(v), v))


def personal_files(page: NoticePage, revisions: list[Revision], *, shared: bool = False) -> list:
    """The documents that are the notice's personal data (``personal_documents``)."""
    return list(
        get_document_model().objects.filter(
            pk__in=personal_documents(page, revisions, shared=shared)
        )
    )


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


def personal_documents(
    page: NoticePage, revisions: list[Revision], *, shared: bool = False
) -> set[int]:
    """Documents flagged personal in the page or any of its revisions; ``shared``: with
    those another running notice (a translation) shows too."""
    ids = {a.document_id for a in page.attachments.all() if a.personal}
    for revision in revisions:
        for attachment in revision.content.get("attachments") or []:
            if attachment.get("personal") and attachment.get("document"):
                ids.add(int(attachment["document"]))
    if shared:
        return ids
    # Never a document another, still running notice shows.
    others = NoticeAttachment.objects.filter(document_id__in=ids).exclude(page_id=page.pk)
    others = others.filter(page__personal_data_removed_at__isnull=True)
    return ids - set(others.values_list("document_id", flat=True))


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


def redact_notice(page_id: int, *, now: datetime, deleting: bool, earlier: dict | None) -> Redacted:
    """The notice's step 1 (see the module). ``deleting``: the notice is being deleted
    before its period ended (``schedule.on_notice_deleted``): its data goes now, as with
    the "remove" policy, and the deletion itself removes the page."""
    page = NoticePage.objects.select_for_update().get(pk=page_id)
    revisions = list(revisions_of(page_id))
    removed = all_values(page, revisions)
    documents = personal_files(page, revisions)
    with translation.override(page.locale.language_code):
        marker = richtext.marker()
        slug = _redact_page_and_history(page, revisions, removed, marker)
        counts = _redact_around(page_id, removed, marker)
    ended, also = _to_look_for(page, removed, documents, now)
    # A notice deleted early, brought back by a database restore, is deleted again.
    policy = REMOVE if (earlier or {}).get("policy") == REMOVE else page.policy
    # (The files stay until the transaction commits: the removal reads their digests.)
    files = sorted({d.file.name for d in documents})
    relinked = _unlink_documents(page, documents, removed, marker)
    return Redacted(
        values=ended,
        also=also,
        files=files,
        policy=REMOVE if deleting else policy,
        reference=str(page.translation_key),
        # Deleted early (a draft may have no period yet): its lifetime ends now.
        ends_at=min(page.ends_at or now, now) if deleting else page.ends_at,
        counts={"revisions": len(revisions), **counts, "documents": [d.pk for d in documents]},
        publish=[*relinked, *_save(page, slug, now, policy=policy, deleting=deleting)],
    )


def _redact_page_and_history(
    page: NoticePage, revisions: list, removed: list[str], marker: str
) -> str | None:
    """The page's fields, its revisions and its attachments without ``removed``; the
    neutral slug it is to get (None: its slug names nobody)."""
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
    return slug


def _redact_around(page_id: int, removed: list[str], marker: str) -> dict[str, int]:
    """What the admin keeps about the page: its log, comments, previews and workflow
    comments; how many of each."""
    logs = _scrub_logs(page_id, removed, marker)
    comments = Comment.objects.filter(page_id=page_id)
    comment_count = comments.count()
    comments.delete()
    previews = drop_previews(page_id, removed)
    tasks = TaskState.objects.filter(workflow_state__object_id=str(page_id), comment__gt="")
    for state in tasks:
        state.comment = redaction.scrub(state.comment, removed, marker)
        state.save(update_fields=["comment"])
    return {"log_entries": logs, "comments": comment_count, "previews": previews}


def _to_look_for(
    page: NoticePage, removed: list[str], documents: list, now: datetime
) -> tuple[list[str], list[str]]:
    """The values to look for from now on (those no notice still on view shows), and the
    documents' titles and file names."""
    # A value a notice still on view shows too (the same contact person on many notices)
    # is looked for once that notice has ended. Compared as the needles read them (words,
    # folded): no written form of a shared value ("liisa-lakimies") is looked for either.
    running = {
        tuple(receipts.words(value))
        for other in NoticePage.objects.filter(ends_at__gt=now).exclude(pk=page.pk)
        for value in values_of(other)
    }
    ended = [v for v in removed if tuple(receipts.words(v)) not in running]
    texts = sorted({d.title for d in documents} | {d.file.name for d in documents})
    return ended, redaction.naming(texts, removed)  # (titles naming the person)


def _unlink_documents(
    page: NoticePage, documents: list, removed: list[str], marker: str
) -> list[int]:
    """A page elsewhere that links one of the documents (made before links were checked)
    loses the link; then the documents go. Returns the pages to publish again."""
    with translation.override(page.locale.language_code):
        relinked = unlink.from_other_pages({d.pk for d in documents}, page.pk, removed, marker)
    _scrub_document_logs(documents, removed, marker)
    for document in documents:
        document.delete()
    return sorted(relinked)


def _scrub_document_logs(documents: list, removed: list[str], marker: str) -> None:
    """The admin's log of each document (its upload, edits, deletion) is labelled with its
    title, which can name the person ("Kuulemiskirje, Nimi"): the entries stay, as the
    record of what was done, without the title or any removed value."""
    from wagtail.models import ModelLogEntry

    if not documents:
        return
    kind = ContentType.objects.get_for_model(get_document_model())
    titles = [*removed, *(d.title for d in documents), *(d.file.name for d in documents)]
    entries = ModelLogEntry.objects.filter(
        content_type=kind, object_id__in=[str(d.pk) for d in documents]
    )
    for entry in entries:
        entry.label = marker
        entry.data = redaction.scrub(entry.data or {}, titles, marker)
        entry.save(update_fields=["label", "data"])


def _save(
    page: NoticePage, slug: str | None, now: datetime, *, policy: str, deleting: bool
) -> list[int]:
    """Save what was redacted, rename, and delete the page or return it to publish again."""
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
    if policy == REMOVE and not deleting:
        page.delete()  # its signals unindex it and queue the publish that takes it away
        return []
    if not deleting:
        # The admin's search index now, in this transaction: saving only queued it.
        search_index.insert_or_update_object(page)
    return [page.pk]


def drop_previews(page_id: int, removed: list[str]) -> int:
    """The admin's preview form states: Wagtail keeps an editor's unsaved form (URL-encoded)
    for the preview panel. Those of this notice, and of new-page forms that held its data."""
    from wagtail.admin.models import FormState

    kind = ContentType.objects.get_for_model(NoticePage, for_concrete_model=False)
    states = FormState.objects.filter(content_type=kind, object_id__in=[str(page_id), ""])
    doomed = [
        state.pk
        for state in states
        if state.object_id or any(value in unquote_plus(state.data) for value in removed)
    ]
    FormState.objects.filter(pk__in=doomed).delete()
    return len(doomed)
