"""The removal and the privacy proof walk one list of stores (``cms/removal/stores.py``):
a store an app registers (``STORES_HOOK``) is purged by every removal and searched by every
proof, with nothing else to change."""

import pytest
import time_machine

from django.utils import timezone

from wagtail import hooks

from cms.removal import privacy, stores
from cms.removal.reconciler import reconcile_due
from cms.removal.scans import scan_files, tree
from publisher.builds.full import publish_full
from tests.notices.removal_kit import END, SECOND, START, published_notice

# Bound by builds and every store's search, not by the database (the canary test in
# test_removal.py runs the removal on PostgreSQL): once, on SQLite.
pytestmark = pytest.mark.slow


def test_a_store_registered_is_purged_by_the_removal_and_searched_by_the_proof(
    city_content, tmp_path
):
    bin_folder = tmp_path / "outbox"
    bin_folder.mkdir()
    purged = []

    def verify(needles, scope):
        return scan_files(tree(bin_folder), needles, "outbox", scope.known)

    def purge(needles):
        for path in tree(bin_folder):
            if needles.in_text(path.read_text()):
                purged.append(path.name)
                path.unlink()

    outbox = stores.Store("outbox", verify, purge=purge)
    with time_machine.travel(START, tick=False):
        notice = published_notice("Satakieli")
        publish_full()
        # A copy the platform keeps somewhere of its own: a message about the notice.
        (bin_folder / "message.txt").write_text("Hakija Satakieli Hakija sai luvan.")
        (bin_folder / "other.txt").write_text("Kaupungin kirjaamo.")

    with (
        hooks.register_temporarily(stores.STORES_HOOK, lambda: outbox),
        time_machine.travel(END + SECOND, tick=False),
    ):
        # (The demo's own notices ended long before: removed in the same run.)
        assert notice.pk in {outcome.item for outcome in reconcile_due()}
        assert purged == ["message.txt"]
        assert [path.name for path in tree(bin_folder)] == ["other.txt"]
        assert privacy.verify(timezone.now()) == []
        # The copy comes back (a restore from a backup): the proof names the store.
        (bin_folder / "message.txt").write_text("Satakieli Hakija")
        findings = privacy.verify(timezone.now())
        assert [(f.store, f.item) for f in findings] == [("outbox", notice.pk)]
