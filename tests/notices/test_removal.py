"""Notices on the real city site: the page before and after its deadline (controlled time,
across a DST change and a public holiday), a canary run over many notices with every store
searched for the planted tokens, a run stopped after its database step, and the proof that
``verify_privacy`` fails when a token comes back anywhere."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from wagtail.admin.models import FormState
from wagtail.models import Comment

from cms.core.models import SiteProfile
from cms.notices import receipts, richtext
from cms.notices.due import due
from cms.notices.models import (
    NoticeAttachment,
    NoticeIndexPage,
    NoticePage,
    NoticeRemoval,
    NoticeType,
)
from cms.notices.period import HELSINKI
from cms.removal import privacy
from cms.removal.reconciler import reconcile_due, redact_database
from publisher import release
from publisher.incremental import ChangeSet, publish_changes
from publisher.publish import publish_full
from tests.factories import (
    DocumentFactory,
    FileDeletionTaskFactory,
    NoticeIndexPageFactory,
    NoticePageFactory,
    UserFactory,
)
from tests.notices import raw_reader

# Monday 15 March 2027, 10.00 in Helsinki. 14 days on view: Monday 29 March is Easter
# Monday, so the period ends at the end of Tuesday 30 March, in summer time (DST began on
# the 28th): 31 March 00.00 +03:00.
START = datetime(2027, 3, 15, 10, 0, tzinfo=HELSINKI)
END = datetime(2027, 3, 31, 0, 0, tzinfo=HELSINKI)
SECOND = timedelta(seconds=1)


def _section() -> NoticeIndexPage:
    home = SiteProfile.objects.get(key="city").site.root_page
    section = NoticeIndexPage.objects.child_of(home).first()
    if section is None:
        section = NoticeIndexPageFactory(parent=home)
        section.save_revision().publish()
    return section


def _publish(page) -> None:
    page.save_revision().publish()


def _live(path: str) -> str:
    return (release.current("city") / path.lstrip("/") / "index.html").read_text()


def _page(notice: NoticePage) -> str:
    return _live(f"/kuulutukset/{notice.slug}/")


def _notice(token: str, **fields) -> NoticePage:
    """A published notice with ``token`` in every personal field, span and attachment,
    on view for the default 14 days (no appeal period that would extend it)."""
    fields.setdefault("appeal_days", None)
    attachment = DocumentFactory(
        title=f"Naapurikuuleminen {token}",
        file__filename=f"kuuleminen-{token.lower()}.txt",
        file__data=f"Asianosainen {token} Kuusitie 5".encode(),
    )
    page = NoticePageFactory(
        parent=_section(),
        # Not the token: the address, like the title, is kept.
        slug=fields.pop("slug", f"kuulutus-{sum(map(ord, token))}"),
        body=fields.pop(
            "body",
            f'<p>Hakija <span class="personal-data">{token} Hakija</span> on saanut luvan.</p>',
        ),
        persons_concerned=f"{token} Naapuri\nRantakatu 7 {token}",
        contact_name=f"{token} Yhteyshenkilö",
        contact_phone="040 765 4321",
        contact_email=f"{token.lower()}@kaislahti.example",
        **fields,
    )
    NoticeAttachment.objects.create(page=page, document=attachment, personal=True)
    _publish(NoticePage.objects.get(pk=page.pk))
    return NoticePage.objects.get(pk=page.pk)


def _raw_hits(tokens: list[str]) -> dict[str, set[str]]:
    """Where each token still is, found by a reader that shares no code with the product
    (``raw_reader.py``): every column of every table, every file under media and output
    and its name, decoded as a reader would."""
    from django.conf import settings

    return raw_reader.hits(tokens, Path(settings.MEDIA_ROOT), Path(settings.OUTPUT_DIR))


def test_the_page_one_second_before_and_after_the_deadline(city_content):
    with time_machine.travel(START, tick=False):
        notice = _notice("Kanarialintu")
        assert notice.ends_at == END
        assert notice.deemed_served.isoformat() == "2027-03-22"
        publish_full()
        html = _page(notice)
        assert "Kanarialintu Hakija" in html and "noindex" in html
        assert "22.3.2027" in html or "22. maaliskuuta 2027" in html
        marker = release.current("city") / f"kuulutukset/{notice.slug}/index.html.noindex"
        assert marker.exists()

    with time_machine.travel(END - SECOND, tick=False):
        # The demo's notices ended long before; this one has a second to go.
        assert notice.pk not in due(timezone.now())
        assert notice.pk not in [o.page_id for o in reconcile_due()]
        publish_changes(ChangeSet())
        assert "Kanarialintu Hakija" in _page(notice)

    with time_machine.travel(END + SECOND, tick=False):
        assert due(timezone.now()) == [notice.pk]
        [outcome] = reconcile_due()
        assert outcome.page_id == notice.pk
        assert datetime.fromisoformat(outcome.receipt["deadline"]) == END
        html = _page(notice)
        assert "Kanarialintu" not in html
        assert "[henkilötieto poistettu]" in html
        assert notice.title in html  # the title describes the matter and stays
        assert "noindex" not in html
        assert not marker.exists()
        listing = _live("/kuulutukset/")
        assert notice.title in listing.split('id="archive"')[1]
        assert privacy.verify(timezone.now()) == []
        # Idempotent: nothing is left to do, and a second run changes nothing.
        assert reconcile_due() == []


def test_canary_tokens_leave_every_store(city_content, settings):
    tokens = [f"Kanaria{n}x{n * 7}" for n in range(8)]
    with time_machine.travel(START, tick=False):
        notices = []
        officer = UserFactory(username="lakimies")
        for number, token in enumerate(tokens):
            kind = [NoticeType.DECISION, NoticeType.BUILDING_PERMIT][number % 2]
            page = _notice(token, notice_type=kind)
            # An older revision with another contact, and a reviewer's comment.
            page.contact_name = f"{token} Edellinen"
            page.save_revision()
            Comment.objects.create(
                page=page,
                user=officer,
                text=f"Tarkista {token} osoite",
                contentpath="body",
                revision_created=page.latest_revision,
            )
            notices.append(page)
        # The admin's preview panel keeps an unsaved form: an edit of one notice, a new
        # page holding another's data, and an unrelated new notice that must stay.
        kind = ContentType.objects.get_for_model(NoticePage, for_concrete_model=False)
        for object_id, contact in [
            (str(notices[2].pk), f"{tokens[2]} Yhteyshenkilö"),
            ("", f"{tokens[4]} Yhteyshenkilö"),
            ("", "Kaupungin kirjaamo"),
        ]:
            FormState.objects.create(
                user=officer,
                content_type=kind,
                object_id=object_id,
                parent_object_id="" if object_id else str(_section().pk),
                data=urlencode({"title": "Päätös", "contact_name": contact}),
                last_updated_at=timezone.now(),
            )
        # A file deletion queued for the task worker keeps the file's name, and the name
        # holds the token ("kuuleminen-kanaria1x7.txt"); an unrelated one stays as it was.
        name = NoticeAttachment.objects.get(page=notices[1]).document.file.name
        for file in (name, "documents/kirjaamo.txt"):
            FileDeletionTaskFactory(name=file)
        # One attachment comes with a redacted version, which stays.
        redacted = DocumentFactory(title="Päätös (poistettu henkilötiedot)")
        first = NoticeAttachment.objects.get(page=notices[0])
        first.redacted_document = redacted
        first.save()
        _publish(NoticePage.objects.get(pk=notices[0].pk))
        result = publish_full()
        assert result.ok and result.index_error is None
        before = _raw_hits(tokens)
        assert set(before) == set(tokens)
        attachments = {t: w for t, w in before.items() if any("media/documents" in p for p in w)}
        assert set(attachments) == set(tokens)
        # The independent reader finds each one in the database and in the static sites
        # too: its "nothing left" below is worth something.
        output = str(settings.OUTPUT_DIR)
        for token, where in before.items():
            assert any(not w.startswith("/") for w in where), (token, "database")
            assert any(w.startswith(output) for w in where), (token, "static output")

    with time_machine.travel(END + SECOND, tick=False):
        reconciled = {o.page_id for o in reconcile_due()}
        assert {n.pk for n in notices} <= reconciled
        assert _raw_hits(tokens) == {}
        assert privacy.verify(timezone.now()) == []
        call_command("verify_privacy")
        assert [s.data for s in FormState.objects.all()] == [
            urlencode({"title": "Päätös", "contact_name": "Kaupungin kirjaamo"})
        ]
        assert sorted(r.args_kwargs["args"][1] for r in DBTaskResult.objects.all()) == sorted(
            [richtext.marker(), "documents/kirjaamo.txt"]
        )
        kept = NoticePage.objects.filter(pk__in=[n.pk for n in notices])
        assert {n.notice_type for n in kept} == {NoticeType.DECISION}
        assert list(kept.get(pk=notices[0].pk).attachments.values_list("document", flat=True)) == [
            redacted.pk
        ]

        # Plant a token back, one store at a time: the proof names store and notice.
        live = release.current("tourism") or release.current("city")
        planted = live / "index.html"
        original = planted.read_bytes()
        # A removed value (a person concerned), copied back into another site's page.
        planted.write_bytes(
            original.replace(b"</main>", f"<p>{tokens[3]} Naapuri</p></main>".encode())
        )
        findings = privacy.verify(timezone.now())
        assert [(f.store, f.notice) for f in findings] == [("static output", notices[3].pk)]
        with pytest.raises(SystemExit):
            call_command("verify_privacy")
        planted.write_bytes(original)

        page = NoticePage.objects.get(pk=notices[0].pk)
        NoticePage.objects.filter(pk=page.pk).update(lead=f"Koskee {tokens[0]} Hakija")
        findings = privacy.verify(timezone.now())
        assert {(f.store, f.notice) for f in findings} == {("database", notices[0].pk)}
        NoticePage.objects.filter(pk=page.pk).update(lead=page.lead)

        # URL-encoded, as a preview form state holds it ("Yhteyshenkil%C3%B6").
        state = FormState.objects.get()
        FormState.objects.filter(pk=state.pk).update(
            data=urlencode({"contact_name": f"{tokens[2]} Yhteyshenkilö"})
        )
        findings = privacy.verify(timezone.now())
        assert {(f.store, f.where, f.notice) for f in findings} == {
            ("database", "wagtailadmin_formstate.data", notices[2].pk)
        }
        FormState.objects.filter(pk=state.pk).update(data=state.data)

        # A deleted file's name, back in a task's arguments.
        task = FileDeletionTaskFactory(name=name)
        findings = privacy.verify(timezone.now())
        assert {(f.store, f.where, f.notice) for f in findings} == {
            ("database", "django_tasks_database_dbtaskresult.args_kwargs", notices[1].pk)
        }
        task.delete()

        copy = Path(settings.MEDIA_ROOT) / "restored-from-a-backup.bin"
        copy.write_bytes(f"Asianosainen {tokens[5]} Kuusitie 5".encode())
        findings = privacy.verify(timezone.now())
        assert {(f.store, f.notice) for f in findings} == {("media files", notices[5].pk)}
        copy.unlink()
        assert privacy.verify(timezone.now()) == []


def test_a_run_stopped_after_its_database_step_is_finished_by_the_next(city_content, settings):
    with time_machine.travel(START, tick=False):
        notice = _notice("Keskeytys")
        publish_full()
        document = NoticeAttachment.objects.get(page=notice).document
        file = Path(settings.MEDIA_ROOT) / document.file.name
    with time_machine.travel(END + SECOND, tick=False):
        # As if killed right after the commit: the rows are redacted, nothing else is.
        journal = redact_database(notice.pk, timezone.now())
        assert journal.redacted_at is not None and journal.finished_at is None
        assert file.exists()
        assert "Keskeytys Hakija" in _page(notice)
        assert [f.store for f in privacy.verify(timezone.now())][:1] == ["database"]
        assert notice.pk in [o.page_id for o in reconcile_due()]
        assert not file.exists()
        assert "Keskeytys" not in _page(notice)
        assert privacy.verify(timezone.now()) == []
        # As if killed after the receipt was written, before the journal was closed: the
        # next run closes it, and the receipt is not written twice.
        NoticeRemoval.objects.filter(page_id=notice.pk).update(finished_at=None)
        assert notice.pk in [o.page_id for o in reconcile_due()]
        mine = [r for r in receipts.read() if r["notice"] == notice.pk]
        assert len(mine) == 1 and "replayed" not in mine[0]
        # The run that finished the job timed its own steps (the database's was done before).
        assert set(mine[0]["seconds"]) == {"files", "publish", "purge", "verify"}
        assert due(timezone.now()) == []


def test_a_failure_inside_the_database_step_changes_nothing(city_content, monkeypatch):
    with time_machine.travel(START, tick=False):
        notice = _notice("Peruutus")
        publish_full()
    with time_machine.travel(END + SECOND, tick=False):
        from cms.removal import reconciler

        def broken(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(reconciler, "_scrub_logs", broken)
        with pytest.raises(RuntimeError):
            reconciler.reconcile(notice.pk)
        assert NoticePage.objects.get(pk=notice.pk).contact_name == "Peruutus Yhteyshenkilö"
        monkeypatch.undo()
        assert notice.pk in [o.page_id for o in reconcile_due()]
        assert privacy.verify(timezone.now()) == []


def test_a_title_and_address_that_name_the_person_lose_the_name_and_the_removal_finishes(
    city_content,
):
    # Saved from code (the admin refuses to publish it): an older notice, or one approved
    # in a workflow, may still have its person in the title, lead and address.
    token = "Kanarianimi"
    with time_machine.travel(START, tick=False):
        notice = _notice(
            token,
            title=f"Poikkeamispäätös, {token.upper()}  NAAPURI",  # another case and spacing
            lead=f"Hakija {token} Hakija sai luvan.",  # an unmarked copy of a marked span
            slug=f"poikkeamispaatos-{token.lower()}-naapuri",
        )
        publish_full()
        old_address = release.current("city") / "kuulutukset" / notice.slug
        assert token in _page(notice)
    with time_machine.travel(END + SECOND, tick=False):
        # Finished in one run, not retried for ever (the demo's ended notices go too).
        [outcome] = [o for o in reconcile_due() if o.page_id == notice.pk]
        assert outcome.receipt["needles"]
        notice = NoticePage.objects.get(pk=notice.pk)
        assert notice.title.startswith("Poikkeamispäätös, ")
        assert token.casefold() not in notice.slug
        html = _page(notice)
        assert "Poikkeamispäätös" in html and token not in html
        left = release.current("city") / "kuulutukset" / old_address.name
        assert not left.exists(), sorted(str(p) for p in left.rglob("*"))
        # Nowhere at all: every text column, file, file name, the redirects included.
        assert _raw_hits([token]) == {}
        assert privacy.verify(timezone.now()) == []
        assert due(timezone.now()) == []


@pytest.mark.parametrize("what", ["notice", "section"])
def test_a_notice_deleted_before_its_deadline_takes_its_personal_data_at_once(
    city_content, settings, what
):
    from wagtail.documents.models import Document

    token = f"Poistettu{what}"
    with time_machine.travel(START, tick=False):
        notice = _notice(token)
        publish_full()
        document = NoticeAttachment.objects.get(page=notice).document
        file = Path(settings.MEDIA_ROOT) / document.file.name
    with time_machine.travel(START + timedelta(days=2), tick=False):  # well before its end
        (notice if what == "notice" else _section()).delete()
        assert not Document.objects.filter(pk=document.pk).exists()  # the CMS has it no more
        assert [o.page_id for o in reconcile_due() if o.page_id == notice.pk] == [notice.pk]
        assert not file.exists()
        [receipt] = [r for r in receipts.read() if r["notice"] == notice.pk]
        assert receipt["policy"] == "remove"
        assert _raw_hits([token]) == {}
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
        notice = _notice(token)
        document = NoticeAttachment.objects.get(page=notice).document
        # Linked from a service page before links were checked: in rich text and as a block.
        section = SectionIndexPageFactory(parent=Page.objects.get(slug="city"))
        _publish(section)
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
        _publish(page)
        publish_full()
        live = release.current("city")
        page_file = live / page.url_path.removeprefix("/city/") / "index.html"
        assert document.file.name.rsplit("/", 1)[-1] in page_file.read_text()
    with time_machine.travel(END + SECOND, tick=False):
        assert notice.pk in {o.page_id for o in reconcile_due()}
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
        assert _raw_hits([token]) == {}
        assert privacy.verify(timezone.now()) == []


def test_an_unpublished_notice_and_a_copy_lose_their_personal_data_at_their_deadlines(
    city_content,
):
    token = "Vedettyjakopio"
    with time_machine.travel(START, tick=False):
        withdrawn = _notice(token)
        withdrawn.unpublish()  # withdrawn while on view: the data waits for its deadline
        original = _notice(f"{token}B")
        publish_full()
    with time_machine.travel(START + timedelta(days=3), tick=False):
        # A copy made three days later is a notice of its own, with its own period.
        copy = original.copy(update_attrs={"slug": "kopio", "title": "Kopio"}, keep_live=True)
        assert copy.display_from == timezone.now() and copy.ends_at > original.ends_at
        assert copy.personal_data_removed_at is None
    with time_machine.travel(END + SECOND, tick=False):
        finished = {o.page_id for o in reconcile_due()}
        assert {withdrawn.pk, original.pk} <= finished and copy.pk not in finished
        assert f"{token}B" in NoticePage.objects.get(pk=copy.pk).persons_concerned
    with time_machine.travel(copy.ends_at + SECOND, tick=False):
        assert copy.pk in {o.page_id for o in reconcile_due()}
        assert _raw_hits([token, f"{token}B"]) == {}
        assert privacy.verify(timezone.now()) == []


def test_a_translation_made_later_is_on_view_for_the_same_period(city_content):
    from wagtail.models import Locale

    with time_machine.travel(START, tick=False):
        notice = _notice("Kaannetty")
    with time_machine.travel(START + timedelta(days=5), tick=False):
        swedish = notice.copy_for_translation(Locale.objects.get(language_code="sv"))
        assert swedish.display_from == notice.display_from
        assert swedish.ends_at == notice.ends_at == END
