"""Changing or deleting an image or document republishes every page that uses it (found
through Wagtail's reference index), and a deleted file leaves the live release."""

import re
from pathlib import Path

import pytest

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import ReferenceIndex

from cms.pages.models import ContentPage
from publisher import release
from publisher.models import PublishRequest
from publisher.publish import publish_full

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
