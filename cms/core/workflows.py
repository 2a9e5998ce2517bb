"""The moderation workflows the platform relies on, created and assigned idempotently."""

from __future__ import annotations

from django.contrib.auth.models import Group, User

from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

COMMUNICATIONS_GROUP = "Communications"
COMMUNICATIONS_WORKFLOW = "Review by communications"
COMMUNICATIONS_TASK = "Approval by communications"


def communications_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=COMMUNICATIONS_WORKFLOW, active=True).first()


def user_can_publish_press_releases(user: User) -> bool:
    """Only communications staff publish press releases without going through review."""
    if not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=COMMUNICATIONS_GROUP).exists()


def communications_workflow_sync(*, group: Group) -> Workflow:
    """Create the press-release workflow and assign it to every press release listing."""
    from cms.news.models import PressReleaseIndexPage

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


def workflow_assign(*, page: Page, workflow: Workflow) -> None:
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
