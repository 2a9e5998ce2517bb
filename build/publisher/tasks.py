"""Background tasks of the publisher (django-tasks; the database backend by default)."""

from django_tasks import task

from django.db import transaction

from wagtail.images import get_image_model
from wagtail.images.models import Filter

from .export.images import all_specs
from .signals import on_media_changed
from .worker.queue import process_pending

# Ahead of Wagtail's own search-index and reference-index tasks: an import of thousands of
# pages queues thousands of those, and a press release must not wait behind them. Notice
# removals (a legal deadline) come before publishing (cms/removal/tasks.py).
PUBLISH_PRIORITY = 50


@task(priority=PUBLISH_PRIORITY)
def publish_pending() -> int:
    """Publish every queued change; returns how many sites went live."""
    result = process_pending()
    return 0 if result is None else sum(1 for s in result.sites if s.release is not None)


# Renditions have a queue of their own, with its own worker (bin/run starts both): a huge
# image takes its half minute there while publishing goes on.
MEDIA_QUEUE = "media"


@task(queue_name=MEDIA_QUEUE)
def make_renditions(image_id: int) -> int:
    """Make every rendition the sites use of an image, then republish the pages that use
    it (they went live without it). Returns how many renditions were made."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    specs = all_specs(image)
    existing = image.find_existing_renditions(*(Filter(spec=s) for s in specs))
    missing = [s for s in specs if s not in {f.spec for f in existing}]
    if not missing:
        return 0
    image.get_renditions(*missing)
    with transaction.atomic():
        on_media_changed(type(image), image)
    return len(missing)
