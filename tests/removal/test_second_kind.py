"""A second kind of personal data (``tests/signupapp``: newsletter sign-ups, an e-mail
address and a name with a lifetime) goes through the whole removal with nothing in
``cms/removal`` naming it: due when it expires, gone from its rows, its file and the caches,
proven gone by the receipts' needles, found and removed again after a restore, and an
incident that alerts and holds nobody up when it cannot finish."""

from __future__ import annotations

from datetime import timedelta
from email.header import decode_header, make_header
from pathlib import Path

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.utils import timezone

from cms.operations import health
from cms.removal import receipts, services
from cms.removal.models import Incident, Removal
from tests.signupapp import kind
from tests.signupapp.models import SignUp

YEAR = timedelta(days=365)
FILE_CACHE = "django.core.cache.backends.filebased.FileBasedCache"


@pytest.fixture
def places(db, settings, tmp_path):
    """The stores a removal purges and proves, each in this test's own folder."""
    for name in ("MEDIA_ROOT", "OUTPUT_DIR"):
        setattr(settings, name, tmp_path / name.lower())
        getattr(settings, name).mkdir()
    settings.NOTICE_AUDIT_LOG = tmp_path / "audit" / "removals.jsonl"
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "files": {"BACKEND": FILE_CACHE, "LOCATION": str(tmp_path / "cache")},
    }
    return caches["files"]


def signup(settings, email: str, name: str, expires_at, consent: bool = False) -> SignUp:
    path = ""
    if consent:
        path = f"consents/{email}.txt"
        file = Path(settings.MEDIA_ROOT) / path
        file.parent.mkdir(exist_ok=True)
        file.write_text(f"{name} <{email}> agrees to the newsletter.")
    return SignUp.objects.create(
        email=email, name=name, topic="kirjasto", consent_file=path, expires_at=expires_at
    )


def test_an_expired_signup_is_removed_everywhere_and_proven_gone(places, settings):
    now = timezone.now()
    anna = signup(settings, "anna.asukas@example.fi", "Anna Asukas", now + YEAR, consent=True)
    ville = signup(settings, "ville.virea@example.fi", "Ville Vireä", now + 2 * YEAR)
    consent = Path(settings.MEDIA_ROOT) / anna.consent_file
    places.set("newsletter-draft", {"to": ["anna.asukas@example.fi"]}, None)
    places.set("other", {"to": ["kirjaamo@example.fi"]}, None)
    with time_machine.travel(now + YEAR - timedelta(seconds=1), tick=False):
        assert services.due(now=timezone.now()) == []
    with time_machine.travel(now + YEAR + timedelta(seconds=1), tick=False):
        assert services.due(now=timezone.now()) == [("signup", anna.pk)]
        outcomes = services.reconcile_due()
        assert [(o.kind, o.item) for o in outcomes] == [("signup", anna.pk)]
        assert list(SignUp.objects.values_list("pk", flat=True)) == [ville.pk]
        assert not consent.exists()
        assert places.get("newsletter-draft") is None  # a copy in the file cache
        assert places.get("other") is not None
        [receipt] = [r for r in receipts.read() if receipts.owner(r) == ("signup", anna.pk)]
        assert receipt["counts"] == {"signups": 1} and len(receipt["file_sha256"]) == 1
        log = receipts.log_path().read_text()
        assert "anna" not in log.lower() and "asukas" not in log.lower()
        assert services.verify(now=timezone.now()) == []
        assert services.due(now=timezone.now()) == []
        [check] = [c for c in health.checks() if c.name == "personal data"]
        assert check.ok
        # A copy a page kept, percent-encoded in a link: the proof names it.
        page = Path(settings.OUTPUT_DIR) / "city" / "index.html"
        page.parent.mkdir()
        page.write_text('<a href="mailto:anna.asukas%40example.fi">Kirjoita</a>')
        findings = services.verify(now=timezone.now())
        assert [(f.store, f.kind, f.item) for f in findings] == [
            ("static output", "signup", anna.pk)
        ]


def test_a_restored_signup_is_found_by_the_proof_and_removed_again(places, settings):
    now = timezone.now()
    anna = signup(settings, "anna.asukas@example.fi", "Anna Asukas", now + YEAR)
    with time_machine.travel(now + YEAR + timedelta(seconds=1), tick=False):
        services.reconcile_due()
    with time_machine.travel(now + YEAR + timedelta(hours=1), tick=False):
        # A backup from before the removal comes back: the row, without the journal.
        Removal.objects.all().delete()
        SignUp.objects.create(
            pk=anna.pk, email=anna.email, name=anna.name, topic="x", expires_at=now + YEAR
        )
        findings = services.verify(now=timezone.now())
        assert {(f.store, f.kind, f.item) for f in findings} == {("database", "signup", anna.pk)}
        assert "signupapp_signup.email" in {f.where for f in findings}
        [outcome] = services.reconcile_due()
        assert outcome.receipt["replayed"] is True
        assert services.verify(now=timezone.now()) == []


def test_a_signup_that_cannot_be_removed_is_an_incident_and_holds_nobody_up(
    places, settings, inbox, monkeypatch
):
    admin = get_user_model().objects.create_superuser("it", "it@kaislahti.example", "x")
    now = timezone.now()
    stuck = signup(settings, "jumissa@example.fi", "Jussi Jumissa", now + YEAR)
    other = signup(settings, "menossa@example.fi", "Meri Menossa", now + YEAR)
    monkeypatch.setattr(kind, "BROKEN", {stuck.pk})
    with time_machine.travel(now + YEAR + timedelta(seconds=1), tick=False):
        assert [(o.kind, o.item) for o in services.reconcile_due()] == [("signup", other.pk)]
        incident = Incident.objects.get(kind="signup", item_id=stuck.pk, resolved_at=None)
        assert "locked" in incident.problem
        [mail] = inbox
        subject = str(make_header(decode_header(mail["Subject"])))
        assert mail["To"] == admin.email and f"sign-up {stuck.pk}" in subject
        assert "jumissa@" not in mail.as_string().lower()
        [check] = [c for c in health.checks() if c.name == "personal data"]
        assert not check.ok and f"sign-up {stuck.pk}" in check.message
        services.reconcile_due()
        assert Incident.objects.get(kind="signup", item_id=stuck.pk).attempts == 2
        assert len(inbox) == 1, "told once"
        monkeypatch.setattr(kind, "BROKEN", set())
        [outcome] = services.reconcile_due()
        assert (outcome.kind, outcome.item) == ("signup", stuck.pk)
        assert Incident.objects.get(kind="signup", item_id=stuck.pk).resolved_at is not None
        assert services.verify(now=timezone.now()) == []


def test_data_found_again_after_a_removal_reopens_it_and_raises_its_incident(places, settings):
    """What a restore brings back beside a finished removal (its journal kept) is found by
    the proof; reopened, the removal goes again, and what it cannot take is an incident."""
    now = timezone.now()
    anna = signup(settings, "anna.asukas@example.fi", "Anna Asukas", now + YEAR)
    with time_machine.travel(now + YEAR + timedelta(seconds=1), tick=False):
        services.reconcile_due()
        SignUp.objects.create(
            pk=anna.pk, email=anna.email, name="", topic="x", expires_at=now + 2 * YEAR
        )
        found = {(f.kind, f.item) for f in services.verify(now=timezone.now())}
        assert found == {("signup", anna.pk)}
        assert services.due(now=timezone.now()) == []  # finished, as far as the journal knows
        assert services.reopen(owners=found) == 1
        assert services.due(now=timezone.now()) == [("signup", anna.pk)]
        assert services.reconcile_due() == []
        incident = Incident.objects.get(kind="signup", item_id=anna.pk, resolved_at=None)
        assert "signupapp_signup" in incident.problem
