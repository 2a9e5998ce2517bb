"""Personal data with a legal lifetime: what an app declares so that the removal
(``cms/removal``) takes it away from every store when its lifetime ends, and proves it gone.

A kind of personal data is a subclass of ``PersonalData`` registered through the one
extension mechanism, a Wagtail hook in the app's ``wagtail_hooks.py``::

    hooks.register(PERSONAL_DATA_HOOK, lambda: SignUps())

It says which items' lifetime has ended, and removes one item's data from the database
(step 1 of a removal, in the removal's transaction), returning what it removed. Everything
after that is the removal's, for every kind alike: the journal, the files' deletion, the
publish, every store purged (releases, search memo, caches, SQLite's leftovers), the
proof, the receipt, and an incident that alerts people when a step cannot finish.

The declaration lives here, below the content apps, so that any app can declare a kind
without importing the removal (which sits above the publisher and search it purges).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from django.utils.translation import gettext

PERSONAL_DATA_HOOK = "register_personal_data"
# Where an item's removal stands: ``fn(kind_name, item, deadline)`` gives its status (the
# removal app registers it; an app below asks without importing the removal).
STATUS_HOOK = "personal_data_status"
# Whether a text holds a value an item's finished removal took away: ``fn(kind_name, item,
# text)`` is True when it does (the removal app registers it, reading the item's receipt),
# so a form can refuse a removed name typed back into an ended item.
REMOVED_HOOK = "personal_data_removed_in"
# The reason of the publish a removal queues (and waits for).
PUBLISH_REASON = "personal data removed"


@dataclass(frozen=True)
class Redacted:
    """What one item's database step removed. ``values`` are the removed values to look for
    from now on (hashed into needles at once, never stored); ``files`` the names under
    MEDIA_ROOT to delete; ``ends_at`` the end of the lifetime that applied; ``counts``
    what the receipt says was removed (numbers and ids, never data)."""

    values: list[str]
    ends_at: datetime
    files: list[str] = field(default_factory=list)
    policy: str = ""
    reference: str = ""
    counts: dict[str, Any] = field(default_factory=dict)
    # More values to look for in the stores (an attachment's title and file name), which
    # ``settle`` is not given.
    also: list[str] = field(default_factory=list)
    # Pages to publish again: the removal queues them (``PUBLISH_REASON``) and waits.
    publish: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Held:
    """One item's personal data as a backup holds it (``PersonalData.held``): its values
    (as ``Redacted.values``) and the files under MEDIA_ROOT that are its data, and the end
    of its lifetime (None: not set yet), which decides whose key seals a value two items
    share."""

    values: list[str]
    files: list[Path] = field(default_factory=list)
    ends_at: datetime | None = None


class PersonalData:
    """One kind of personal data with a lifetime. Subclasses set ``name`` (stored with each
    journal and receipt: never change it) and implement ``due`` and ``redact``; the other
    methods are for kinds whose data reaches the public sites."""

    name = ""
    # Whether the removal publishes (its data was on the public sites).
    publishes = False

    def describe(self, item: int) -> str:
        """The item as people are told about it ("notice 12"), in the active language."""
        return gettext("item %(id)s") % {"id": item}

    def admin_url(self, item: int) -> str:
        """Where in the admin the people alerted can see the item ("" if nowhere)."""
        return ""

    def titles(self, items: Iterable[int]) -> dict[int, str]:
        """The title of each of these items that has one people may see (the removals
        report shows it beside ``describe``); never personal data."""
        return {}

    def alert_groups(self) -> list[str]:
        """The groups whose members are e-mailed when a removal cannot finish (and every
        superuser)."""
        return []

    def due(self, now: datetime, *, removed: Iterable[int]) -> set[int]:
        """Items whose lifetime ended by ``now``, and those of ``removed`` (a receipt says
        their removal finished) whose data exists again: a database restore brought it back.
        Those the removal has finished since are left out by the removal itself."""
        raise NotImplementedError

    def redact(self, item: int, *, now: datetime, deleting: bool, earlier: dict | None) -> Redacted:
        """Remove the item's personal data from the database, inside the removal's
        transaction. ``deleting``: the item is being deleted before its lifetime ended;
        ``earlier``: the last receipt of an earlier removal of it (a restore brought it
        back), or None."""
        raise NotImplementedError

    def upcoming(self, now: datetime) -> list[tuple[int, datetime]]:
        """(item, end of its lifetime) of every item whose data is still to be removed,
        for the removals report."""
        return []

    def in_use(self, now: datetime) -> list[str]:
        """Values the kind's items lawfully hold now (the contact person of a notice still
        on view): a removed item's value equal to one of them is looked for only in that
        item's own rows (``tables``), not everywhere, until no item holds it any more."""
        return []

    def held(self) -> dict[int, Held]:
        """Every item whose data the database still holds (not removed yet), with that data:
        a backup seals it under the item's own key, destroyed when the item's removal runs
        (``cms/removal/keys.py``)."""
        return {}

    def settle(self, item: int, *, values: list[str], needles: Any) -> dict[str, Any]:
        """After the database step's transaction: more counts for the journal."""
        return {}

    def before_publish(self, needles: Any) -> None:
        """Before the publish: what the sites would otherwise copy again."""

    def tables(self, item: int) -> dict[str, str]:
        """The rows the item's data lived in (table -> SQL condition), checked after its
        removal; every table is checked by ``verify_privacy``."""
        return {}

    def files(self, item: int) -> list[Path]:
        """The files the item's data may have reached (live site files, the documents it
        keeps public), checked after its removal."""
        return []

    def left(self, item: int, counts: dict[str, Any]) -> set[str]:
        """Places outside the stores still holding the item (after its removal)."""
        return set()

    def after_proof(self, item: int, counts: dict[str, Any], needles: Any) -> dict[str, Any]:
        """Once the proof holds: what the kind cleans up only then, as counts."""
        return {}
