"""Background tasks of the publisher (django-tasks; the database backend by default)."""

from django_tasks import task


@task()
def publish_pending() -> int:
    """Publish every queued change; returns how many sites went live."""
    from .queue import process_pending

    result = process_pending()
    return 0 if result is None else sum(1 for s in result.sites if s.release is not None)
