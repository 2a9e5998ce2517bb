"""Keeps every press release listing, including new translations, under communications' review."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from cms.core.workflows import communications_workflow, workflow_assign

from .models import PressReleaseIndexPage


@receiver(post_save, sender=PressReleaseIndexPage)
def assign_review_workflow(sender, instance: PressReleaseIndexPage, created: bool, **kwargs):
    if kwargs.get("raw"):
        return
    workflow = communications_workflow()
    if workflow is not None:
        workflow_assign(page=instance, workflow=workflow)
