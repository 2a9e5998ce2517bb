"""Notices on the real city site: the page before and after its deadline (controlled time,
across a DST change and a public holiday), a canary run over many notices with every store
searched for the planted tokens, a run stopped after its database step, and the proof that
``verify_privacy`` fails when a token comes back anywhere."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from django.core.management import call_command
from django.utils import timezone

from wagtail.admin.models import FormState

from cms.notices import richtext
from cms.notices.models import (
    NoticeAttachment,
    NoticePage,
    NoticeType,
)
from cms.removal import privacy, receipts
from cms.removal.database import redact
from cms.removal.due import due
from cms.removal.models import Removal
from cms.removal.reconciler import reconcile_due
from publisher.builds.full import publish_full
from publisher.builds.incremental import ChangeSet, publish_changes
from publisher.release import folders as release
from tests.factories import (
    FileDeletionTaskFactory,
)
from tests.notices.canaries import canaries
from tests.notices.removal_kit import (
    END,
    SECOND,
    START,
    live_html,
    notice_html,
    publish_page,
    published_notice,
    raw_hits,
)


@pytest.mark.slow  # (once, on SQLite: the canary runs the removal on PostgreSQL)
def test_the_page_one_second_before_and_after_the_deadline(city_content):
    with time_machine.travel(START, tick=False):
        notice = published_notice("Kanarialintu")
        assert notice.ends_at == END
        assert notice.deemed_served.isoformat() == "2027-03-22"
        publish_full()
        html = notice_html(notice)
        assert "Kanarialintu Hakija" in html and "noindex" in html
        assert "22.3.2027" in html or "22. maaliskuuta 2027" in html
        marker = release.current("city") / f"kuulutukset/{notice.slug}/index.html.noindex"
        assert marker.exists()

    with time_machine.travel(END - SECOND, tick=False):
        # The demo's notices ended long before; this one has a second to go.
        assert ("notice", notice.pk) not in due(timezone.now())
        assert notice.pk not in [o.item for o in reconcile_due()]
        publish_changes(ChangeSet())
        assert "Kanarialintu Hakija" in notice_html(notice)

    with time_machine.travel(END + SECOND, tick=False):
        assert due(timezone.now()) == [("notice", notice.pk)]
        [outcome] = reconcile_due()
        assert outcome.item == notice.pk
        assert datetime.fromisoformat(outcome.receipt["deadline"]) == END
        html = notice_html(notice)
        assert "Kanarialintu" not in html
        assert "[henkilötieto poistettu]" in html
        assert notice.title in html  # the title describes the matter and stays
        assert "noindex" not in html
        assert not marker.exists()
        listing = live_html("/kuulutukset/")
        assert notice.title in listing.split('id="archive"')[1]
        assert privacy.verify(timezone.now()) == []
        # Idempotent: nothing is left to do, and a second run changes nothing.
        assert reconcile_due() == []


def test_canary_tokens_leave_every_store(city_content, settings):
    tokens = [f"Kanaria{n}x{n * 7}" for n in range(8)]
    with time_machine.travel(START, tick=False):
        notices, name, redacted = canaries(tokens)
        publish_page(NoticePage.objects.get(pk=notices[0].pk))
        result = publish_full()
        assert result.ok and result.index_error is None
        before = raw_hits(tokens)
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
        reconciled = {o.item for o in reconcile_due()}
        assert {n.pk for n in notices} <= reconciled
        assert raw_hits(tokens) == {}
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

        _planted_back_is_found(notices, tokens, name, settings)


def _planted_back_is_found(notices, tokens: list[str], name: str, settings) -> None:
    """A token put back into any store is found, and the proof names store and notice."""
    live = release.current("tourism") or release.current("city")
    planted = live / "index.html"
    original = planted.read_bytes()
    # A removed value (a person concerned), copied back into another site's page.
    planted.write_bytes(original.replace(b"</main>", f"<p>{tokens[3]} Naapuri</p></main>".encode()))
    findings = privacy.verify(timezone.now())
    assert [(f.store, f.item) for f in findings] == [("static output", notices[3].pk)]
    with pytest.raises(SystemExit):
        call_command("verify_privacy")
    planted.write_bytes(original)

    page = NoticePage.objects.get(pk=notices[0].pk)
    NoticePage.objects.filter(pk=page.pk).update(lead=f"Koskee {tokens[0]} Hakija")
    findings = privacy.verify(timezone.now())
    assert {(f.store, f.item) for f in findings} == {("database", notices[0].pk)}
    NoticePage.objects.filter(pk=page.pk).update(lead=page.lead)

    # URL-encoded, as a preview form state holds it ("Yhteyshenkil%C3%B6").
    state = FormState.objects.get()
    FormState.objects.filter(pk=state.pk).update(
        data=urlencode({"contact_name": f"{tokens[2]} Yhteyshenkilö"})
    )
    findings = privacy.verify(timezone.now())
    assert {(f.store, f.where, f.item) for f in findings} == {
        ("database", "wagtailadmin_formstate.data", notices[2].pk)
    }
    FormState.objects.filter(pk=state.pk).update(data=state.data)

    # A deleted file's name, back in a task's arguments.
    task = FileDeletionTaskFactory(name=name)
    findings = privacy.verify(timezone.now())
    assert {(f.store, f.where, f.item) for f in findings} == {
        ("database", "django_tasks_database_dbtaskresult.args_kwargs", notices[1].pk)
    }
    task.delete()

    copy = Path(settings.MEDIA_ROOT) / "restored-from-a-backup.bin"
    copy.write_bytes(f"Asianosainen {tokens[5]} Kuusitie 5".encode())
    findings = privacy.verify(timezone.now())
    assert {(f.store, f.item) for f in findings} == {("media files", notices[5].pk)}
    copy.unlink()
    assert privacy.verify(timezone.now()) == []


@pytest.mark.slow  # (once, on SQLite: the canary runs the removal on PostgreSQL)
def test_a_run_stopped_after_its_database_step_is_finished_by_the_next(city_content, settings):
    with time_machine.travel(START, tick=False):
        notice = published_notice("Keskeytys")
        publish_full()
        document = NoticeAttachment.objects.get(page=notice).document
        file = Path(settings.MEDIA_ROOT) / document.file.name
    with time_machine.travel(END + SECOND, tick=False):
        # As if killed right after the commit: the rows are redacted, nothing else is.
        journal = redact(kind_name="notice", item=notice.pk, now=timezone.now())
        assert journal.redacted_at is not None and journal.finished_at is None
        assert file.exists()
        assert "Keskeytys Hakija" in notice_html(notice)
        assert [f.store for f in privacy.verify(timezone.now())][:1] == ["database"]
        assert notice.pk in [o.item for o in reconcile_due()]
        assert not file.exists()
        assert "Keskeytys" not in notice_html(notice)
        assert privacy.verify(timezone.now()) == []
        # As if killed after the receipt was written, before the journal was closed: the
        # next run closes it, and the receipt is not written twice.
        Removal.objects.filter(kind="notice", item_id=notice.pk).update(finished_at=None)
        assert notice.pk in [o.item for o in reconcile_due()]
        mine = [r for r in receipts.read() if r["item"] == notice.pk]
        assert len(mine) == 1 and "replayed" not in mine[0]
        # The run that finished the job timed its own steps (the database's was done before).
        assert set(mine[0]["seconds"]) == {
            "files",
            "publish",
            "purge",
            "verify",
            "verify_everywhere",
        }
        assert due(timezone.now()) == []


def test_a_failure_inside_the_database_step_changes_nothing(city_content, monkeypatch):
    with time_machine.travel(START, tick=False):
        notice = published_notice("Peruutus")
        publish_full()
    with time_machine.travel(END + SECOND, tick=False):
        from cms.removal import reconciler
        from cms.removal.notices import redact

        def broken(*args, **kwargs):
            raise RuntimeError("disk full")

        monkeypatch.setattr(redact, "_scrub_logs", broken)
        with pytest.raises(RuntimeError):
            reconciler.reconcile("notice", notice.pk)
        assert NoticePage.objects.get(pk=notice.pk).contact_name == "Peruutus Yhteyshenkilö"
        monkeypatch.undo()
        assert notice.pk in [o.item for o in reconcile_due()]
        assert privacy.verify(timezone.now()) == []


@pytest.mark.slow  # (once, on SQLite: the canary runs the removal on PostgreSQL)
def test_a_title_and_address_that_name_the_person_lose_the_name_and_the_removal_finishes(
    city_content,
):
    # Saved from code (the admin refuses to publish it): an older notice, or one approved
    # in a workflow, may still have its person in the title, lead and address.
    token = "Kanarianimi"
    with time_machine.travel(START, tick=False):
        notice = published_notice(
            token,
            title=f"Poikkeamispäätös, {token.upper()}  NAAPURI",  # another case and spacing
            lead=f"Hakija {token} Hakija sai luvan.",  # an unmarked copy of a marked span
            slug=f"poikkeamispaatos-{token.lower()}-naapuri",
        )
        publish_full()
        old_address = release.current("city") / "kuulutukset" / notice.slug
        assert token in notice_html(notice)
    with time_machine.travel(END + SECOND, tick=False):
        # Finished in one run, not retried for ever (the demo's ended notices go too).
        [outcome] = [o for o in reconcile_due() if o.item == notice.pk]
        assert outcome.receipt["needles"]
        notice = NoticePage.objects.get(pk=notice.pk)
        assert notice.title.startswith("Poikkeamispäätös, ")
        assert token.casefold() not in notice.slug
        html = notice_html(notice)
        assert "Poikkeamispäätös" in html and token not in html
        left = release.current("city") / "kuulutukset" / old_address.name
        assert not left.exists(), sorted(str(p) for p in left.rglob("*"))
        # Nowhere at all: every text column, file, file name, the redirects included.
        assert raw_hits([token]) == {}
        assert privacy.verify(timezone.now()) == []
        assert due(timezone.now()) == []
