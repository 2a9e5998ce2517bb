"""Signals of the notices. A task at each notice's own moments: its start (the scheduled
publish) and its end (the removal of its personal data), one per notice and moment,
scheduled when the page is saved; the scheduler's periodic round is the safety net for a
task that was lost. A notice deleted early loses its personal data at once. And the legal
officers' rights on a new notices section."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.db.models.signals import post_save, pre_delete
from django.utils import timezone

logger = logging.getLogger(__name__)


def schedule_moments(page) -> None:
    """Queue a task for the notice's start and end, unless one is already queued."""
    from django_tasks import default_task_backend

    from cms.notices.models import NoticeDeadline

    from .tasks import notice_due

    if not default_task_backend.supports_defer:
        return  # an immediate backend (tests) cannot wait: the scheduler covers it
    now = timezone.now()
    for moment in {page.display_from, page.ends_at}:
        if moment is None or moment <= now:
            continue
        try:
            with transaction.atomic():
                NoticeDeadline.objects.create(page_id=page.pk, moment=moment)
        except IntegrityError:
            continue  # already scheduled
        transaction.on_commit(
            lambda moment=moment: notice_due.using(run_after=moment).enqueue(page.pk)
        )


def on_notice_saved(sender, instance, **kwargs) -> None:
    if instance.pk and instance.ends_at is not None:
        schedule_moments(instance)


def on_notice_deleted(sender, instance, **kwargs) -> None:
    """A notice deleted before its period ended (alone, or with its section) takes its
    personal data with it at once: redacted in the deletion's transaction, the files,
    build and proof finished by the removal task right after (and by every round)."""
    if instance.personal_data_removed_at is not None:
        return  # removed already: its own removal is deleting it
    from .redact import redact_database
    from .tasks import notice_due

    redact_database(instance.pk, timezone.now(), deleting=True)
    transaction.on_commit(lambda: notice_due.enqueue(instance.pk))


def on_section_created(sender, instance, created, **kwargs) -> None:
    if created:
        from cms.notices.groups import legal_officers_sync

        transaction.on_commit(legal_officers_sync)


def connect() -> None:
    from cms.notices.models import NoticeIndexPage, NoticePage

    post_save.connect(on_notice_saved, sender=NoticePage, dispatch_uid="notices-schedule")
    pre_delete.connect(on_notice_deleted, sender=NoticePage, dispatch_uid="notices-deleted")
    post_save.connect(
        on_section_created, sender=NoticeIndexPage, dispatch_uid="notices-section-rights"
    )
