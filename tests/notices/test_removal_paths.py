"""Notices whose data leaves by other paths: deleted before the deadline (the notice or its
section), a personal attachment linked from another page, an unpublished notice and a copy
of it, and a translation made later (on view for the same period)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine

from django.utils import timezone

from cms.notices.models import (
    NoticeAttachment,
    NoticePage,
)
from cms.removal import privacy, receipts
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from publisher.release import folders as release
from tests.notices.removal_kit import (
    END,
    SECOND,
    START,
    notices_section,
    publish_page,
    published_notice,
    raw_hits,
)

# Bound by builds and every store's search, and the removal's database step is the same ORM
# code on both databases (the canary test in test_removal.py runs it on PostgreSQL too):
# once, on SQLite.
pytestmark = pytest.mark.slow


@pytest.mark.parametrize("what", ["notice", "section"])
def test_a_notice_deleted_before_its_deadline_takes_its_personal_data_at_once(
    city_content, settings, what
):
    from wagtail.documents.models import Document

    token = f"Poistettu{what}"
    with time_machine.travel(START, tick=False):
        notice = published_notice(token)
        publish_full()
        document = NoticeAttachment.objects.get(page=notice).document
        file = Path(settings.MEDIA_ROOT) / document.file.name
    with time_machine.travel(START + timedelta(days=2), tick=False):  # well before its end
        (notice if what == "notice" else notices_section()).delete()
        assert not Document.objects.filter(pk=document.pk).exists()  # the CMS has it no more
        assert [o.item for o in reconcile_due() if o.item == notice.pk] == [notice.pk]
        assert not file.exists()
        [receipt] = [r for r in receipts.read() if r["item"] == notice.pk]
        assert receipt["policy"] == "remove"
        assert raw_hits([token]) == {}
        assert privacy.verify(timezone.now()) == []


def test_a_personal_attachment_linked_from_another_page_leaves_it_with_the_removal(
    city_content, settings
):
    from wagtail.models import Page
    from wagtail.rich_text import RichText

    from cms.pages.models import ContentPage
    from tests.factories import ContentPageFactory, SectionIndexPageFactory

    token = "Linkitetty"
    with time_machine.travel(START, tick=False):
        notice = published_notice(token)
        document = NoticeAttachment.objects.get(page=notice).document
        # Linked from a service page before links were checked: in rich text and as a block.
        section = SectionIndexPageFactory(parent=Page.objects.get(slug="city"))
        publish_page(section)
        page = ContentPageFactory(
            parent=section,
            body=[
                (
                    "paragraph",
                    RichText(
                        f'<p>Katso <a linktype="document" id="{document.pk}">kuuleminen</a>.</p>'
                    ),
                ),
                ("document", {"document": document, "label": "Asemapiirros"}),
            ],
        )
        publish_page(page)
        publish_full()
        live = release.current("city")
        page_file = live / page.url_path.removeprefix("/city/") / "index.html"
        assert document.file.name.rsplit("/", 1)[-1] in page_file.read_text()
    with time_machine.travel(END + SECOND, tick=False):
        assert notice.pk in {o.item for o in reconcile_due()}
        page = ContentPage.objects.get(pk=page.pk)
        stored = page.body.raw_data
        assert [block["type"] for block in stored] == ["paragraph", "paragraph"]
        assert "Katso kuuleminen." in stored[0]["value"] and "linktype" not in stored[0]["value"]
        assert "Asemapiirros" in stored[1]["value"]  # the link's text stays
        draft = str(page.latest_revision.content["body"])
        assert "linktype" not in draft and '"document"' not in draft  # the revision too
        html = (release.current("city") / page_file.relative_to(live)).read_text()
        assert "Katso kuuleminen." in html and "Asemapiirros" in html
        assert document.file.name.rsplit("/", 1)[-1] not in html
        assert raw_hits([token]) == {}
        assert privacy.verify(timezone.now()) == []


def test_an_unpublished_notice_and_a_copy_lose_their_personal_data_at_their_deadlines(
    city_content,
):
    token = "Vedettyjakopio"
    with time_machine.travel(START, tick=False):
        withdrawn = published_notice(token)
        withdrawn.unpublish()  # withdrawn while on view: the data waits for its deadline
        original = published_notice(f"{token}B")
        publish_full()
    with time_machine.travel(START + timedelta(days=3), tick=False):
        # A copy made three days later is a notice of its own, with its own period.
        copy = original.copy(update_attrs={"slug": "kopio", "title": "Kopio"}, keep_live=True)
        assert copy.display_from == timezone.now() and copy.ends_at > original.ends_at
        assert copy.personal_data_removed_at is None
    with time_machine.travel(END + SECOND, tick=False):
        finished = {o.item for o in reconcile_due()}
        assert {withdrawn.pk, original.pk} <= finished and copy.pk not in finished
        assert f"{token}B" in NoticePage.objects.get(pk=copy.pk).persons_concerned
    with time_machine.travel(copy.ends_at + SECOND, tick=False):
        assert copy.pk in {o.item for o in reconcile_due()}
        assert raw_hits([token, f"{token}B"]) == {}
        assert privacy.verify(timezone.now()) == []


def test_a_translation_made_later_is_on_view_for_the_same_period(city_content):
    from wagtail.models import Locale

    with time_machine.travel(START, tick=False):
        notice = published_notice("Kaannetty")
    with time_machine.travel(START + timedelta(days=5), tick=False):
        swedish = notice.copy_for_translation(Locale.objects.get(language_code="sv"))
        assert swedish.display_from == notice.display_from
        assert swedish.ends_at == notice.ends_at == END
