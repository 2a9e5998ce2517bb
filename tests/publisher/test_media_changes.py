"""Changing or deleting an image or document republishes every page that uses it (found
through Wagtail's reference index), and a deleted file leaves the live release."""

import io
import re
from pathlib import Path

import pytest

from django.core.files.images import ImageFile

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import ReferenceIndex

import publisher.worker.queue
from cms.demo.media import landscape_jpeg
from cms.pages.models import ContentPage
from publisher.builds.full import publish_full
from publisher.models import PublishRequest
from publisher.release import folders as release
from publisher.tasks import MEDIA_QUEUE, make_renditions
from publisher.worker.queue import process_pending
from tests import factories

pytestmark = pytest.mark.django_db


def live(path: str) -> Path:
    return Path(release.current("city")) / path


def test_renaming_and_deleting_a_document_republishes_the_pages_using_it(
    city_content, django_capture_on_commit_callbacks
):
    publish_full()
    document = Document.objects.get(title="Jätehuoltomääräykset 2026")
    page = ContentPage.objects.get(slug="jatehuolto", locale__language_code="fi")
    path = f"{page.url_path.removeprefix('/city/')}index.html"
    link = f"/documents/{document.pk}/{document.filename}"
    assert link in live(path).read_text()
    assert live(link.lstrip("/")).is_file()

    document.title = "Jätehuoltomääräykset 2027"
    with django_capture_on_commit_callbacks(execute=True):
        document.save()
    assert "Jätehuoltomääräykset 2027" in live(path).read_text()

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()
    assert link not in live(path).read_text()
    assert not live(link.lstrip("/")).exists()
    assert not PublishRequest.objects.exists()


def test_deleting_an_image_republishes_the_pages_using_it(
    city_content, django_capture_on_commit_callbacks
):
    publish_full()
    page = ContentPage.objects.get(slug="asuminen", locale__language_code="fi")
    path = f"{page.url_path.removeprefix('/city/')}index.html"
    sources = set(re.findall(r'(?:src|srcset)="(/media/[^" ]+)', live(path).read_text()))
    assert sources and all(live(src.lstrip("/")).is_file() for src in sources)
    used = ReferenceIndex.get_references_for_object(page.specific)
    image = next(
        Image.objects.get(pk=ref.to_object_id)
        for ref in used
        if ref.to_content_type.model_class() is Image
    )
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    html = live(path).read_text()
    assert not any(src in html for src in sources)
    assert not any(live(src.lstrip("/")).exists() for src in sources)


def test_a_new_image_never_holds_a_publish_and_follows_when_its_renditions_exist(
    city_content, django_capture_on_commit_callbacks, monkeypatch
):
    """An editor adds a big photo and publishes: the page's text goes live at once without
    making a single rendition; the renditions task (its own queue and worker) makes them
    and republishes, and then the page shows the picture."""
    # The tests' task backend runs a task the moment it is queued; the renditions worker
    # is another process. Hold the queued tasks to run them where that worker would.
    queued: list[int] = []
    # Held: the queue hands images to this instead of the renditions task.
    monkeypatch.setattr(publisher.worker.queue, "enqueue_renditions", queued.append)
    publish_full()
    photo = factories.ImageFactory(
        title="Rantakuva",
        file=ImageFile(
            io.BytesIO(landscape_jpeg("lake", seed=7, width=2400, height=1600)),
            name="rantakuva.jpg",
        ),
    )
    assert not photo.renditions.exists()
    page = ContentPage.objects.get(slug="asuminen", locale__language_code="fi")
    page.lead = "Uusi kuva rannasta."
    page.body.append(("image", {"image": photo, "alt_text": "Ranta illalla", "caption": ""}))
    page.save_revision().publish()
    result = process_pending()
    assert result.ok and result.awaiting_images == {photo.pk}
    path = f"{page.url_path.removeprefix('/city/')}index.html"
    html = live(path).read_text()
    assert "Uusi kuva rannasta." in html and "Ranta illalla" not in html
    assert not photo.renditions.exists(), "the publish made no rendition"
    assert queued == [photo.pk], "the renditions task was queued"

    assert make_renditions.queue_name == MEDIA_QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        made = make_renditions.call(photo.pk)
    assert made > 0 and photo.renditions.count() == made
    # Its commit queued the republish, which the tests' backend ran at once.
    assert not PublishRequest.objects.exists()
    html = live(path).read_text()
    assert 'alt="Ranta illalla"' in html
    avif = re.search(r'srcset="(/media/[^" ]+\.avif)', html).group(1)
    assert live(avif.lstrip("/")).is_file()
    assert make_renditions.call(photo.pk) == 0, "nothing left to make"
