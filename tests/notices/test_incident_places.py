"""An incident says what to fix: a news article that quotes a notice's person is named by
its id, site, title (the name masked) and the editor who last edited it, both for its
live files and for its rows in the database; the name itself is nowhere in the text."""

from __future__ import annotations

import pytest
import time_machine

from cms.news.models import NewsIndexPage
from cms.removal.incidents import open_incidents
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from tests.factories import NewsArticlePageFactory, UserFactory
from tests.notices.removal_kit import END, SECOND, START, published_notice

# Bound by builds and every store's search, not by the database (the canary test in
# test_removal.py runs the removal on PostgreSQL): once, on SQLite.
pytestmark = pytest.mark.slow


def test_the_incident_names_the_page_its_site_and_its_editor(city_content):
    editor = UserFactory(username="uutistoimittaja")
    with time_machine.travel(START, tick=False):
        notice = published_notice("Lainattu")
        news = NewsArticlePageFactory(
            parent=NewsIndexPage.objects.get(url_path="/city/uutiset/"),
            title="Naapurikiista: Lainattu Naapuri valitti",
        )
        news.save_revision(user=editor).publish()
        publish_full()
    with time_machine.travel(END + SECOND, tick=False):
        assert notice.pk not in {o.item for o in reconcile_due()}
        [incident] = open_incidents()
        problem = incident.problem
        assert "lainattu" not in problem.lower()
        named = (
            f"page {news.pk} “Naapurikiista: … … valitti” "
            "(site city, last edited by uutistoimittaja)"
        )
        assert named in problem
        assert "static output" in problem
