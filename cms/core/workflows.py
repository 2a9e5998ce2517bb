"""The moderation workflows the platform relies on, created and assigned idempotently."""

from __future__ import annotations

from django.contrib.auth.models import User

from wagtail.models import Page, Workflow, WorkflowPage

from .permissions import COMMUNICATIONS

COMMUNICATIONS_WORKFLOW = "Review by communications"
COMMUNICATIONS_TASK = "Approval by communications"


def communications_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=COMMUNICATIONS_WORKFLOW, active=True).first()


def user_can_publish_press_releases(user: User) -> bool:
    """Only communications staff publish press releases without going through review."""
    if not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=COMMUNICATIONS).exists()


def workflow_assign(*, page: Page, workflow: Workflow) -> None:
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
