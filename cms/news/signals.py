"""Keeps every press release listing, including new translations, under communications' review:
the workflow is made when the sites are synced, and assigned to each new listing."""

from django.contrib.auth.models import Group
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import GroupApprovalTask, Workflow, WorkflowTask

from cms.core.permissions import COMMUNICATIONS
from cms.core.workflows import (
    COMMUNICATIONS_TASK,
    COMMUNICATIONS_WORKFLOW,
    communications_workflow,
    workflow_assign,
)

from .models import PressReleaseIndexPage


@receiver(post_save, sender=PressReleaseIndexPage)
def assign_review_workflow(sender, instance: PressReleaseIndexPage, created: bool, **kwargs):
    if kwargs.get("raw"):
        return
    workflow = communications_workflow()
    if workflow is not None:
        workflow_assign(page=instance, workflow=workflow)


def communications_workflow_sync(*, group: Group) -> Workflow:
    """Create the press-release workflow and assign it to every press release listing."""
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=COMMUNICATIONS_TASK, defaults={"active": True}
    )
    task.groups.set([group])
    workflow, _created = Workflow.objects.get_or_create(name=COMMUNICATIONS_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    # Workflow is a ClusterableModel: its related manager would only stage the row in
    # memory, so the link is written through the model's own manager.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in PressReleaseIndexPage.objects.all():
        workflow_assign(page=page, workflow=workflow)
    return workflow


def review_press_releases(*, groups: dict[str, Group]) -> None:
    """After the sites' sync (``SITES_SYNCED_HOOK``, registered in ``wagtail_hooks.py``)."""
    communications_workflow_sync(group=groups[COMMUNICATIONS])
