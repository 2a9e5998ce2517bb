"""The notices section in the real admin views: only legal officers (and superusers) touch
it, the scanner blocks an identity code and asks the officer to confirm unmarked contact
data, and a notice published before its start goes live at that moment, not now."""

from __future__ import annotations

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms.core.permissions import LEGAL_OFFICERS
from cms.notices.groups import legal_officers_sync
from cms.notices.models import BODY_FEATURES, NoticePage
from tests import factories

pytestmark = pytest.mark.django_db

# A valid identity code (checksum right), as an officer might paste it from a decision.
IDENTITY_CODE = "131052-308T"


@pytest.fixture
def section(synced_sites):
    home = synced_sites["city"].site.root_page.specific
    section = factories.NoticeIndexPageFactory(parent=home)
    legal_officers_sync()  # (on commit, in production: the test's transaction never commits)
    return section


@pytest.fixture
def officer():
    return factories.UserFactory(
        username="lakimies", groups=[Group.objects.get(name=LEGAL_OFFICERS)]
    )


@pytest.fixture
def city_editor(synced_sites):
    return factories.UserFactory(
        username="city-editor", groups=[synced_sites["city"].editors_group]
    )


def notice_form(action: str | None = "action-publish", **overrides) -> dict:
    start = timezone.localtime() - timedelta(minutes=5)
    values = {
        "title": "Poikkeamispäätös, Rantakatu 5",
        "slug": "poikkeamispaatos-rantakatu-5",
        "lead": "Rakennuslautakunta on myöntänyt poikkeamisen asemakaavasta.",
        "notice_type": "decision",
        "issuing_body": "Rakennuslautakunta",
        "record_number": "4027/00.01.01.03/2021",
        "legal_basis": "Maankäyttö- ja rakennuslaki 173 §",
        "display_from": start.strftime("%Y-%m-%d %H:%M"),
        "appeal_days": "14",
        "other_deadline": "",
        "place_on_view": "Kaupungintalo, Rantakatu 1",
        "appeal_information": "Oikaisuvaatimus 14 päivän kuluessa tiedoksisaannista.",
        "body": rich_text(
            '<p>Hakija: <span class="personal-data">Matti Meikäläinen</span>.</p>',
            features=BODY_FEATURES,
        ),
        "persons_concerned": "Maija Meikäläinen",
        "contact_name": "Liisa Lakimies",
        "contact_phone": "040 123 4567",
        "contact_email": "liisa.lakimies@kaislahti.example",
        "attachments": inline_formset([]),
        "newspaper": "",
        "newspaper_date": "",
        "comments": inline_formset([]),
    }
    if action:
        values[action] = action
    values.update(overrides)
    return nested_form_data(values)


def add_url(parent) -> str:
    return reverse("wagtailadmin_pages:add", args=("notices", "noticepage", parent.pk))


def test_a_city_editor_cannot_add_edit_or_publish_notices(client, section, city_editor):
    notice = factories.NoticePageFactory(parent=section)
    notice.save_revision().publish()
    client.force_login(city_editor)
    # The editor's own site is open to them (the rights above reach the section's parent).
    home = section.get_parent()
    assert client.get(reverse("wagtailadmin_pages:edit", args=(home.pk,))).status_code == 200
    assert client.get(add_url(section)).status_code in {302, 403}
    edit = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
    assert client.get(edit).status_code in {302, 403}
    client.post(edit, notice_form(title="Muutettu otsikko"))
    notice.refresh_from_db()
    assert notice.title != "Muutettu otsikko"
    unpublish = reverse("wagtailadmin_pages:unpublish", args=(notice.pk,))
    client.post(unpublish)
    assert NoticePage.objects.get(pk=notice.pk).live
    delete = reverse("wagtailadmin_pages:delete", args=(notice.pk,))
    client.post(delete)
    assert NoticePage.objects.filter(pk=notice.pk).exists()


def test_a_legal_officer_publishes_a_notice_and_cannot_touch_other_pages(client, section, officer):
    client.force_login(officer)
    response = client.post(add_url(section), notice_form(confirm_personal_data="on"))
    assert response.status_code == 302, response.content.decode()[-2000:]
    notice = NoticePage.objects.get(slug="poikkeamispaatos-rantakatu-5")
    assert notice.live and notice.ends_at is not None
    assert notice.persons_concerned == "Maija Meikäläinen"
    home = section.get_parent()
    assert client.get(reverse("wagtailadmin_pages:edit", args=(home.pk,))).status_code in {
        302,
        403,
    }


def test_an_identity_code_blocks_saving_even_a_draft(client, section, officer):
    client.force_login(officer)
    body = rich_text(f'<p>Hakija <span class="personal-data">{IDENTITY_CODE}</span>.</p>')
    for action in ("action-publish", None):
        response = client.post(add_url(section), notice_form(action, body=body))
        assert response.status_code == 200
        assert "body" in response.context["form"].errors
    response = client.post(
        add_url(section), notice_form(persons_concerned=f"Matti {IDENTITY_CODE}")
    )
    assert response.status_code == 200
    # Named in the officer's language (the admin's default here is Finnish).
    [error] = response.context["form"].errors["persons_concerned"]
    assert "on henkilötunnus" in error
    assert not NoticePage.objects.filter(slug="poikkeamispaatos-rantakatu-5").exists()


def test_unmarked_contact_data_needs_the_officers_confirmation_to_publish(client, section, officer):
    client.force_login(officer)
    body = rich_text("<p>Lisätietoja antaa Matti, puh. 040 765 4321, kiinteistö 91-4-12-3.</p>")
    response = client.post(add_url(section), notice_form(body=body))
    assert response.status_code == 200
    [warning] = response.context["form"].errors["confirm_personal_data"]
    assert "040 765 4321" in warning and "91-4-12-3" in warning
    assert not NoticePage.objects.exists()
    # A draft may be saved with the warning; publishing needs the confirmation, each time.
    response = client.post(add_url(section), notice_form(None, body=body))
    assert response.status_code == 302
    notice = NoticePage.objects.get()
    assert not notice.live
    edit = reverse("wagtailadmin_pages:edit", args=(notice.pk,))
    assert client.post(edit, notice_form(body=body)).status_code == 200
    assert not NoticePage.objects.get().live
    client.post(edit, notice_form(body=body, confirm_personal_data="on"))
    assert NoticePage.objects.get().live


def test_a_notice_published_before_its_start_is_scheduled_for_it(client, section, officer):
    client.force_login(officer)
    start = (timezone.localtime() + timedelta(days=2)).replace(second=0, microsecond=0)
    form = notice_form(display_from=start.strftime("%Y-%m-%d %H:%M"), confirm_personal_data="on")
    assert client.post(add_url(section), form).status_code == 302
    notice = NoticePage.objects.get()
    assert not notice.live, "not before its display period starts"
    revision = notice.get_latest_revision()
    assert revision.approved_go_live_at == start
    assert notice.ends_at > start + timedelta(days=14)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Poikkeamispäätös, MAIJA  MEIKÄLÄINEN"),  # case and spacing do not hide it
        ("slug", "poikkeamispaatos-maija-meikalainen"),
        ("lead", "Maija\u00a0Meikäläinen haki poikkeamista."),  # a no-break space
        ("appeal_information", "Lisätietoja antaa Liisa Lakimies."),  # the contact person
        ("search_description", "Päätös koskee Maija Meikäläinen -nimistä hakijaa."),
    ],
)
def test_publishing_is_refused_with_a_personal_value_in_a_kept_field(
    client, section, officer, field, value
):
    client.force_login(officer)
    response = client.post(
        add_url(section), notice_form(confirm_personal_data="on", **{field: value})
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors[field]
    assert "henkilötie" in error  # named in the officer's language, with the fix offered
    assert not NoticePage.objects.exists()
    # A draft may hold it while the officer works; publishing never.
    draft = client.post(add_url(section), notice_form(None, **{field: value}))
    assert draft.status_code == 302
    assert not NoticePage.objects.get().live


def test_an_unmarked_copy_of_a_marked_value_in_the_body_refuses_publishing(
    client, section, officer
):
    client.force_login(officer)
    body = rich_text(
        '<p>Hakija: <span class="personal-data">Matti Meikäläinen</span>. Päätös annetaan '
        "Matti Meikäläiselle ja matti meikäläinen voi hakea muutosta.</p>",
        features=BODY_FEATURES,
    )
    response = client.post(add_url(section), notice_form(confirm_personal_data="on", body=body))
    assert response.status_code == 200
    assert "Matti Meikäläinen" in response.context["form"].errors["body"][0]


def test_a_kept_attachment_named_after_the_person_refuses_publishing(client, section, officer):
    client.force_login(officer)
    document = factories.DocumentFactory(
        title="Naapurin kuuleminen", file__filename="kuuleminen-maija-meikalainen.pdf"
    )
    attachments = inline_formset(
        [{"document": document.pk, "personal": "", "redacted_document": ""}]
    )
    response = client.post(
        add_url(section),
        notice_form(confirm_personal_data="on", attachments=attachments),
    )
    assert response.status_code == 200
    assert "Maija Meikäläinen" in str(response.context["form"].non_field_errors())
    # Marked personal, it goes when the period ends: then it may be named so.
    attachments = inline_formset(
        [{"document": document.pk, "personal": "on", "redacted_document": ""}]
    )
    response = client.post(
        add_url(section), notice_form(confirm_personal_data="on", attachments=attachments)
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("display_from", "9999-12-31 10:00"),
        ("display_from", "0001-01-01 10:00"),
        ("display_from", "1999-12-31 10:00"),
        ("appeal_days", "32767"),
        ("appeal_days", "31"),  # a decision's appeal period is at most 30 days
        ("other_deadline", "9999-12-30"),
        ("other_deadline", "+400"),  # (days from today)
        ("other_deadline", "2027-02-30"),
        ("display_from", "2026-13-01 10:00"),
    ],
)
def test_impossible_or_unbounded_periods_are_form_errors(client, section, officer, field, value):
    client.force_login(officer)
    if value.startswith("+"):
        value = (timezone.localdate() + timedelta(days=int(value))).isoformat()
    response = client.post(
        add_url(section), notice_form(confirm_personal_data="on", **{field: value})
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors, response.context["form"].errors
    assert not NoticePage.objects.exists()


def test_a_period_within_its_bounds_is_accepted(client, section, officer):
    client.force_login(officer)
    deadline = (timezone.localdate() + timedelta(days=40)).isoformat()
    response = client.post(
        add_url(section),
        notice_form(confirm_personal_data="on", appeal_days="30", other_deadline=deadline),
    )
    assert response.status_code == 302
