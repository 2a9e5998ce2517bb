"""Background tasks of the removal: run at an item's moments (a notice's start and end)."""

from django_tasks import task

# A legal deadline: ahead of publishing and of Wagtail's index tasks (see publisher.tasks).
REMOVAL_PRIORITY = 60


def _reconcile() -> int:
    from .incidents import open_incidents
    from .reconciler import ReconcileError, reconcile_due

    finished = len(reconcile_due())
    # The task fails while a removal cannot finish: its result says so, not "successful".
    unfinished = [f"{i.kind} {i.item_id}" for i in open_incidents().order_by("kind", "item_id")]
    if unfinished:
        raise ReconcileError(
            f"{finished} removal(s) finished; not finished: {', '.join(unfinished)}"
        )
    return finished


@task(priority=REMOVAL_PRIORITY)
def removal_due(kind_name: str, item: int) -> int:
    """Publish what is scheduled and remove the personal data of every item whose lifetime
    has ended (not only ``item``'s: one run serves all). Returns how many removals
    finished; fails while any removal is an open incident."""
    return _reconcile()


@task(priority=REMOVAL_PRIORITY)
def notice_due(page_id: int) -> int:
    """The task as notices' deadlines were queued before there were kinds: its path is
    stored with each task still waiting in the database, so it stays."""
    return _reconcile()
