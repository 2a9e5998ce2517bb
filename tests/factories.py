"""Factories for users, media and every page type. Pages are created through Wagtail's
tree API (``parent=...``), so they pass the same validation an editor's page would."""

from __future__ import annotations

import io
from datetime import timedelta

import factory
import wagtail_factories

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.rich_text import RichText

from cms.demo.media import landscape_jpeg
from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsArticlePage, NewsIndexPage, PressReleaseIndexPage, PressReleasePage
from cms.notices.models import NoticeAttachment, NoticeIndexPage, NoticePage, NoticeType
from cms.pages.models import ContentPage, HomePage, SectionIndexPage


def paragraph_body(text: str = "Kaupungin palvelut ovat avoinna arkisin.") -> list:
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def contact_cards() -> list:
    return [
        (
            "contact",
            {
                "name": "Liisa Korhonen",
                "job_title": "viestintäpäällikkö",
                "organisation": "",
                "phone": "+358 29 123 4010",
                "email": "liisa.korhonen@kaislahti.example",
                "address": "",
            },
        )
    ]


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@kaislahti.example")
    password = factory.django.Password("secret-pass-123")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"kuva-{n}")
    file = factory.LazyAttribute(
        lambda image: ImageFile(
            io.BytesIO(landscape_jpeg("lake", seed=1, width=320, height=180)),
            name=f"{image.title}.jpg",
        )
    )


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = factory.Sequence(lambda n: f"Koti {n}")


class SectionIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionIndexPage

    title = factory.Sequence(lambda n: f"Osio {n}")


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Palvelu {n}")
    lead = "Tietoa palvelusta."
    body = factory.LazyFunction(paragraph_body)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Uutiset"


class PressReleaseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PressReleaseIndexPage

    title = "Tiedotteet"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsArticlePage

    title = factory.Sequence(lambda n: f"Uutinen {n}")
    lead = "Lyhyt johdanto uutiseen."
    resident_headline = factory.LazyAttribute(lambda page: page.title)
    body = factory.LazyFunction(paragraph_body)


class PressReleasePageFactory(NewsArticlePageFactory):
    class Meta:
        model = PressReleasePage

    title = factory.Sequence(lambda n: f"Tiedote {n}")
    media_headline = "Kaupunki tiedottaa"
    contacts = factory.LazyFunction(contact_cards)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Tapahtumat"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Tapahtuma {n}")
    lead = "Tervetuloa mukaan."
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    end = factory.LazyAttribute(lambda page: page.start + timedelta(hours=2))
    venue_name = "Kaupungintalo"
    organiser = "Kaislahden kaupunki"
    is_free = True


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wagtaildocs.Document"

    title = factory.Sequence(lambda n: f"asiakirja-{n}")
    file = factory.django.FileField(filename="asiakirja.txt", data=b"Kaislahti")


class FileDeletionTaskFactory(factory.django.DjangoModelFactory):
    """A finished file deletion as the database task backend keeps it (the file's name in
    its arguments)."""

    class Meta:
        model = "django_tasks_database.DBTaskResult"

    class Params:
        name = "documents/asiakirja.txt"

    status = "SUCCESSFUL"
    args_kwargs = factory.LazyAttribute(
        lambda o: {"args": [["django.core.files.storage.FileSystemStorage", [], {}], o.name]}
    )
    task_path = "wagtail.tasks.delete_file_from_storage_task"
    backend_name = "default"
    run_after = factory.LazyFunction(timezone.now)


class NoticeIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NoticeIndexPage

    title = "Kuulutukset"
    slug = "kuulutukset"


class NoticePageFactory(wagtail_factories.PageFactory):
    """A notice with personal data in every place a notice can hold it."""

    class Meta:
        model = NoticePage

    title = factory.Sequence(lambda n: f"Poikkeamispäätös {n}, Rantakatu")
    lead = "Rakennuslautakunta on myöntänyt poikkeamisen."
    notice_type = NoticeType.DECISION
    legal_basis = "Maankäyttö- ja rakennuslaki 173 §"
    issuing_body = "Rakennuslautakunta"
    record_number = factory.Sequence(lambda n: f"{4000 + n}/10.03.00.01/2026")
    display_from = factory.LazyFunction(timezone.now)
    appeal_days = 14
    body = '<p>Hakija: <span class="personal-data">Matti Meikäläinen</span>.</p>'
    persons_concerned = "Maija Meikäläinen, Rantakatu 5"
    contact_name = "Liisa Lakimies"
    contact_phone = "040 123 4567"
    contact_email = "liisa.lakimies@kaislahti.example"


class NoticeAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NoticeAttachment

    page = factory.SubFactory(NoticePageFactory)
    document = factory.SubFactory(DocumentFactory)
    personal = True


class SearchDocFactory(factory.DictFactory):
    """A search document as the export makes them (``search.documents``), with its digest."""

    id = factory.Sequence(lambda n: 900_000 + n)
    site = "city"
    site_name = "Kaislahti"
    lang = "fi"
    type = "page"
    url = factory.LazyAttribute(lambda o: f"/sivu-{o.id}/")
    full_url = factory.LazyAttribute(lambda o: f"http://{o.site}.localhost{o.url}")
    title = factory.Sequence(lambda n: f"Sivu {n}")
    lead = ""
    text = ""
    date = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from search.documents import digest

        doc = super()._create(model_class, *args, **kwargs)
        doc["digest"] = digest(doc)
        return doc
