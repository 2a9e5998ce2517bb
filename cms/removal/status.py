"""Where one item's removal stands, for the people responsible for it: the admin shows it
on the item (a notice's editor) and lists every item in the removals report.

Registered for every kind through ``STATUS_HOOK`` (``cms.core.personal_data``), so an app
below the removal asks for its items' state without importing it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from . import receipts
from .models import Incident, Removal
from .reading import readable
from .scans import Needles

SCHEDULED, UNDER_WAY, STUCK, DONE = "scheduled", "under way", "stuck", "done"
LABELS = {
    SCHEDULED: _("Scheduled"),
    UNDER_WAY: _("Under way"),
    STUCK: _("Not finished: needs someone to act"),
    DONE: _("Removed and verified"),
}
# What a receipt's counts mean, in words (the rest are shown by their key).
COUNTED = {
    "revisions": _("revisions"),
    "log_entries": _("log entries"),
    "comments": _("review comments"),
    "previews": _("previews"),
    "documents": _("personal attachments deleted"),
    "other_pages": _("other pages' history rewritten"),
    "other_history_rows": _("rows of other pages' history rewritten"),
}


@dataclass
class Status:
    state: str
    deadline: datetime | None = None
    finished: datetime | None = None
    problem: str = ""
    since: datetime | None = None
    removed: list[tuple[str, int]] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(LABELS[self.state])


def _counted(counts: dict) -> list[tuple[str, int]]:
    out = []
    for key, value in counts.items():
        number = len(value) if isinstance(value, list) else value
        if isinstance(number, int) and number:
            out.append((str(COUNTED.get(key, key.replace("_", " "))), number))
    return out


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def status(kind_name: str, item: int, deadline: datetime | None = None) -> Status:
    """The state of ``item``'s removal (its deadline given by the caller while none has
    started)."""
    incident = Incident.objects.filter(kind=kind_name, item_id=item, resolved_at=None).first()
    journal = Removal.objects.filter(kind=kind_name, item_id=item).first()
    receipt = receipts.last(kind_name).get(item)
    if incident is not None:
        return Status(
            STUCK,
            deadline=deadline or (journal.ends_at if journal else None),
            problem=incident.problem,
            since=incident.first_failed_at,
        )
    if journal is not None and journal.finished_at is None:
        return Status(UNDER_WAY, deadline=journal.ends_at)
    if receipt is not None:
        return Status(
            DONE,
            deadline=_when(receipt.get("deadline")),
            finished=_when(receipt.get("finished")),
            removed=_counted(receipt.get("counts", {})),
        )
    return Status(SCHEDULED, deadline=deadline)


def removed_in(kind_name: str, item: int, text: str) -> bool:
    """Whether ``text`` holds a value ``item``'s removal took away (its receipt's needles,
    or its journal's while the removal is unfinished: an incident), read as the proof reads
    a store: an ended item must not take it back."""
    if not text:
        return False
    receipt = receipts.last(kind_name).get(item)
    needles = list(receipt.get("needles") or []) if receipt else []
    journal = Removal.objects.filter(kind=kind_name, item_id=item).values("needles").first()
    needles += journal["needles"] if journal else []
    return bool(needles) and bool(Needles({(kind_name, item): needles}).in_text(readable(text)))
