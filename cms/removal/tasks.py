"""Background task of the notices: run at a notice's start and at its end."""

from django_tasks import task

# A legal deadline: ahead of publishing and of Wagtail's index tasks (see publisher.tasks).
NOTICE_PRIORITY = 60


@task(priority=NOTICE_PRIORITY)
def notice_due(page_id: int) -> int:
    """Publish what is scheduled and remove the personal data of ended notices. Returns how
    many notices were reconciled; fails while any removal is an open incident."""
    from cms.notices.incidents import open_incidents

    from .reconciler import ReconcileError, reconcile_due

    finished = len(reconcile_due())
    # The task fails while a removal cannot finish: its result says so, not "successful".
    unfinished = sorted(open_incidents().values_list("page_id", flat=True))
    if unfinished:
        raise ReconcileError(
            f"{finished} removal(s) finished; not finished: {', '.join(map(str, unfinished))}"
        )
    return finished
