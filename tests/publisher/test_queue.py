"""The publishing queue: changes go live through the task, bursts are coalesced, nothing is
lost, and a failed or killed build leaves the live site as it was until a run repairs it."""

import shutil
from pathlib import Path

import pytest

from cms.news.models import NewsArticlePage, NewsIndexPage
from cms.pages.models import ContentPage
from publisher.builds import incremental, phases
from publisher.builds.full import publish_full
from publisher.models import PublishRequest, PublishStatus
from publisher.plan.state import drop_state
from publisher.release import folders as release
from publisher.release import reuse
from publisher.worker.queue import process_pending
from tests import factories
from tests.publisher.test_incremental import tree_at

pytestmark = pytest.mark.django_db


def live_text(path: str) -> str:
    return (Path(release.current("city")) / path).read_text()


def test_publishing_a_page_queues_it_and_the_task_makes_it_live(
    city_content, django_capture_on_commit_callbacks
):
    publish_full()
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    page.title = "Pääkirjasto"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page.save_revision().publish()
    assert callbacks, "the task is enqueued only after the change is committed"
    assert "<h1>Pääkirjasto</h1>" in live_text("palvelut/kirjasto/index.html")
    assert not PublishRequest.objects.exists()
    status = PublishStatus.objects.get(site_key="city")
    assert status.last_success_at is not None and status.running_since is None


def test_a_burst_of_100_publishes_is_coalesced_and_none_is_lost(city_content):
    listing = NewsIndexPage.objects.get(url_path="/city/uutiset/")
    pages = [factories.NewsArticlePageFactory(parent=listing) for _ in range(100)]
    publish_full()
    PublishRequest.objects.all().delete()
    # 100 edits of pages that are already live, as fast as editors can click.
    for n, page in enumerate(pages):
        page.title = f"Pikauutinen {n}"
        page.save_revision().publish()
    assert PublishRequest.objects.count() == 100
    result = process_pending()
    assert result.ok
    assert not PublishRequest.objects.exists()
    api = live_text("api/v1/news.json")
    assert all(f"Pikauutinen {n}" in api for n in range(100))
    assert process_pending() is None, "nothing left to do"


def test_a_failed_build_keeps_the_changes_queued_and_the_next_run_repairs(
    city_content, settings, tmp_path
):
    publish_full()
    before = release.current("city")
    good_themes = settings.THEMES_DIR
    broken = tmp_path / "themes"
    shutil.copytree(good_themes, broken)
    (broken / "base/templates/content.html").write_text("{{ page.title|nosuchfilter }}")
    settings.THEMES_DIR = broken
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    page.title = "Kirjasto ja kulttuuri"
    page.save_revision().publish()
    result = process_pending()
    assert not result.ok
    assert release.current("city") == before
    assert PublishRequest.objects.filter(page_id=page.pk).exists()
    assert "nosuchfilter" in PublishStatus.objects.get(site_key="city").last_error

    settings.THEMES_DIR = good_themes
    assert process_pending().ok
    assert "<h1>Kirjasto ja kulttuuri</h1>" in live_text("palvelut/kirjasto/index.html")
    assert not PublishRequest.objects.exists()


class Killed(BaseException):
    """Stands for the process dying: not an Exception, so nothing catches it."""


# Where a build dies is in its file work (releases, deltas, state), not in the database: the
# queue's side of a failed build is tested on both databases above.
@pytest.mark.slow
@pytest.mark.parametrize(
    ("point", "after_switch", "recycling"),
    [
        ("_take_spare", False, False),  # the first change after a full build
        ("start", False, True),
        ("_catch_up", False, True),  # an old release half caught up
        ("write_file", False, True),
        ("record", False, True),
        ("activate", False, True),
        ("save_state", True, True),
        ("prepare_spare", True, True),
    ],
)
def test_a_build_killed_at_any_point_leaves_a_complete_release_live(
    city_content, monkeypatch, point, after_switch, recycling
):
    publish_full()
    if recycling:
        # One change first: the killed build then starts from an old release it catches up.
        other = NewsArticlePage.objects.filter(locale__language_code="fi").last()
        other.title = "Ensin tämä"
        other.save_revision().publish()
        assert process_pending().ok
    before = release.current("city")
    page = NewsArticlePage.objects.filter(locale__language_code="fi").first()
    page.title = "Korjattu otsikko"
    page.save_revision().publish()

    def die(*args, **kwargs):
        raise Killed

    target = {"activate": release, "save_state": phases}.get(point, reuse)
    original = getattr(target, point)
    monkeypatch.setattr(target, point, die)
    with pytest.raises(Killed):
        process_pending()
    # Killed before the switch: the previous release; after it: the new one. Never half.
    assert (release.current("city") != before) == after_switch
    assert PublishRequest.objects.exists(), "the change is still queued"

    monkeypatch.setattr(target, point, original)
    assert process_pending().ok
    assert "Korjattu otsikko" in live_text(page.url_path.removeprefix("/city/") + "index.html")
    # What the killed build left (a half caught-up release, a delta) misleads no later
    # build: one more change, and the live site is what a full build makes.
    page.title = "Korjattu taas"
    page.save_revision().publish()
    assert process_pending().ok
    built = tree_at(release.current("city"))
    drop_state()
    assert publish_full().ok
    assert built == tree_at(release.current("city"))


def test_a_build_killed_between_going_live_and_saving_its_state_is_not_trusted(
    city_content, monkeypatch
):
    """Killed after the switch, the state still describes the release before it. If the
    editor then undoes the change, the retry renders exactly what that old state knew:
    trusting it would keep the undone title live. The site is rebuilt whole instead."""
    publish_full()
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    original = page.title
    page.title = "Väliaikainen otsikko"
    page.save_revision().publish()
    monkeypatch.setattr(phases, "save_state", lambda state: (_ for _ in ()).throw(Killed))
    with pytest.raises(Killed):
        process_pending()
    assert "Väliaikainen otsikko" in live_text("palvelut/kirjasto/index.html")
    monkeypatch.undo()
    page.title = original
    page.save_revision().publish()
    assert process_pending().ok
    html = live_text("palvelut/kirjasto/index.html")
    assert "Väliaikainen otsikko" not in html and f"<h1>{original}</h1>" in html
    assert "Väliaikainen otsikko" not in live_text("palvelut/index.html")


def test_a_change_arriving_during_a_build_is_not_lost(city_content, monkeypatch):
    publish_full()
    first = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    second = ContentPage.objects.get(slug="asuminen", locale__language_code="fi")
    first.title = "Kirjasto A"
    first.save_revision().publish()

    real = incremental.publish_changes

    def build_while_someone_publishes(changes, **kwargs):
        second.title = "Asuminen B"
        second.save_revision().publish()  # another editor, mid-build
        return real(changes, **kwargs)

    monkeypatch.setattr("publisher.worker.queue.publish_changes", build_while_someone_publishes)
    assert process_pending().ok
    assert "<h1>Kirjasto A</h1>" in live_text("palvelut/kirjasto/index.html")
    assert PublishRequest.objects.filter(page_id=second.pk).exists(), "kept for the next run"

    monkeypatch.setattr("publisher.worker.queue.publish_changes", real)
    assert process_pending().ok
    assert "<h1>Asuminen B</h1>" in live_text("palvelut/asuminen/index.html")
    assert not PublishRequest.objects.exists()


def test_a_build_past_its_time_limit_is_ended_reported_and_retried(
    city_content, settings, monkeypatch
):
    publish_full()
    page = ContentPage.objects.get(slug="kirjasto", locale__language_code="fi")
    page.title = "Hidas otsikko"
    page.save_revision().publish()
    settings.PUBLISH_TIMEOUT_SECONDS = 0.5
    real = incremental.publish_changes

    def hangs(changes, **kwargs):
        import time

        time.sleep(30)  # a build that never ends (a stuck read, say)
        return real(changes, **kwargs)

    monkeypatch.setattr("publisher.worker.queue.publish_changes", hangs)
    result = process_pending()
    assert not result.ok and "limit of 0.5 s" in result.sites[0].error
    status = PublishStatus.objects.get(site_key="city")
    assert "limit" in status.last_error and status.running_since is None
    assert PublishRequest.objects.exists(), "the change stays queued"

    monkeypatch.setattr("publisher.worker.queue.publish_changes", real)
    settings.PUBLISH_TIMEOUT_SECONDS = 300
    assert process_pending().ok  # the retry
    assert "<h1>Hidas otsikko</h1>" in live_text("palvelut/kirjasto/index.html")


def test_a_worker_that_starts_under_other_templates_queues_a_full_build(city_content, monkeypatch):
    """After a deploy changed the themes, translations or the publisher, an incremental
    build would re-render only what changed: the worker queues a full build at its start."""
    from publisher.management.commands.publish_worker import rebuild_for_renderer
    from publisher.plan.state import load_state
    from publisher.render import run as render

    assert publish_full().ok
    PublishRequest.objects.all().delete()
    assert not rebuild_for_renderer(load_state())
    assert not PublishRequest.objects.exists()

    before = release.current("city").name
    monkeypatch.setattr(render, "renderer_fingerprint", lambda: "another deploy")
    assert rebuild_for_renderer(load_state())
    assert PublishRequest.objects.filter(full=True).count() == 1
    monkeypatch.undo()
    result = process_pending()
    assert result is not None and result.ok
    assert release.current("city").name != before
    assert not PublishRequest.objects.exists()
    assert not rebuild_for_renderer(load_state())
