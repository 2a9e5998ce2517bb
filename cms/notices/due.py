"""Which notices' removal is due: those whose display period has ended, or whose removal a
receipt records (a database restore brought their data back), and whose removal has not
finished. Asked by the reconciler, the scheduler's safety net and the privacy proof."""

from __future__ import annotations

from datetime import datetime

from . import receipts
from .models import NoticePage, NoticeRemoval


def due(now: datetime) -> list[int]:
    """Notice pages whose display period has ended, or whose removal a receipt records
    (a database restore brought their data back), and whose removal is not finished."""
    ended = set(NoticePage.objects.filter(ends_at__lte=now).values_list("pk", flat=True))
    restored = set(
        NoticePage.objects.filter(pk__in=receipts.policies()).values_list("pk", flat=True)
    )
    finished = set(
        NoticeRemoval.objects.filter(finished_at__isnull=False).values_list("page_id", flat=True)
    )
    open_journals = NoticeRemoval.objects.filter(finished_at__isnull=True)
    # A "remove" notice whose page is already deleted still has its journal to finish.
    return sorted(
        ((ended | restored) - finished) | set(open_journals.values_list("page_id", flat=True))
    )
