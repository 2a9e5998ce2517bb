"""Every change that alters what the public sites show queues a publish."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.core.models import SiteProfile

from .worker.queue import enqueue_renditions, request_publish


def on_published(sender, instance, **kwargs):
    # What a live page references, indexed now rather than by the queued task behind a
    # backlog: republishing a changed document's pages and taking a removed attachment
    # out of the pages that link it read this index.
    ReferenceIndex.create_or_update_for_object(instance)
    request_publish(reason="publish", page_ids=[instance.pk])


def on_unpublished(sender, instance, **kwargs):
    request_publish(reason="unpublish", page_ids=[instance.pk])


def on_moved(sender, instance, **kwargs):
    request_publish(reason="move", page_ids=[instance.pk])


def on_page_deleted(sender, instance, **kwargs):
    """Before the delete: Wagtail's reference index loses the links *to* a deleted page with
    it, so the live pages that link to it are asked for now, to be built without the link
    (as for an unpublished page, ``builds.reexport.with_linking_pages``). Part of the
    delete's transaction: a delete that fails queues nothing."""
    from .builds.reexport import live_pages_linking_to

    if isinstance(instance, Page):
        linking = live_pages_linking_to([instance.pk]) - {instance.pk}
        request_publish(reason="delete", page_ids=[instance.pk, *sorted(linking)])


def on_privacy_changed(sender, instance, **kwargs):
    """A page made private (or public again) leaves (or rejoins) every output with its
    subtree: the export reads only public pages, so any build sees which ones went."""
    request_publish(reason="privacy", page_ids=[instance.page_id])


def on_site_profile_saved(sender, instance, **kwargs):
    if instance.key:
        request_publish(reason="site settings", site_key=instance.key)


def on_media_changed(sender, instance, **kwargs):
    """Republish the pages that use an image or document (Wagtail's reference index).

    Also connected before a delete, while the references to it can still be read; the
    request is part of the delete's transaction, so a delete that fails queues nothing."""
    references = ReferenceIndex.get_references_to(instance).group_by_source_object()
    page_ids = [obj.pk for obj, _refs in references if isinstance(obj, Page)]
    request_publish(reason="media", page_ids=page_ids)


def on_redirect_changed(sender, instance, **kwargs):
    """A redirect added, changed or removed: its site's old addresses are published again
    (with its home page: any build of a page renders its site's files)."""
    sites = Site.objects.filter(pk=instance.site_id) if instance.site_id else Site.objects.all()
    page_ids = list(sites.values_list("root_page_id", flat=True))
    if instance.redirect_page_id:
        page_ids.append(instance.redirect_page_id)
    request_publish(reason="redirect", page_ids=page_ids)


def on_image_saved(sender, instance, **kwargs):
    """Make the new image's renditions in their own task, never on the publishing path."""
    transaction.on_commit(lambda: enqueue_renditions(instance.pk))


def connect() -> None:
    page_published.connect(on_published, dispatch_uid="publisher-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="publisher-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="publisher-moved")
    # For pages only: a receiver for every sender would turn off Django's fast delete
    # (one query per table) for every model. A deleted page of any type deletes its Page
    # row too, which sends this.
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="publisher-page-deleted")
    post_save.connect(
        on_privacy_changed, sender=PageViewRestriction, dispatch_uid="publisher-private"
    )
    post_delete.connect(
        on_privacy_changed, sender=PageViewRestriction, dispatch_uid="publisher-public"
    )
    post_save.connect(on_site_profile_saved, sender=SiteProfile, dispatch_uid="publisher-site")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            on_redirect_changed, sender=Redirect, dispatch_uid=f"publisher-redirect-{name}"
        )
    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="publisher-renditions")
    for model in (get_image_model(), get_document_model()):
        post_save.connect(
            on_media_changed, sender=model, dispatch_uid=f"publisher-{model.__name__}"
        )
        pre_delete.connect(
            on_media_changed, sender=model, dispatch_uid=f"publisher-{model.__name__}-delete"
        )
