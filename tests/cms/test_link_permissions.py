"""Links respect permissions: an editor cannot publish a page that links a document of a
collection they may not use, typed into the rich text by id, nor a notice's personal
attachment; their own documents link as before."""

import pytest

from django.urls import reverse

from wagtail.models import Collection, Page

from cms.core.permissions import NOTICES_COLLECTION
from cms.notices.models import NoticeAttachment
from tests import factories
from tests.admin_forms import page_form

pytestmark = pytest.mark.django_db


def _post(client, parent, document, slug: str):
    html = f'<p>Katso <a linktype="document" id="{document.pk}">hinnasto</a>.</p>'
    add = reverse("wagtailadmin_pages:add", args=("pages", "contentpage", parent.pk))
    return client.post(add, page_form("Hinnat", slug, html))


@pytest.fixture
def tourism(synced_sites, client):
    home = synced_sites["tourism"].site.root_page.specific
    section = factories.SectionIndexPageFactory(parent=home)
    client.force_login(factories.UserFactory(groups=[synced_sites["tourism"].editors_group]))
    return section


def test_a_document_of_another_collection_cannot_be_linked_by_id(client, synced_sites, tourism):
    city_document = factories.DocumentFactory(collection=synced_sites["city"].collection)
    response = _post(client, tourism, city_document, "hinnat")
    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors()
    assert str(city_document.pk) in error
    assert not Page.objects.filter(slug="hinnat").exists()
    own = factories.DocumentFactory(collection=synced_sites["tourism"].collection)
    assert _post(client, tourism, own, "hinnat").status_code == 302


def test_a_notices_personal_attachment_is_linked_from_its_notice_only(
    client, synced_sites, tourism
):
    notices = Collection.objects.get(name=NOTICES_COLLECTION)
    personal = factories.DocumentFactory(collection=notices)
    section = factories.NoticeIndexPageFactory(parent=synced_sites["city"].site.root_page)
    notice = factories.NoticePageFactory(parent=section)
    NoticeAttachment.objects.create(page=notice, document=personal, personal=True)
    # Even an editor who may use every collection (a superuser) may not link it elsewhere.
    client.force_login(factories.UserFactory(is_superuser=True))
    city_section = factories.SectionIndexPageFactory(parent=synced_sites["city"].site.root_page)
    response = _post(client, city_section, personal, "kuuleminen")
    assert response.status_code == 200
    [error] = response.context["form"].non_field_errors()
    assert "notice" in error or "kuulutu" in error
