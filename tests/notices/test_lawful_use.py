"""A proof that does not cry wolf: a contact person of an ended notice who is the contact
of a later notice on view is found only where the ended notice itself keeps it, not on
the later notice's page; once nobody lawfully shows the name, it is looked for again
everywhere."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from django.utils import timezone

from cms.notices.models import NoticePage
from cms.removal import privacy
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from tests.factories import NewsArticlePageFactory
from tests.notices.removal_kit import END, SECOND, START, published_notice

# Bound by builds and searches of every store, not by the database: once, on SQLite.
pytestmark = pytest.mark.slow

CONTACT = "Liisa Lakimiesnimi"


def test_a_contact_person_on_a_later_notice_is_no_finding(city_content):
    with time_machine.travel(START, tick=False):
        first = published_notice("Ensimmainen", contact_name=CONTACT)
        publish_full()
    with time_machine.travel(END + SECOND, tick=False):
        assert first.pk in {o.item for o in reconcile_due()}
        assert privacy.verify(timezone.now()) == []
    later = END + timedelta(days=2)
    with time_machine.travel(later, tick=False):
        second = published_notice("Toinen", contact_name=CONTACT)
        publish_full()
        assert CONTACT in NoticePage.objects.get(pk=second.pk).contact_name
        assert privacy.verify(timezone.now()) == [], "the later notice shows it lawfully"
        # Typed back into the ended notice itself, it is found there.
        NoticePage.objects.filter(pk=first.pk).update(lead=f"Lisätietoja {CONTACT}.")
        findings = privacy.verify(timezone.now())
        assert {(f.kind, f.item) for f in findings} == {("notice", first.pk)}
        assert all(f.store == "database" for f in findings)
        NoticePage.objects.filter(pk=first.pk).update(lead="Lisätietoja kirjaamosta.")
    with time_machine.travel(later + timedelta(days=40), tick=False):
        # The later notice ended and was removed too: nobody shows the name lawfully,
        # and a news item quoting it is a finding for both.
        reconcile_due()
        news = NewsArticlePageFactory(
            parent=first.get_parent().get_parent().get_children().get(slug="uutiset"),
            title=f"Haastattelussa {CONTACT}",
        )
        news.save_revision().publish()
        found = {(f.kind, f.item) for f in privacy.verify(timezone.now())}
        assert ("notice", first.pk) in found and ("notice", second.pk) in found
