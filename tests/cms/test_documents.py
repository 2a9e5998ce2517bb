"""Documents are not public on the CMS: its document view answers only editors who may use
the document, with X-Robots-Tag; the live API lists only what live, public pages use; the
admin API lists only the collections the editor may use."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Collection
from wagtail.rich_text import RichText

from cms.core.permissions import NOTICES_COLLECTION
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(synced_sites):
    notices = Collection.objects.get(name=NOTICES_COLLECTION)
    personal = factories.DocumentFactory(title="Kuuleminen", collection=notices)
    tourism = factories.DocumentFactory(
        title="Esite", collection=synced_sites["tourism"].collection
    )
    # Linked from a live, public content page of the city site.
    linked = factories.DocumentFactory(title="Hinnasto", collection=synced_sites["city"].collection)
    section = factories.SectionIndexPageFactory(parent=synced_sites["city"].site.root_page)
    page = factories.ContentPageFactory(
        parent=section,
        body=[
            (
                "paragraph",
                RichText(f'<p><a linktype="document" id="{linked.pk}">Hinnasto</a></p>'),
            )
        ],
    )
    page.save_revision().publish()
    return {"personal": personal, "tourism": tourism, "linked": linked}


def _get(client, document):
    return client.get(document.url)


def test_the_document_view_answers_only_editors_who_may_use_it(client, synced_sites, documents):
    personal = documents["personal"]
    assert _get(client, personal).status_code == 404  # anyone: nothing says it exists
    tourism_editor = factories.UserFactory(groups=[synced_sites["tourism"].editors_group])
    client.force_login(tourism_editor)
    assert _get(client, personal).status_code == 404
    tourism_file = _get(client, documents["tourism"])
    assert tourism_file.status_code == 200
    officer = factories.UserFactory(groups=[Group.objects.get(name="Legal officers")])
    client.force_login(officer)
    response = _get(client, personal)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == b"Kaislahti"


def test_the_live_api_lists_only_documents_that_public_pages_use(client, documents):
    listed = client.get("/api/v2/documents/").json()
    titles = {item["title"] for item in listed["items"]}
    assert titles == {"Hinnasto"}
    assert client.get(f"/api/v2/documents/{documents['personal'].pk}/").status_code == 404


def test_the_admin_api_lists_only_the_editors_collections(client, synced_sites, documents):
    client.force_login(factories.UserFactory(groups=[synced_sites["tourism"].editors_group]))
    listed = client.get(reverse("wagtailadmin_api:documents:listing")).json()
    assert {item["title"] for item in listed["items"]} == {"Esite"}
