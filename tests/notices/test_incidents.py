"""A removal that cannot finish is an incident: the legal officers get an e-mail through a
real SMTP server, the health check and their dashboard name it within the same round, the
task says it failed, and the other notices' removals finish on time beside it."""

from __future__ import annotations

from email.header import decode_header, make_header

import pytest
import time_machine

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageLogEntry, Revision

from cms.core.permissions import LEGAL_OFFICERS
from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.operations import health
from cms.removal import privacy, receipts
from cms.removal.incidents import open_incidents
from cms.removal.models import Incident, Removal
from cms.removal.reconciler import ReconcileError, reconcile_due
from cms.removal.tasks import notice_due
from publisher.builds.full import publish_full
from tests.factories import NewsArticlePageFactory, UserFactory
from tests.notices.removal_kit import END, SECOND, START, published_notice

# Bound by builds and every store's search, not by the database (the canary test in
# test_removal.py runs the removal on PostgreSQL): once, on SQLite.
pytestmark = pytest.mark.slow


def test_an_unfinishable_removal_alerts_once_and_holds_nobody_up(
    city_content, inbox, client, django_capture_on_commit_callbacks
):
    officer = UserFactory(username="lakimies", email="lakimies@kaislahti.example")
    officer.groups.add(Group.objects.get(name=LEGAL_OFFICERS))
    with time_machine.travel(START, tick=False):
        stuck = published_notice("Jumissa")
        # A news item on the city site that names the person: no removal of the notice may
        # edit another department's page, so the removal cannot finish until its editor does.
        news = NewsArticlePageFactory(
            parent=NewsIndexPage.objects.get(url_path="/city/uutiset/"),
            title="Naapurikiista: Jumissa Naapuri valitti",
        )
        news.save_revision().publish()
        other = published_notice("Ajallaan")
        publish_full()
    with time_machine.travel(END + SECOND, tick=False):
        finished = {o.item for o in reconcile_due()}
        assert other.pk in finished and stuck.pk not in finished
        assert Removal.objects.get(kind="notice", item_id=other.pk).finished_at is not None
        [incident] = open_incidents()
        assert incident.item_id == stuck.pk and "static output" in incident.problem
        assert "jumissa" not in incident.problem.lower()  # places named by site and page
        _reported_to_who_can_fix_it(inbox, stuck, officer, client)
        # The task says it failed, and a second round alerts nobody again.
        with pytest.raises(ReconcileError):
            notice_due.call(0)
        assert len(inbox) == 1
        assert Incident.objects.get(kind="notice", item_id=stuck.pk).attempts >= 2
        # Once the news item's editor has taken the name out, the next round finishes.
        news = NewsArticlePage.objects.get(pk=news.pk)
        news.title = news.resident_headline = "Naapurikiista ratkesi"
        news.slug = "naapurikiista-ratkesi"  # its address named the person too
        with django_capture_on_commit_callbacks(execute=True):  # as after a real commit
            news.save_revision().publish()
        # Wagtail keeps the old address answering: a redirect from a path naming the person.
        assert Redirect.objects.filter(old_path__icontains="jumissa").exists()
        assert stuck.pk in {o.item for o in reconcile_due()}
        assert not Redirect.objects.filter(old_path__icontains="jumissa").exists()
        assert not open_incidents().exists()
        assert all(c.ok for c in health.checks() if c.name == "notices")
        assert 'id="unfinished-removals' not in client.get("/admin/").content.decode()
        # The news page's history (its revisions and log entries) named the person too:
        # rewritten once nothing live did, so the full check finds nothing anywhere.
        assert privacy.verify(timezone.now()) == []
        history = [str(r.content) + r.object_str for r in Revision.objects.all()]
        history += [str(e.data) + e.label for e in PageLogEntry.objects.filter(page_id=news.pk)]
        assert not [text for text in history if "Jumissa" in text]
        assert any("Naapurikiista: [henkilötieto poistettu] valitti" in t for t in history)
        [receipt] = [r for r in receipts.read() if r["item"] == stuck.pk]
        assert receipt["counts"]["other_pages"] == [news.pk]
        assert receipt["counts"]["other_history_rows"] >= 2


def _reported_to_who_can_fix_it(inbox, stuck, officer, client) -> None:
    """By e-mail, on the health check and on the legal officers' dashboard, naming the
    files and not the person."""
    # The e-mail, through SMTP, to the legal officers, in the admin's language.
    [mail] = inbox
    assert "lakimies@kaislahti.example" in mail["To"]
    subject = str(make_header(decode_header(mail["Subject"])))
    assert str(stuck.pk) in subject and "henkilötieto" in subject
    assert "pages.json" in mail.get_payload(decode=True).decode()  # which files
    # The health check, within the same round (not after the grace period).
    [notices] = [c for c in health.checks() if c.name == "personal data"]
    assert not notices.ok and str(stuck.pk) in notices.message
    assert "Jumissa" not in notices.message and "pages.json" not in notices.message
    # The legal officers' dashboard.
    client.force_login(officer)
    dashboard = client.get("/admin/").content.decode()
    assert 'id="unfinished-removals' in dashboard and "pages.json" in dashboard
