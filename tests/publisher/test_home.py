"""The home page's parts that come from other pages: the editors' top tasks (the chosen
pages' titles and addresses) and the notices on view. Each must follow its page through
an incremental build as a full build would show it: renamed, moved out of the site, or a
notice's display period ended."""

from datetime import timedelta

import pytest
import time_machine

from django.utils import timezone

from cms.notices.models import NoticePage
from cms.pages.models import ContentPage, HomePage
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from publisher.builds.incremental import ChangeSet, publish_changes
from publisher.release import folders as release

pytestmark = pytest.mark.django_db


def home_html() -> str:
    return (release.current("city") / "index.html").read_text()


def tasks_of(html: str) -> list[str]:
    section = html.split('aria-labelledby="tasks-heading"', 1)[1].split("</section>", 1)[0]
    return [part.split("</a>", 1)[0].split(">", 1)[1] for part in section.split('class="task"')[1:]]


def test_top_tasks_show_the_chosen_pages_as_they_are_now(city_content):
    assert publish_full().ok
    assert tasks_of(home_html()) == [
        "Varhaiskasvatus",
        "Jätehuolto ja kierrätys",
        "Pysäköinti",
        "Työpaikat",
        "Päätöksenteko",
        "Kuulutukset",
    ]
    parking = ContentPage.objects.get(slug="pysakointi", locale__language_code="fi")
    parking.title = "Pysäköinti ja pysäköintiluvat"
    parking.save_revision().publish()
    jobs = ContentPage.objects.get(slug="tyopaikat", locale__language_code="fi")
    jobs.unpublish()
    assert publish_changes(ChangeSet(page_ids={parking.pk, jobs.pk})).ok
    html = home_html()
    assert "Pysäköinti ja pysäköintiluvat" in tasks_of(html)
    assert "Työpaikat" not in tasks_of(html) and "/palvelut/tyopaikat/" not in html
    # An editor's own link text wins over the page's title.
    home = HomePage.objects.get(slug="city")
    home.top_tasks = [("task", {"page": parking, "url": "", "label": "Pysäköi"})]
    home.save_revision().publish()
    assert publish_changes(ChangeSet(page_ids={home.pk})).ok
    assert tasks_of(home_html()) == ["Pysäköi"]


def test_home_page_lists_the_notices_on_view_until_their_period_ends(city_content):
    on_view = [
        n for n in NoticePage.objects.live().filter(locale__language_code="fi") if not n.ended()
    ]
    assert on_view
    now = timezone.now()
    assert publish_full(now=now).ok
    for notice in on_view:
        assert f'/kuulutukset/{notice.slug}/"' in home_html()
    # The clock passes the last one's end; the removal (as the scheduler runs it) ends them
    # and publishes: the home page lists none of them as on view.
    later = max(n.ends_at for n in on_view) + timedelta(minutes=1)
    with time_machine.travel(later, tick=False):
        ended = {outcome.item for outcome in reconcile_due()}
    assert {n.pk for n in on_view} <= ended
    html = home_html()
    section = html.split('aria-labelledby="notices-heading"', 1)[1].split("</section>", 1)[0]
    assert 'class="tag"' not in section  # no notice shown as on view
    assert "Kaikki kuulutukset" in section
