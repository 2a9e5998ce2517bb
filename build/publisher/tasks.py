"""Background tasks of the publisher (django-tasks; the database backend by default)."""

from django_tasks import task

# Ahead of Wagtail's own search-index and reference-index tasks: an import of thousands of
# pages queues thousands of those, and a press release must not wait behind them. Notice
# removals (a legal deadline) come before publishing (cms/notices/tasks.py).
PUBLISH_PRIORITY = 50


@task(priority=PUBLISH_PRIORITY)
def publish_pending() -> int:
    """Publish every queued change; returns how many sites went live."""
    from .queue import process_pending

    result = process_pending()
    return 0 if result is None else sum(1 for s in result.sites if s.release is not None)
