"""Signals of the notices. A task at each notice's own moments: its start (the scheduled
publish) and its end (the removal of its personal data), one per notice and moment,
scheduled when the page is saved; the scheduler's periodic round is the safety net for a
task that was lost. A notice deleted early loses its personal data at once. And the legal
officers' rights on a new notices section."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save, pre_delete

from cms.removal import services

from .kind import NAME


def schedule_moments(page) -> None:
    """Queue a task for the notice's start and end, unless one is already queued."""
    services.schedule(kind_name=NAME, item=page.pk, moments=[page.display_from, page.ends_at])


def on_notice_saved(sender, instance, **kwargs) -> None:
    if instance.pk and instance.ends_at is not None:
        schedule_moments(instance)


def on_notice_deleted(sender, instance, **kwargs) -> None:
    """A notice deleted before its period ended (alone, or with its section) takes its
    personal data with it at once: redacted in the deletion's transaction, the files,
    build and proof finished by the removal task right after (and by every round)."""
    if instance.personal_data_removed_at is not None:
        return  # removed already: its own removal is deleting it
    services.remove_now(kind_name=NAME, item=instance.pk)


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
