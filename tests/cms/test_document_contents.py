"""A document is read as its reader sees it: an identity code in a PDF's text or
properties, or in a Word file's runs, is refused at upload like one in its title; a
notice's kept or redacted version that still names the notice's person is refused."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, rich_text

from cms.notices.models import BODY_FEATURES
from tests import factories
from tests.documents import docx, pdf
from tests.notices.test_admin import add_url, notice_form, officer, section  # noqa: F401

pytestmark = pytest.mark.django_db

CODE = "131052-308T"
UPLOADS = {
    "PDF text": ("paatos.pdf", pdf(f"Hakija {CODE}, Rantakatu 5")),
    "PDF author": ("paatos.pdf", pdf("Päätös", author=f"Matti {CODE}")),
    "PDF text disguised": ("paatos.pdf", pdf("Hakija 13 10 52\u2013308T")),
    "Word runs": ("paatos.docx", docx("Hakija 1310", "52-30", "8T sai luvan.")),
    "plain text": ("paatos.txt", f"Hakija {CODE}\n".encode()),
    "PDF encrypted without a password": ("paatos.pdf", pdf(f"Hakija {CODE}", password="")),
    "PDF bookmark": ("paatos.pdf", pdf("Päätös", bookmark=f"Hakija {CODE}")),
    "Word link target": ("paatos.docx", docx("Päätös", link=f"https://x.example/?h={CODE}")),
    "UTF-16 text": ("paatos.txt", f"Hakija {CODE}".encode("utf-16")),
    "Windows-1252 en dash": ("paatos.txt", "Hakija 131052\u2013308T".encode("cp1252")),
}


def _upload(client, name: str, data: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Päätös", "file": SimpleUploadedFile(name, data), "collection": 1},
    )


@pytest.mark.parametrize(("name", "data"), UPLOADS.values(), ids=UPLOADS.keys())
def test_a_document_with_a_code_in_its_contents_is_refused(admin_client, name, data):
    response = _upload(admin_client, name, data)
    assert response.status_code == 200
    errors = str(response.context["form"].errors)
    assert "henkilötunnus" in errors and "tiedoston sisältö" in errors
    assert not Document.objects.exists()


def test_a_document_that_cannot_be_read_is_refused(admin_client):
    locked = pdf(f"Hakija {CODE}", password="salainen")
    response = _upload(admin_client, "paatos.pdf", locked)
    assert response.status_code == 200
    assert "salasanalla" in str(response.context["form"].errors)
    assert not Document.objects.exists()


def test_a_document_without_one_is_accepted(admin_client):
    data = pdf("Asia 4027/00.01.01.03/2021, puh. 040 123 4567, 27.4.2031, 00100 Helsinki")
    assert _upload(admin_client, "paatos.pdf", data).status_code == 302
    assert Document.objects.count() == 1


def _redacted_notice(client, section, text: str, **fields):  # noqa: F811
    original = factories.DocumentFactory(title="Kuuleminen", file__filename="kuuleminen.pdf")
    redacted = factories.DocumentFactory(
        title="Kuuleminen (versio ilman henkilötietoja)",
        file__filename="kuuleminen-redacted.pdf",
        file__data=pdf(text),
    )
    attachments = inline_formset(
        [{"document": original.pk, "personal": "on", "redacted_document": redacted.pk}]
    )
    form = notice_form(confirm_personal_data="on", attachments=attachments, **fields)
    return client.post(add_url(section), form)


def test_a_redacted_version_that_still_names_the_person_is_refused(
    client,
    section,  # noqa: F811
    officer,  # noqa: F811
):
    client.force_login(officer)
    slip = "Asianosainen Maija Meikäläinen (versio ilman henkilötietoja)"
    response = _redacted_notice(client, section, slip)
    assert response.status_code == 200
    errors = str(response.context["form"].non_field_errors())
    assert "Maija Meikäläinen" in errors and "sisältö" in errors
    clean = _redacted_notice(client, section, "Asianosainen [poistettu]")
    assert clean.status_code == 302, clean.context["form"].errors


@pytest.mark.parametrize(
    "body",
    [
        "Hakija Matti Meikäläinen sai luvan.",
        "Hakija Meikäläinen Matti sai luvan.",
        "Luvan saaja on Matti Meikäläisen perikunta.",
        "Kuusitie 7 on hakijan osoite.",
    ],
)
def test_a_name_kept_in_the_body_is_refused_when_the_field_holds_name_and_address(
    client,
    section,  # noqa: F811
    officer,  # noqa: F811
    body,
):
    client.force_login(officer)
    form = notice_form(
        confirm_personal_data="on",
        persons_concerned="Matti Meikäläinen, Kuusitie 7",
        body=rich_text(f"<p>{body}</p>", features=BODY_FEATURES),
    )
    response = client.post(add_url(section), form)
    assert response.status_code == 200
    assert "henkilötie" in str(response.context["form"].errors["body"])


def test_a_document_a_notice_keeps_cannot_be_edited_into_naming_its_person(
    admin_client,
    section,  # noqa: F811
):
    from cms.notices.models import NoticeAttachment

    notice = factories.NoticePageFactory(parent=section, persons_concerned="Maija Meikäläinen")
    document = factories.DocumentFactory(title="Asemapiirros", file__filename="piirros.pdf")
    NoticeAttachment.objects.create(page=notice, document=document, personal=False)
    edit = reverse("wagtaildocs:edit", args=(document.pk,))
    slip = SimpleUploadedFile("piirros.pdf", pdf("Asemapiirros, hakija Maija Meikäläinen"))
    response = admin_client.post(edit, {"title": "Asemapiirros", "file": slip, "collection": 1})
    assert response.status_code == 200
    assert f"Kuulutus {notice.pk}" in str(response.context["form"].non_field_errors())
    renamed = {"title": "Asemapiirros, Meikäläinen Maija", "collection": 1}
    assert admin_client.post(edit, renamed).status_code == 200
    clean = SimpleUploadedFile("piirros.pdf", pdf("Asemapiirros, tontti 12"))
    response = admin_client.post(edit, {"title": "Asemapiirros", "file": clean, "collection": 1})
    assert response.status_code == 302
