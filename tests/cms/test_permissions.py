"""The permissions matrix: every group against every site and media collection.

The expected matrix is written out here independently of cms/core/permissions.py, so a
change to the code that widens or narrows anyone's rights fails this test.
"""

import pytest

from django.contrib.auth.models import Group

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from cms.core.permissions import NOTICES_COLLECTION
from tests import factories

pytestmark = pytest.mark.django_db
image_policy = policy_registry.get_by_type(get_image_model())
document_policy = policy_registry.get_by_type(get_document_model())

SITES = ["city", "tourism", "business", "events", "climate"]
GROUPS = [f"editor:{key}" for key in SITES] + ["communications", "moderators", "legal", "nobody"]


def expected_pages(group: str, site: str) -> dict[str, bool]:
    """What ``group`` may do to pages of ``site``."""
    if group.startswith("editor:"):
        own = group == f"editor:{site}"
        return {"add": own, "edit": own, "publish": own}
    if group == "communications":
        return {"add": True, "edit": True, "publish": True}
    if group == "moderators":
        return {"add": False, "edit": True, "publish": True}
    return {"add": False, "edit": False, "publish": False}


def expected_media(group: str, collection: str) -> dict[str, bool]:
    """What ``group`` may do with images and documents in ``collection`` (a site key or notices)."""
    full = {"add": True, "change": True, "choose": True}
    none = {"add": False, "change": False, "choose": False}
    if group.startswith("editor:"):
        return full if group == f"editor:{collection}" else none
    if group == "communications":
        return none if collection == "notices" else full
    if group == "moderators":
        return none if collection == "notices" else {"add": False, "change": False, "choose": True}
    if group == "legal":
        return full if collection == "notices" else none
    return none


@pytest.fixture
def world(synced_sites):
    """Users in every group, a content page per site and language, media per collection."""
    groups = {
        "communications": Group.objects.get(name="Communications"),
        "moderators": Group.objects.get(name="Moderators"),
        "legal": Group.objects.get(name="Legal officers"),
    }
    for key in SITES:
        groups[f"editor:{key}"] = synced_sites[key].editors_group
    users = {
        name: factories.UserFactory(username=name.replace(":", "-"), groups=[group])
        for name, group in groups.items()
    }
    users["nobody"] = factories.UserFactory(username="nobody")

    pages, collections = {}, {}
    for key in SITES:
        home = synced_sites[key].site.root_page.specific
        for translation in home.get_translations(inclusive=True):
            lang = translation.locale.language_code
            pages[(key, lang)] = (translation, factories.ContentPageFactory(parent=translation))
        collections[key] = synced_sites[key].collection
    collections["notices"] = Collection.objects.get(name=NOTICES_COLLECTION)
    media = {
        key: (
            factories.ImageFactory(collection=collection),
            factories.DocumentFactory(collection=collection),
        )
        for key, collection in collections.items()
    }
    return users, pages, collections, media


def test_page_permissions_matrix(world):
    users, pages, _collections, _media = world
    mismatches = []
    for group in GROUPS:
        user = users[group]
        for (site, lang), (home, page) in pages.items():
            tester = page.permissions_for_user(user)
            actual = {
                "add": home.permissions_for_user(user).can_add_subpage(),
                "edit": tester.can_edit(),
                "publish": tester.can_publish(),
            }
            if actual != expected_pages(group, site):
                mismatches.append((group, site, lang, actual))
    assert mismatches == []


def test_media_permissions_matrix(world):
    users, _pages, collections, media = world
    mismatches = []
    for group in GROUPS:
        user = users[group]
        for key, collection in collections.items():
            image, document = media[key]
            for policy, instance in ((image_policy, image), (document_policy, document)):
                actual = {
                    "add": collection in policy.collections_user_has_permission_for(user, "add"),
                    "change": policy.user_has_permission_for_instance(user, "change", instance),
                    "choose": policy.user_has_permission_for_instance(user, "choose", instance),
                }
                if actual != expected_media(group, key):
                    mismatches.append((group, key, policy.model.__name__, actual))
    assert mismatches == []


def test_every_group_reaches_the_admin_and_nobody_else(world):
    users = world[0]
    for name, user in users.items():
        assert user.has_perm("wagtailadmin.access_admin") == (name != "nobody"), name


def test_permissions_granted_by_hand_to_a_managed_group_are_reset(world, synced_sites):
    from wagtail.models import GroupPagePermission

    from cms.core.services import sites_sync

    tourism_editors = synced_sites["tourism"].editors_group
    city_home = synced_sites["city"].site.root_page
    GroupPagePermission.objects.create(
        group=tourism_editors, page=city_home, permission_type="change"
    )
    sites_sync()
    assert not GroupPagePermission.objects.filter(group=tourism_editors, page=city_home).exists()


def test_site_editor_translates_a_page_of_their_own_site_only(client, synced_sites):
    from django.urls import reverse

    from cms.pages.models import ContentPage

    editor = factories.UserFactory(
        username="translator", groups=[synced_sites["city"].editors_group]
    )
    client.force_login(editor)
    city_page = factories.ContentPageFactory(parent=synced_sites["city"].site.root_page)
    tourism_page = factories.ContentPageFactory(parent=synced_sites["tourism"].site.root_page)
    from wagtail.models import Locale

    swedish = Locale.objects.get(language_code="sv")

    url = reverse("simple_translation:submit_page_translation", args=[city_page.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"locales": [swedish.pk]})
    translation = city_page.get_translation_or_none(swedish)
    assert translation is not None
    assert isinstance(translation.specific, ContentPage)
    assert (
        translation.get_parent().pk
        == synced_sites["city"].site.root_page.get_translation(swedish).pk
    )

    url = reverse("simple_translation:submit_page_translation", args=[tourism_page.pk])
    client.post(url, {"locales": [swedish.pk]})
    assert tourism_page.get_translation_or_none(swedish) is None
