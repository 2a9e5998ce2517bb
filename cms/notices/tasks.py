"""Background task of the notices: run at a notice's start and at its end."""

from django_tasks import task

# A legal deadline: ahead of publishing and of Wagtail's index tasks (see publisher.tasks).
NOTICE_PRIORITY = 60


@task(priority=NOTICE_PRIORITY)
def notice_due(page_id: int) -> int:
    """Publish what is scheduled and remove the personal data of ended notices. Returns how
    many notices were reconciled."""
    from .reconciler import reconcile_due

    return len(reconcile_due())
