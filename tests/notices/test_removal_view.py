"""The legal officer sees the removal: each notice's editor says in words what happens to
its personal data (chosen by its type), when, where the removal stands and afterwards the
receipt; a report lists every removal to come, stuck and done, for legal officers only;
the marking button is labelled in words."""

from __future__ import annotations

import pytest
import time_machine

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.rich_text import features

from cms.core.permissions import LEGAL_OFFICERS
from cms.notices.groups import legal_officers_sync
from cms.notices.richtext import FEATURE
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from tests.factories import UserFactory
from tests.notices.removal_kit import END, SECOND, START, published_notice

# Bound by builds and searches of every store, not by the database: once, on SQLite.
pytestmark = pytest.mark.slow


def _state(html: str) -> str:
    return html.split('data-removal-state="', 1)[1].split('"', 1)[0]


def test_the_officer_sees_each_removal_and_the_report(city_content, client):
    officer = UserFactory(username="lakimies", groups=[Group.objects.get(name=LEGAL_OFFICERS)])
    with time_machine.travel(START, tick=False):
        client.force_login(officer)  # (a session of that day)
        notice = published_notice("Nakyvyys", notice_type="decision")
        legal_officers_sync()  # (on commit, in production: the test's transaction never commits)
        publish_full()
        edit = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
        response = client.get(edit)
        assert response.status_code == 200, (response.status_code, response.get("Location"))
        html = response.content.decode()
        assert "jää arkistoon ilman henkilötietojaan" in html  # the decision type's policy
        assert "31.3.2027 00.00" in html and _state(html) == "scheduled"
        report = client.get(reverse("removals_report")).content.decode()
        assert f"kuulutus {notice.pk}</a>: {notice.title}" in report and "Ajastettu" in report
    with time_machine.travel(END + SECOND, tick=False):
        assert notice.pk in {o.item for o in reconcile_due()}
        client.force_login(officer)
        html = client.get(edit).content.decode()
        assert _state(html) == "done" and "Poistettu ja tarkistettu" in html
        assert "versiot: " in html and "poistetut henkilötietoja sisältävät liitteet: 1" in html
        report = client.get(reverse("removals_report")).content.decode()
        assert "Yksikään poisto ei ole vielä valmistunut" not in report
        assert "Mitään ei odota poistoa" in report
        assert f"kuulutus {notice.pk}</a>: {notice.title}" in report  # (among those removed)


def test_only_those_responsible_see_the_report(client, synced_sites):
    editor = UserFactory(username="city-editor", groups=[synced_sites["city"].editors_group])
    client.force_login(editor)
    assert client.get(reverse("removals_report")).status_code in {302, 403}


def test_the_marking_button_has_words():
    plugin = features.get_editor_plugin("draftail", FEATURE)
    assert plugin.data["label"].strip() not in {"", "👤"}
    assert plugin.data["description"]
