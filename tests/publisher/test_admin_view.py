"""Editors see each site's publishing state; communications staff can rebuild a site."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from publisher.models import PublishRequest, PublishStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_status_page_shows_success_failure_and_queue(client, synced_sites):
    from django.utils import timezone

    PublishStatus.objects.create(
        site_key="city", last_success_at=timezone.now(), last_duration=0.42, last_files=3
    )
    PublishStatus.objects.create(
        site_key="tourism",
        last_error="TemplateSyntaxError: nosuchfilter",
        last_error_at=timezone.now(),
    )
    PublishRequest.objects.create(reason="publish", page_id=1)
    editor = factories.UserFactory(groups=[synced_sites["city"].editors_group])
    client.force_login(editor)
    html = client.get(reverse("publisher_status")).content.decode()
    assert "0,42 s" in html or "0.42 s" in html
    assert "TemplateSyntaxError: nosuchfilter" in html
    assert "Rebuild" not in html and "Rakenna" not in html, "editors cannot rebuild"


def test_communications_can_queue_a_full_rebuild(client, synced_sites):
    comms = factories.UserFactory(groups=[Group.objects.get(name="Communications")])
    client.force_login(comms)
    response = client.post(reverse("publisher_rebuild", args=["tourism"]))
    assert response.status_code == 302
    rebuild = PublishRequest.objects.get(reason__startswith="full rebuild")
    assert rebuild.site_key == "tourism" and comms.username in rebuild.reason


def test_editors_cannot_rebuild(client, synced_sites):
    editor = factories.UserFactory(groups=[synced_sites["city"].editors_group])
    client.force_login(editor)
    client.post(reverse("publisher_rebuild", args=["city"]))
    assert not PublishRequest.objects.filter(reason__startswith="full rebuild").exists()
