"""One identity-code check for every page type and every text the platform publishes:
a valid code is refused however it is disguised, in any field, block, link, alt text,
caption, image or document; numbers that are not codes pass."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.core import identity
from tests import factories
from tests.cms.test_page_validation import refused
from tests.documents import pdf

pytestmark = pytest.mark.django_db

# The same valid code (131052-308T), as people and copy and paste really write it.
DISGUISES = {
    "plain": "131052-308T",
    "lower case": "131052-308t",
    "U+2010 hyphen": "131052\u2010308T",
    "en dash": "131052\u2013308T",
    "minus sign": "131052\u2212308T",
    "non-breaking hyphen": "131052\u2011308T",
    "full-width": "\uff11\uff13\uff11\uff10\uff15\uff12\uff0d\uff13\uff10\uff18\uff34",
    "zero-width space for the separator": "131052\u200b308T",
    "space for the separator": "131052 308T",
    "no-break space for the separator": "131052\u00a0308T",
    "spaces around the separator": "131052 - 308T",
    "soft hyphen inside": "1310\u00ad52-308T",
    "zero-width joiner inside": "131052-30\u200d8T",
    "HTML reference": "131052&#8208;308T",
    "percent-encoded": "131052%E2%80%90308T",
    "new sign": "010594Y9021",
    "spaces inside the date": "13 10 52-308T",
    "letters a skeleton shares with 0 and 1": "l3lO52-3O8T",
    "double percent-encoding": "131052%252D308T",
    "split by markup": "131052-<b>308T</b>",
    "Cyrillic look-alike of the check": "131052-308\u0422",
    "Greek look-alike of the sign": "010516\u0392903X",
    "box-drawing dash": "131052\u2500308T",
    "katakana long vowel mark for the dash": "131052\u30fc308T",
    "ideographic one for the dash": "131052\u4e00308T",
}
# The disguises outside testers used (each a valid code of its own), all of which an
# earlier check missed: invisible characters outside the stripped set, look-alikes,
# spaces inside the date, an escaped escape.
TESTERS = [
    "27 04 31-776N",
    "0106\u034f78-347T",
    "2005\ufe0f95-2107",
    "0909\u316456-4589",
    "2205\u280099-4432",
    "040104-842\u041a",
    "250508\u04108045",
    "080985\u2500409J",
    "110994\u30fc8822",
    "010218%252D5311",
    "230478-<b>5885</b>",
    "230478-<span\nclass='x'>5885</span>",
    # The second round of testers: spaces inside the number, marks for the sign, marks
    # over digits, small capitals, right-to-left overrides, other scripts' digits, a code
    # between letters, dots in the date.
    "160655-7 86P",
    "120477-229 7",
    "0 9 1 0 6 5 - 7 7 3 K",
    "271281\u23af738T",
    "281237\u25746132",
    "210737\u0640279R",
    "050911_1793",
    "050911~1793",
    "1\u03328\u03320\u03324\u03326\u03327\u0332-\u03326\u03323\u03320E",
    "130652-749\u1d1b",
    "190617-493\u03f9",
    "070398\u1d00202R",
    "\u202eN626-164070\u202c",
    # Only part of it drawn right to left: shown as 131052-308T.
    "131052-\u202eT803\u202c",
    "131052-3\u202e80\u202cT",
    "\u0661\u0665\u0660\u0666\u0665\u0665-\u0666\u0661\u0669N",
    "asiakas121111-348Nxyz",
    "02.12.89-742V",
    # A digit of another script drawn as a different digit (Bengali 4 looks like 8): the
    # reader sees 131052-308T.
    "131052-30\u09eaT",
]
NOT_CODES = [
    "1310521308T",  # no separator at all: a number, not a code
    "131052-308A",  # wrong check character
    "040 123 4567",
    "+358 40 123 4567",
    "4027/00.01.01.03/2021",
    "13.10.1952",
    "00100 Helsinki",
    "9131052-308T",  # inside a longer number
    "131052-308 Talo",  # a number, then a word
    "13.10.52 klo 9",
    "Sali 4, 12.03.2026-15.03.2026",
    "040-123 4567",
    "09 310 1234",
    "+358 (0)40 1234 567",
    "Dnro KAS/123/10.02.03/2026",
    "Asia 1234/00.04.01/2026",
    "27.4.2031 klo 13.00",
    "2026-04-27",
    "1 234,50 €",
    "12 345 678",
    "33100 Tampere",
    "FI21 1234 5600 0007 85",
    "Kiinteistötunnus 398-401-12-34",
    "Y-tunnus 1234567-8",
    "\u041e\u043b\u044f \u041f\u0435\u0442\u0440\u043e\u0432\u0430",  # Cyrillic
]


@pytest.mark.parametrize("disguise", DISGUISES.values(), ids=DISGUISES.keys())
def test_every_disguise_is_found(disguise):
    assert identity.found_in(f"Hakija {disguise}, Rantakatu 5.")


@pytest.mark.parametrize("disguise", TESTERS)
def test_the_testers_disguises_are_found(disguise):
    assert identity.found_in(f"Hakija {disguise} sai luvan.")


@pytest.mark.parametrize("text", NOT_CODES)
def test_numbers_that_are_not_codes_pass(text):
    assert identity.found_in(f"Tiedot: {text}.") == []


@pytest.fixture
def home(synced_sites):
    return synced_sites["city"].site.root_page.specific


def _image_block(**values) -> list:
    image = factories.ImageFactory()
    return [("image", {"image": image, "alt_text": "Järvi", "caption": "", **values})]


CODE = DISGUISES["U+2010 hyphen"]
PLACES = {
    "title": ("title", {"title": f"Päätös {CODE}"}),
    "slug": ("slug", {"slug": "paatos-131052-308t"}),
    "seo title": ("seo_title", {"seo_title": f"Päätös {CODE}"}),
    "search description": ("search_description", {"search_description": f"Koskee {CODE}"}),
    "lead": ("lead", {"lead": f"Hakija {CODE}."}),
    "rich text": ("body", {"body": [("paragraph", RichText(f"<p>Hakija {CODE}</p>"))]}),
    "link URL": (
        "body",
        {
            "body": [
                (
                    "paragraph",
                    RichText('<p><a href="https://example.fi/?h=131052%E2%80%90308T">x</a></p>'),
                )
            ]
        },
    ),
    "alt text": ("body", {"body": "alt"}),
    "caption": ("body", {"body": "caption"}),
    "split between two blocks": (
        "body",
        {
            "body": [
                ("paragraph", RichText("<p>Asiakas 270431-</p>")),
                ("paragraph", RichText("<p>776N tiedot</p>")),
            ]
        },
    ),
    "split after a heading": (
        "body",
        {
            "body": [
                ("heading", {"text": "Tunnus 131052-", "level": "h2"}),
                ("paragraph", RichText("<p>308T</p>")),
            ]
        },
    ),
}


@pytest.mark.parametrize(("field", "values"), PLACES.values(), ids=PLACES.keys())
@pytest.mark.parametrize("kind", ["content", "news", "event"])
def test_every_page_type_refuses_a_code_in_any_text(home, kind, field, values):
    if values.get("body") == "alt":
        values = {"body": _image_block(alt_text=f"Hakija {CODE}")}
    elif values.get("body") == "caption":
        values = {"body": _image_block(caption=f"Hakija {CODE}")}
    if kind == "content":
        parent = factories.SectionIndexPageFactory(parent=home)
        page = factories.ContentPageFactory.build(**values)
    elif kind == "news":
        parent = factories.NewsIndexPageFactory(parent=home)
        page = factories.NewsArticlePageFactory.build(**values)
    else:
        parent = factories.EventIndexPageFactory(parent=home)
        page = factories.EventPageFactory.build(**values)
    errors = refused(parent, page)
    assert field in errors  # (a news factory writes the title into the headline too)
    assert "identity code" in errors[field][0] or "henkilötunnus" in errors[field][0]


def test_a_page_without_codes_saves(home):
    parent = factories.SectionIndexPageFactory(parent=home)
    page = factories.ContentPageFactory.build(
        title="Asukaspysäköinti", lead="Tunnus 4027/00.01.01.03/2021, puh. 040 123 4567."
    )
    parent.add_child(instance=page)
    assert page.pk


def test_the_admin_shows_the_error_on_the_field_and_saves_nothing(admin_client, home):
    section = factories.SectionIndexPageFactory(parent=home)
    add = reverse("wagtailadmin_pages:add", args=("pages", "contentpage", section.pk))
    data = {
        "title": "Pysäköinti",
        "slug": "pysakointi",
        "lead": "",
        "body": streamfield([("paragraph", rich_text("<p>Asukaspysäköinti.</p>"))]),
        # The promote tab's description, where an editor pastes a summary.
        "search_description": f"Koskee {DISGUISES['zero-width space for the separator']}",
        "seo_title": "",
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    }
    response = admin_client.post(add, nested_form_data(data))
    assert response.status_code == 200
    [error] = response.context["form"].errors["search_description"]
    assert "on henkilötunnus" in error  # in the editor's language (Finnish by default)
    assert not Page.objects.filter(slug="pysakointi").exists()
    data["search_description"] = "Asukaspysäköinnin ohjeet."
    assert admin_client.post(add, nested_form_data(data)).status_code == 302
    assert Page.objects.filter(slug="pysakointi").exists()


@pytest.mark.parametrize(
    ("upload", "title"),
    [("paatos.pdf", f"Päätös {CODE}"), ("131052-308T.pdf", "Päätös")],
    ids=["title", "file name"],
)
def test_a_document_is_refused_with_a_code_in_its_title_or_file_name(admin_client, upload, title):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(upload, pdf("Päätös"), content_type="application/pdf"),
            "collection": 1,
        },
    )
    assert response.status_code == 200
    assert "henkilötunnus" in str(response.context["form"].errors)
    assert not Document.objects.exists()
