"""One page that cannot be rendered stops nothing else: through the worker's queue, the
page is left out of its site (never its earlier version kept live in its place), every
other change goes live, the admin shows the error on the page, its last editor gets one
e-mail however often the build runs again, and a full build leaves out the same page; once
the page renders again, it is back and the problem is gone."""

from __future__ import annotations

import pytest

from django.core import mail

from wagtail.models import Page

from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.models import PageProblem, PublishRequest
from publisher.release import folders as release
from publisher.render.outputs import pages as page_outputs
from publisher.worker.queue import process_pending
from tests import factories

# Builds through the queue, bound by rendering: once, on SQLite.
pytestmark = pytest.mark.slow


def _html(page: ContentPage) -> str | None:
    path = release.current("city") / page.url_path.removeprefix("/city/") / "index.html"
    return path.read_text() if path.exists() else None


def test_a_page_that_cannot_be_rendered_is_left_out_and_its_editor_told(
    city_content, monkeypatch, client
):
    city = Page.objects.get(slug="city")
    broken, other = ContentPage.objects.live().descendant_of(city).order_by("path")[:2]
    publish_full()
    PublishRequest.objects.all().delete()
    assert _html(broken) is not None
    editor = factories.UserFactory(email="toimittaja@kaislahti.example", is_superuser=True)
    original = page_outputs.page_outputs

    def failing(g, record):
        if record["id"] == broken.pk:
            raise ValueError("rikkinäinen sivu")
        original(g, record)

    monkeypatch.setattr(page_outputs, "page_outputs", failing)
    broken.title = "Rikkinäinen versio"
    broken.save_revision(user=editor).publish()
    other.title = "Toinen sivu muokattu"
    other.save_revision().publish()
    assert process_pending().ok
    assert "Toinen sivu muokattu" in _html(other)
    assert _html(broken) is None  # left out, not its earlier version
    [problem] = PageProblem.objects.all()
    assert problem.page_id == broken.pk and "rikkinäinen sivu" in problem.error
    [alert] = mail.outbox
    assert alert.to == [editor.email] and "Rikkinäinen versio" in alert.subject

    # Built again (another edit, and a full build): still left out, no second e-mail.
    other.save_revision().publish()
    assert process_pending().ok
    publish_full()
    assert _html(broken) is None and "Toinen sivu muokattu" in _html(other)
    assert len(mail.outbox) == 1

    client.force_login(editor)
    shown = client.get(f"/admin/pages/{broken.pk}/edit/", follow=True).content.decode()
    assert "rikkinäinen sivu" in shown

    monkeypatch.setattr(page_outputs, "page_outputs", original)
    broken.save_revision(user=editor).publish()
    assert process_pending().ok
    assert "Rikkinäinen versio" in _html(broken)
    assert not PageProblem.objects.exists()


def test_a_page_at_the_publishers_own_address_is_left_out(city_content):
    """A copy, a move or a bulk publish does not pass the page form's slug check: the
    build leaves the page out, in full and incremental builds alike, and says why."""
    city = Page.objects.get(slug="city")
    publish_full()
    PublishRequest.objects.all().delete()
    swedish_home = (release.current("city") / "sv" / "index.html").read_text()
    taken = factories.ContentPageFactory(parent=city, slug="sv", title="Kaappaus")
    taken.save_revision().publish()
    assert process_pending().ok
    assert (release.current("city") / "sv" / "index.html").read_text() == swedish_home
    assert "AddressTaken" in PageProblem.objects.get(page_id=taken.pk).error
    publish_full()
    assert (release.current("city") / "sv" / "index.html").read_text() == swedish_home


def test_a_page_whose_address_no_folder_can_have_is_left_out_at_once(city_content):
    """A slug of 400 bytes (200 × ä: an import, an older revision) cannot be a folder's
    name: the first build after its publish leaves that page out, the rest goes live."""
    city = Page.objects.get(slug="city")
    publish_full()
    PublishRequest.objects.all().delete()
    long = factories.ContentPageFactory(parent=city, slug="ä" * 200, title="Pitkä osoite")
    long.save_revision().publish()
    other = ContentPage.objects.live().child_of(city).exclude(pk=long.pk).first()
    other.title = "Toinen muutos samalla kertaa"
    other.save_revision().publish()
    assert process_pending().ok
    assert "Toinen muutos samalla kertaa" in (_html(other) or "")
    assert PageProblem.objects.filter(page_id=long.pk).exists()
