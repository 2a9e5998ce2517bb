"""Edges of a removal met in real use: an attachment linked from a page whose reference index
the queued task has not updated yet, a leftover named without the data it is about, and the
admin's log of a personal attachment.
(Notices of one officer ending together, sharing the contact's details, are run through
the real worker in ``tests/processes/test_notice_cases.py``: the timing that made one's
check find the others' pages not yet rebuilt needs the real clock.)"""

from __future__ import annotations

import pytest
import time_machine

from django.utils import timezone

from wagtail.models import Page, ReferenceIndex
from wagtail.rich_text import RichText

from cms.notices.models import NoticeAttachment
from cms.removal import privacy
from cms.removal.places import Namer
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from publisher.release import folders as release
from tests.factories import ContentPageFactory, SectionIndexPageFactory
from tests.notices.removal_kit import END, SECOND, START, publish_page, published_notice

# Bound by builds and every store's search, and the removal's database step is the same ORM
# code on both databases (the canary test in test_removal.py runs it on PostgreSQL too):
# once, on SQLite.
pytestmark = pytest.mark.slow


def test_a_link_the_reference_index_does_not_know_yet_is_still_taken_out(city_content):
    with time_machine.travel(START, tick=False):
        notice = published_notice("Jonossa")
        document = NoticeAttachment.objects.get(page=notice).document
        section = SectionIndexPageFactory(parent=Page.objects.get(slug="city"))
        publish_page(section)
        link = f'<p>Katso <a linktype="document" id="{document.pk}">kuuleminen</a>.</p>'
        page = ContentPageFactory(parent=section, body=[("paragraph", RichText(link))])
        publish_page(page)
        publish_full()
        # As while the index task waits behind a backlog in the queue.
        ReferenceIndex.remove_for_object(page)
        live = release.current("city")
        path = page.url_path.removeprefix("/city/")
        assert f"/documents/{document.pk}/" in (live / path / "index.html").read_text()
    with time_machine.travel(END + SECOND, tick=False):
        assert notice.pk in {o.item for o in reconcile_due()}
        html = (release.current("city") / path / "index.html").read_text()
        assert "Katso kuuleminen." in html and f"/documents/{document.pk}/" not in html
        assert privacy.verify(timezone.now()) == []


def test_a_file_of_a_page_is_named_by_its_site_and_page_not_its_address(city_content):
    with time_machine.travel(START, tick=False):
        notice = published_notice("Osoitteessa", slug="kuulutus-osoitteessa-naapuri")
        publish_full()
    folder = release.current("city") / "kuulutukset" / notice.slug
    named = Namer()(f"{folder / 'index.html'} (a deleted file)")
    page = f"page {notice.pk} “{notice.title}” (site city, last edited by nobody known)"
    assert named == f"{page}: index.html (a deleted file)"
    assert "osoitteessa" not in named.lower()
    assert Namer()("notices_noticepage.title") == "notices_noticepage.title"


def test_the_admin_log_of_a_personal_attachment_loses_its_title(city_content):
    """Uploaded in the admin, a document is logged under its title ("Kuulemiskirje, Nimi"):
    the log entry stays, as the record of the upload, without the title."""
    from wagtail.log_actions import log
    from wagtail.models import ModelLogEntry

    with time_machine.travel(START, tick=False):
        notice = published_notice("Lokissa")
        document = NoticeAttachment.objects.get(page=notice).document
        document.title = "Kuulemiskirje Lokissa Lokinen"
        document.save()
        log(instance=document, action="wagtail.create")
        publish_full()
    with time_machine.travel(END + SECOND, tick=False):
        assert notice.pk in {o.item for o in reconcile_due()}
        [entry] = ModelLogEntry.objects.filter(object_id=str(document.pk))
        assert "Lokinen" not in entry.label and "Lokinen" not in str(entry.data)
        assert privacy.verify(timezone.now()) == []
