"""The identity check reaches the texts outside pages that are published too: an event
category's name (on every event page and feed) and a redirect's path and target (nginx's
map and a public redirect page), in the admin as an editor adds them."""

import pytest

from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect

from cms.events.models import EventCategory

pytestmark = pytest.mark.django_db

DISGUISED = "27 04 31-776N"


def test_an_event_category_named_with_a_code_is_refused(admin_client, synced_sites):
    add = reverse("wagtailsnippets_events_eventcategory:add")
    response = admin_client.post(add, {"name": f"Kurssi {DISGUISED}", "slug": "kurssi"})
    assert response.status_code == 200
    assert "henkilötunnus" in str(response.context["form"].errors["name"])
    assert not EventCategory.objects.exists()
    assert admin_client.post(add, {"name": "Kurssit", "slug": "kurssit"}).status_code == 302


@pytest.mark.parametrize(
    ("old_path", "link"),
    [
        (f"/paatos-{DISGUISED.replace(' ', '%20')}", "https://kaislahti.example/"),
        ("/paatos", "https://kaislahti.example/?hakija=250508\u04108045"),
    ],
    ids=["path", "target"],
)
def test_a_redirect_with_a_code_in_its_path_or_target_is_refused(admin_client, old_path, link):
    data = {"old_path": old_path, "site": "", "is_permanent": "on", "redirect_link": link}
    response = admin_client.post(reverse("wagtailredirects:add"), data)
    assert response.status_code == 200
    assert "Henkilötunnusta ei saa julkaista" in str(response.context["form"].errors)
    assert not Redirect.objects.exists()
    data |= {"old_path": "/paatos", "redirect_link": "https://kaislahti.example/paatos"}
    assert admin_client.post(reverse("wagtailredirects:add"), data).status_code == 302
