"""Every page type accepts valid content and refuses invalid content with an error on the
field at fault; a refused page is not saved."""

from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page

from cms.core.blocks import (
    AccessibleImageBlock,
    CallToActionBlock,
    ContactCardBlock,
    HeadingBlock,
    QuoteBlock,
    TopTaskBlock,
)
from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsArticlePage, NewsIndexPage, PressReleasePage
from cms.pages.models import ContentPage, HomePage, SectionIndexPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def home(synced_sites):
    return synced_sites["city"].site.root_page.specific


def refused(parent: Page, page: Page) -> dict:
    """Try to add ``page`` under ``parent``; return the field errors. Asserts nothing was saved."""
    count = Page.objects.count()
    with pytest.raises(ValidationError) as caught:
        parent.add_child(instance=page)
    assert Page.objects.count() == count
    return caught.value.message_dict


def test_every_page_type_saves_when_valid(home):
    section = factories.SectionIndexPageFactory(parent=home)
    content = factories.ContentPageFactory(parent=section)
    news_index = factories.NewsIndexPageFactory(parent=home)
    news = factories.NewsArticlePageFactory(parent=news_index)
    press_index = factories.PressReleaseIndexPageFactory(parent=home)
    press = factories.PressReleasePageFactory(parent=press_index)
    event_index = factories.EventIndexPageFactory(parent=home)
    event = factories.EventPageFactory(parent=event_index, is_free=False, price="10 €")
    for page in (section, content, news_index, news, press_index, press, event_index, event):
        assert page.pk and page.url_path.startswith(home.url_path)


def test_page_types_only_go_where_they_belong(home):
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(home)
    assert ContentPage.can_create_at(home) and SectionIndexPage.can_create_at(home)
    news_index = factories.NewsIndexPageFactory(parent=home)
    assert NewsArticlePage.can_create_at(news_index)
    assert not PressReleasePage.can_create_at(news_index)
    assert not ContentPage.can_create_at(news_index)
    assert not EventPage.can_create_at(home)
    assert EventIndexPage.can_create_at(home)
    assert not NewsIndexPage.can_create_at(factories.ContentPageFactory(parent=home))


def test_home_page_hero_image_needs_alt_text(home):
    home.hero_image = factories.ImageFactory()
    home.hero_alt = "  "
    with pytest.raises(ValidationError) as caught:
        home.full_clean()
    assert "hero_alt" in caught.value.message_dict


def test_content_page_needs_a_body(home):
    errors = refused(home, ContentPage(title="Tyhjä", slug="tyhja", body=[]))
    assert "body" in errors


def test_news_article_needs_a_lead_headline_and_body(home):
    news_index = factories.NewsIndexPageFactory(parent=home)
    page = factories.NewsArticlePageFactory.build(lead="", resident_headline="", body=[])
    errors = refused(news_index, page)
    assert set(errors) >= {"lead", "resident_headline", "body"}


def test_press_release_needs_media_headline_and_contact(home):
    listing = factories.PressReleaseIndexPageFactory(parent=home)
    page = factories.PressReleasePageFactory.build(media_headline="", contacts=[])
    errors = refused(listing, page)
    assert set(errors) >= {"media_headline", "contacts"}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end_offset": timedelta(hours=-1)}, "end"),
        ({"end_offset": timedelta(days=400)}, "end"),
        ({"is_free": True, "price": "5 €"}, "price"),
        ({"is_free": False, "price": ""}, "price"),
        ({"is_free": False, "price": "maksullinen"}, "price"),
        ({"registration_url": "http://ilmo.example/x"}, "registration_url"),
        ({"venue_name": ""}, "venue_name"),
    ],
)
def test_event_rules(home, changes, field):
    listing = factories.EventIndexPageFactory(parent=home)
    start = timezone.now() + timedelta(days=3)
    values = {"start": start, "end": start + changes.pop("end_offset", timedelta(hours=2))}
    values.update(changes)
    page = factories.EventPageFactory.build(**values)
    assert field in refused(listing, page)


def test_event_times_are_kept_in_helsinki_time_across_dst(home):
    listing = factories.EventIndexPageFactory(parent=home)
    # 29 March 2026 is the spring DST change in Finland (03:00 EET -> 04:00 EEST).
    from datetime import datetime
    from zoneinfo import ZoneInfo

    helsinki = ZoneInfo("Europe/Helsinki")
    start = datetime(2026, 3, 28, 18, 0, tzinfo=helsinki)
    end = datetime(2026, 3, 29, 18, 0, tzinfo=helsinki)
    page = factories.EventPageFactory(parent=listing, start=start, end=end)
    page.refresh_from_db()
    assert page.start.astimezone(helsinki).hour == 18 == page.end.astimezone(helsinki).hour
    assert page.end - page.start == timedelta(hours=23), "the night is an hour shorter"


def block_error(block, value) -> set[str]:
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(value))
    return set(caught.value.block_errors)


def test_image_block_needs_a_real_alt_text(db):
    image = factories.ImageFactory()
    block = AccessibleImageBlock()
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "Uimaranta kesällä"}))
    for bad in ("", "IMG_2041.JPG", "kuva", "Image"):
        assert block_error(block, {"image": image.pk, "alt_text": bad}) == {"alt_text"}


def test_call_to_action_needs_exactly_one_target(home):
    block = CallToActionBlock()
    assert block_error(block, {"label": "Hae", "page": None, "url": ""}) == {"page"}
    both = {"label": "Hae", "page": home.pk, "url": "https://asiointi.example"}
    assert block_error(block, both) == {"page"}
    assert block.clean(block.to_python({"label": "Hae", "page": home.pk, "url": ""}))


def test_a_top_task_is_a_page_or_an_address_with_its_link_text(home):
    block = TopTaskBlock()
    assert block_error(block, {"page": None, "url": "", "label": ""}) == {"page"}
    both = {"page": home.pk, "url": "https://asiointi.example", "label": "Asiointi"}
    assert block_error(block, both) == {"page"}
    assert block_error(block, {"url": "javascript:alert(1)", "label": "x"}) == {"url"}
    # A page has its own title; an address says nothing without a link text.
    assert block_error(block, {"url": "https://asiointi.example", "label": " "}) == {"label"}
    assert block.clean(block.to_python({"page": home.pk, "url": "", "label": ""}))
    assert block.clean(block.to_python({"url": "https://asiointi.example", "label": "Asioi"}))


def test_contact_card_needs_a_valid_phone_or_email(db):
    block = ContactCardBlock()
    assert block_error(block, {"name": "Liisa"}) == {"phone"}
    assert block_error(block, {"name": "Liisa", "phone": "soita minulle"}) == {"phone"}
    assert block_error(block, {"name": "Liisa", "email": "ei-osoite"}) == {"email"}
    assert block.clean(block.to_python({"name": "Liisa", "phone": "+358 40 123 4567"}))


def test_heading_block_limits_length(db):
    block = HeadingBlock()
    assert block_error(block, {"text": "x" * 121, "level": "h2"}) == {"text"}
    assert block_error(block, {"text": "Otsikko", "level": "h1"}) == {"level"}


@pytest.mark.parametrize("slug", ["../../etc/passwd", "a b", "<script>", "x" * 256, "a/b"])
def test_hostile_slugs_are_refused(home, slug):
    errors = refused(home, factories.ContentPageFactory.build(slug=slug, title="Otsikko"))
    assert "slug" in errors


def test_oversized_image_upload_is_refused_with_a_clear_error(client, synced_sites, settings):
    """A decompression bomb (huge pixel count, tiny file) never reaches the media folder."""
    import io

    from PIL import Image as PILImage

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from wagtail.images.models import Image

    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 4_000_000
    buffer = io.BytesIO()
    PILImage.new("1", (4000, 2000)).save(buffer, format="PNG")  # 8 Mpx in a few kB
    admin = factories.UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    upload = SimpleUploadedFile("pommi.png", buffer.getvalue(), content_type="image/png")
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Pommi", "file": upload, "collection": synced_sites["city"].collection.pk},
    )
    assert response.status_code == 200, "the form comes back with the error"
    errors = response.context["form"].errors
    assert "8000000" in errors["file"][0] and "4000000" in errors["file"][0]
    assert not Image.objects.filter(title="Pommi").exists()


# The admin's whole form, five times: once, on SQLite (the model's check is the same).
@pytest.mark.slow
@pytest.mark.parametrize(
    "title",
    [
        "Valtuuston kokous\nrivi",
        "Kokous\rrivi",
        "Kokous\x1b[31m",
        "Kokous\u2028rivi",
        "A\tB",
        # Noncharacters: the admin's spreadsheet reports failed on one, for everyone.
        "Ev A\ufffeB",
        "Ev \U0010ffff",
    ],
)
def test_a_title_of_more_than_one_line_is_refused_in_the_admin(client, synced_sites, title):
    """The editor's slip that stopped the city's publishing: told on the field, in Finnish."""
    from django.urls import reverse

    from tests.admin_forms import page_form

    home = synced_sites["city"].site.root_page
    client.force_login(factories.UserFactory(groups=[synced_sites["city"].editors_group]))
    add = reverse("wagtailadmin_pages:add", args=("pages", "contentpage", home.pk))
    # (A lead may have lines.)
    data = page_form(title, "kokous", "<p>Esityslista.</p>", lead="Rivi 1\nRivi 2")
    response = client.post(add, data, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    [error] = response.context["form"].errors["title"]
    assert "on oltava yksi rivi" in error
    assert not Page.objects.filter(slug="kokous").exists()
    data = page_form("Valtuuston kokous", "kokous", "<p>Esityslista.</p>")
    response = client.post(add, data)
    assert response.status_code == 302, response.context["form"].errors


@pytest.mark.parametrize(
    ("block", "value", "field"),
    [
        (HeadingBlock(), {"text": "Otsikko\nrivi", "level": "h2"}, "text"),
        (QuoteBlock(), {"quote": "Lainaus", "attribution": "Matti\x1b[31m"}, "attribution"),
        (CallToActionBlock(), {"label": "Lue\nlisää", "url": "https://kaislahti.fi/"}, "label"),
    ],
    ids=["heading", "quote attribution", "call to action"],
)
def test_a_blocks_short_texts_are_one_line(block, value, field):
    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(block.to_python(value))
    assert field in refused.value.block_errors
