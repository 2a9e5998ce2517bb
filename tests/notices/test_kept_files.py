"""A notice's kept or redacted file is checked again at removal: one that still names the
person (saved from code, or replaced after the form checked it) stops the removal with an
incident naming the file, and the removal finishes once the file is fixed; a full build
running while a removal deletes an attachment succeeds without it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import time_machine

from django.core.files.base import ContentFile

from cms.notices.models import NoticeAttachment
from cms.removal.incidents import open_incidents
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from publisher.release import folders as release
from tests.documents import pdf
from tests.factories import DocumentFactory
from tests.notices.removal_kit import END, SECOND, START, published_notice

# Bound by builds and searches of every store, not by the database: once, on SQLite.
pytestmark = pytest.mark.slow


def test_a_redacted_version_still_naming_the_person_is_an_incident(city_content):
    token = "Versiolipsahdus"
    with time_machine.travel(START, tick=False):
        notice = published_notice(token)
        redacted = DocumentFactory(
            title="Kuuleminen (versio ilman henkilötietoja)",
            file__filename="kuuleminen-versio.pdf",
            file__data=pdf(f"Asianosainen {token} Naapuri (versio ilman henkilötietoja)"),
        )
        NoticeAttachment.objects.filter(page=notice).update(redacted_document=redacted)
        publish_full()
    with time_machine.travel(END + SECOND, tick=False):
        assert notice.pk not in {o.item for o in reconcile_due()}
        [incident] = open_incidents()
        assert incident.item_id == notice.pk and "media files (document" in incident.problem
        assert f"document {redacted.pk} “Kuuleminen (versio ilman henkilötietoja)”" in (
            incident.problem
        )
        assert token.lower() not in incident.problem.lower()
        # The officer replaces the file with a real redacted version (the old one gone from
        # the media too: the round searches every store): the next round finishes.
        redacted.file.delete(save=False)
        redacted.file.save("kuuleminen-versio.pdf", ContentFile(pdf("Asianosainen [poistettu]")))
        done = {o.item for o in reconcile_due()}
        assert notice.pk in done, [i.problem for i in open_incidents()]
        assert not open_incidents().exists()


def test_a_full_build_outlives_an_attachment_deleted_under_it(city_content, settings):
    # The removal deletes the file after the build's export has read the notice (its
    # attachment still in the database): the build leaves the file out and succeeds.
    with time_machine.travel(START, tick=False):
        notice = published_notice("Kesken")
        document = NoticeAttachment.objects.get(page=notice).document
        Path(document.file.path).unlink()
        # (No earlier release to take the file from: the build reads it from the media.)
        shutil.rmtree(settings.OUTPUT_DIR, ignore_errors=True)
        result = publish_full()
    assert result.ok, [site.error for site in result.sites]
    live = release.current("city")
    assert (live / "kuulutukset" / notice.slug / "index.html").is_file()
    assert not (live / "documents" / str(document.pk) / document.filename).exists()
