"""Which items' removal is due, of every kind: those whose lifetime has ended, or whose
removal a receipt records (a database restore brought their data back), and whose removal
has not finished. Asked by the reconciler, the scheduler's safety net, the health check
and the privacy proof."""

from __future__ import annotations

from datetime import datetime

from . import receipts
from .kinds import kind, kinds
from .models import Removal


def due_of(name: str, now: datetime, *, begun: bool = True) -> list[int]:
    """The items of the kind ``name`` whose removal is due at ``now``. ``begun``: with
    every removal under way, whenever its lifetime ends (one deleted early ends now);
    otherwise only those whose lifetime ended by ``now``."""
    journals = Removal.objects.filter(kind=name)
    finished = set(journals.filter(finished_at__isnull=False).values_list("item_id", flat=True))
    ended = kind(name).due(now, removed=receipts.last(name))
    # An item already deleted (the "remove" policy) still has its open journal to finish.
    unfinished = journals.filter(finished_at__isnull=True)
    if not begun:
        unfinished = unfinished.filter(ends_at__lte=now)
    return sorted((set(ended) - finished) | set(unfinished.values_list("item_id", flat=True)))


def due(now: datetime, *, begun: bool = True) -> list[tuple[str, int]]:
    """(kind, item) of every removal due at ``now`` (``begun``: see ``due_of``)."""
    return [
        (found.name, item) for found in kinds() for item in due_of(found.name, now, begun=begun)
    ]
