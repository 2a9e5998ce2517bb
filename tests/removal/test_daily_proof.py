"""The whole proof runs by itself once a day from the scheduler: personal data that came
back after its removal (here a restored file under the media folder naming the person) is
an incident, e-mailed to the legal officers, failing health; once it is gone, the next
day's proof resolves it. The proof runs once a day, not at every round."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine

from django.conf import settings
from django.contrib.auth.models import Group

from cms.core.permissions import LEGAL_OFFICERS
from cms.operations import health, scheduler
from cms.removal.daily import last_proof
from cms.removal.incidents import open_incidents
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from tests.factories import UserFactory
from tests.notices.removal_kit import END, SECOND, START, published_notice

# Bound by builds and searches of every store, not by the database: once, on SQLite.
pytestmark = pytest.mark.slow


def _personal_check_ok() -> bool:
    return next(c.ok for c in health.checks() if c.name == "personal data")


def test_data_that_comes_back_is_found_by_the_daily_proof(city_content, inbox):
    officer = UserFactory(username="lakimies", email="lakimies@kaislahti.example")
    officer.groups.add(Group.objects.get(name=LEGAL_OFFICERS))
    with time_machine.travel(START, tick=False):
        notice = published_notice("Palannut")
        publish_full()
    with time_machine.travel(END + SECOND, tick=False):
        assert notice.pk in {o.item for o in reconcile_due()}
        scheduler.tick()
        assert last_proof()["findings"] == 0 and _personal_check_ok()
        assert not inbox
    leak = Path(settings.MEDIA_ROOT) / "documents" / "palautettu.txt"
    leak.write_text("Kuuleminen: Palannut Naapuri, Rantakatu 7 Palannut")
    with time_machine.travel(END + timedelta(hours=12), tick=False):
        scheduler.tick()  # (not a day yet: no proof)
        assert not open_incidents().exists()
    with time_machine.travel(END + timedelta(days=1, minutes=1), tick=False):
        scheduler.tick()
        [incident] = open_incidents()
        assert incident.item_id == notice.pk and "media files" in incident.problem
        assert "palannut" not in incident.problem.lower()
        assert not _personal_check_ok()
        assert len(inbox) == 1 and "lakimies@kaislahti.example" in inbox[0]["To"]
    leak.unlink()
    with time_machine.travel(END + timedelta(days=2, minutes=2), tick=False):
        scheduler.tick()
        assert not open_incidents().exists() and _personal_check_ok()
