"""Through the admin as a legal officer works: personal data typed back into a notice
whose data was removed is refused (nothing would remove it again), and a notice cannot
be published with a display start in the past that its page would state as its
publication."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import time_machine

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision
from wagtail.test.utils.form_data import rich_text

from cms.notices.groups import legal_officers_sync
from cms.notices.models import BODY_FEATURES, NoticePage
from tests import factories
from tests.notices.test_admin import add_url, notice_form, officer, section  # noqa: F401

# Bound by builds and searches of every store, not by the database: once, on SQLite.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]
EMPTY = {"persons_concerned": "", "contact_name": "", "contact_phone": "", "contact_email": ""}


@pytest.fixture(params=["published", "draft"])
def ended(section, request):  # noqa: F811
    notice = factories.NoticePageFactory(parent=section, live=False, **EMPTY)
    revision = notice.save_revision()
    if request.param == "published":
        revision.publish()
    # The removal sets this on the page's row, not in its revisions (the form's instance).
    NoticePage.objects.filter(pk=notice.pk).update(personal_data_removed_at=timezone.now())
    return NoticePage.objects.get(pk=notice.pk)


@pytest.mark.parametrize(
    "typed",
    [
        {"persons_concerned": "Ville Koekäyttäjä, Soratie 2"},
        {"contact_name": "Ville Koekäyttäjä"},
        {"body": '<p>Hakija <span class="personal-data">Ville Koekäyttäjä</span>.</p>'},
    ],
    ids=["persons concerned", "contact", "marked span"],
)
@pytest.mark.parametrize("action", ["action-publish", None], ids=["publish", "draft"])
def test_personal_data_cannot_be_typed_back_into_an_ended_notice(
    client,
    ended,
    officer,  # noqa: F811
    typed,
    action,
):
    client.force_login(officer)
    values = {**EMPTY, "confirm_personal_data": "on", "title": ended.title, "slug": ended.slug}
    values["body"] = rich_text("<p>Poikkeaminen myönnetty.</p>", features=BODY_FEATURES)
    if "body" in typed:
        typed = {"body": rich_text(typed["body"], features=BODY_FEATURES)}
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(ended.pk,)),
        notice_form(action, **{**values, **typed}),
    )
    assert response.status_code == 200
    [field] = {"body"} if "body" in typed else set(typed)
    assert "henkilötiedot on poistettu" in str(response.context["form"].errors[field])
    notice = NoticePage.objects.get(pk=ended.pk)
    assert not notice.persons_concerned and not notice.contact_name
    saved = Revision.objects.filter(object_id=str(ended.pk))
    assert not [r for r in saved if "Koekäyttäjä" in str(r.content)]


def test_a_display_start_in_the_past_is_refused(client, section, officer):  # noqa: F811
    client.force_login(officer)
    past = timezone.localtime() - timedelta(days=2)
    form = notice_form(display_from=past.strftime("%Y-%m-%d %H:%M"), confirm_personal_data="on")
    response = client.post(add_url(section), form)
    assert response.status_code == 200
    [error] = response.context["form"].errors["display_from"]
    assert past.strftime("%d.%m.%Y %H.%M") in error
    assert not NoticePage.objects.exists()


def test_a_start_minutes_ago_is_the_moment_it_really_went_on_view(
    client,
    section,  # noqa: F811
    officer,  # noqa: F811
):
    client.force_login(officer)
    before = timezone.now()
    assert client.post(add_url(section), notice_form(confirm_personal_data="on")).status_code == 302
    notice = NoticePage.objects.get()
    minute = {"second": 0, "microsecond": 0}
    assert notice.live and before.replace(**minute) <= notice.display_from <= timezone.now()
    assert notice.first_published_at >= notice.display_from
    # Once on view, its start cannot be moved back (its page would say it was published
    # then, and its deadlines would move); left as it was, the notice saves.
    edit = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
    back = timezone.localtime(notice.display_from) - timedelta(days=1)
    form = notice_form(display_from=back.strftime("%Y-%m-%d %H:%M"), confirm_personal_data="on")
    response = client.post(edit, form)
    assert response.status_code == 200 and "display_from" in response.context["form"].errors
    same = timezone.localtime(notice.display_from).strftime("%Y-%m-%d %H:%M")
    form = notice_form(display_from=same, confirm_personal_data="on", lead="Uusi johdanto.")
    assert client.post(edit, form).status_code == 302
    assert NoticePage.objects.get().display_from == notice.display_from


def test_a_language_version_of_a_notice_on_view_keeps_its_start(
    client,
    section,  # noqa: F811
    officer,  # noqa: F811
):
    from wagtail.models import Locale

    client.force_login(officer)
    start = timezone.now().replace(second=0, microsecond=0) - timedelta(days=3)
    notice = factories.NoticePageFactory(parent=section, display_from=start)
    notice.save_revision().publish()
    swedish_locale = Locale.objects.get(language_code="sv")
    swedish = notice.copy_for_translation(swedish_locale, copy_parents=True)
    assert swedish.display_from == start and swedish.first_published_at is None
    legal_officers_sync()  # (the copied section is theirs: on commit, in production)
    form = notice_form(
        display_from=timezone.localtime(start).strftime("%Y-%m-%d %H:%M"),
        confirm_personal_data="on",
        title="Beslut",
        slug=swedish.slug,
    )
    edit = reverse("wagtailadmin_pages:edit", args=(swedish.pk,))
    response = client.post(edit, form)
    # (Published: on to its section, not sent away for want of permission.)
    section_view = reverse("wagtailadmin_explore", args=(swedish.get_parent().pk,))
    assert response.status_code == 302 and response.url == section_view, response.url
    assert NoticePage.objects.get(pk=swedish.pk).display_from == start


@pytest.fixture
def removed(section):  # noqa: F811
    """A notice whose period ended and whose removal really ran (its receipt holds the
    needles of "Ville Koekäyttäjä" and the address)."""
    from cms.removal.reconciler import reconcile_due
    from tests.notices.removal_kit import END, SECOND, START

    with time_machine.travel(START, tick=False):
        notice = factories.NoticePageFactory(
            parent=section,
            appeal_days=None,
            persons_concerned="Ville Koekäyttäjä, Soratie 2",
            contact_name="",
            contact_phone="",
            contact_email="",
        )
        notice.save_revision().publish()
    with time_machine.travel(END + SECOND, tick=False):
        [outcome] = reconcile_due()
        assert outcome.item == notice.pk and outcome.receipt
    return NoticePage.objects.get(pk=notice.pk)


def _edit(client, notice, **changes):
    values = {
        **EMPTY,
        "confirm_personal_data": "on",
        "title": notice.title,
        "slug": notice.slug,
        "lead": notice.lead,
        "appeal_days": "",
        "display_from": timezone.localtime(notice.display_from).strftime("%Y-%m-%d %H:%M"),
        "body": rich_text("<p>Poikkeaminen myönnetty.</p>", features=BODY_FEATURES),
    }
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(notice.pk,)),
        notice_form("action-publish", **{**values, **changes}),
    )


# Each typed into the notice whose data was removed, one at a time: (field, value, refusal).
TAKEN_BACK = [
    ("lead", "Hakija Ville Koekäyttäjä sai luvan.", "ei voi lisätä uudelleen"),
    ("lead", "Hakija VILLE KOEKAYTTAJA sai luvan.", "ei voi lisätä uudelleen"),
    ("title", "Päätös, Soratie 2", "ei voi lisätä uudelleen"),
    ("body", "<p>Hakija <b>Ville</b> Koekäyttäjä sai luvan.</p>", "ei voi lisätä uudelleen"),
    ("appeal_days", "30", "ei voi enää muuttaa"),
    ("other_deadline", "2099-01-01", "ei voi enää muuttaa"),
    ("display_from", "tomorrow", "ei voi enää muuttaa"),
]


def test_an_ended_notice_takes_back_neither_its_values_nor_a_longer_period(
    client,
    removed,
    officer,  # noqa: F811
):
    """(One removal for every case: each removal publishes the city site.)"""
    client.force_login(officer)
    for field, value, refusal in TAKEN_BACK:
        if field == "body":
            value = rich_text(value, features=BODY_FEATURES)
        if value == "tomorrow":
            value = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
        response = _edit(client, removed, **{field: value})
        assert response.status_code == 200, field
        assert refusal in str(response.context["form"].errors[field]), (field, value)
        notice = NoticePage.objects.get(pk=removed.pk)
        assert (notice.title, notice.ends_at) == (removed.title, removed.ends_at)
    # Anything else is saved as before: the check reads only this notice's own values.
    response = _edit(client, removed, lead="Rakennuslautakunta myönsi poikkeamisen.")
    assert response.status_code == 302, response.context["form"].errors


def test_a_removal_not_finished_yet_refuses_its_values_too(client, removed, officer, settings):  # noqa: F811
    """An incident holds the removal open (no receipt yet): its journal's needles answer."""
    Path(settings.NOTICE_AUDIT_LOG).unlink()
    client.force_login(officer)
    response = _edit(client, removed, title="Päätös, Ville Koekäyttäjä")
    assert response.status_code == 200
    assert "ei voi lisätä uudelleen" in str(response.context["form"].errors["title"])
