"""The admin's "Translate" form refuses a language whose parent page is not translated,
with a message, where a request naming it anyway used to answer 500."""

from __future__ import annotations

import pytest

from wagtail.models import Locale

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_language_without_a_translated_parent_is_refused(client, synced_sites):
    home = synced_sites["city"].site.root_page.specific
    section = factories.SectionIndexPageFactory(parent=home)  # (Finnish only)
    page = factories.ContentPageFactory(parent=section)
    client.force_login(factories.UserFactory(is_superuser=True))
    swedish = Locale.objects.get(language_code="sv")
    response = client.post(f"/admin/translation/submit/page/{page.pk}/", {"locales": [swedish.pk]})
    assert response.status_code == 200
    assert "käännä ensin tämän sivun yläpuolella oleva sivu" in response.content.decode()
    assert not page.get_translations().exists()
