"""Editors' accounts against an outsider: wrong passwords lock the account out from that
address (django-axes), even for the right password, with a 429 that says when to try again;
Django's own admin answers superusers only."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine

from django.conf import settings
from django.utils import timezone

from cms.core.permissions import LEGAL_OFFICERS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "secret-pass-123"  # the factory's


def _login(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_fifty_wrong_passwords_then_the_right_one_does_not_log_in(client):
    from django.contrib.auth.models import Group

    officer = UserFactory(username="lakimies")
    officer.groups.add(Group.objects.get_or_create(name=LEGAL_OFFICERS)[0])
    statuses = {_login(client, "lakimies", f"arvaus{n}").status_code for n in range(50)}
    assert statuses == {200, 429}  # the form again, then locked out
    response = _login(client, "lakimies", PASSWORD)
    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    assert b"Too many failed logins" in response.content
    assert "_auth_user_id" not in client.session
    # The same account from another address is not locked: nobody locks a colleague out.
    assert _login(client, "lakimies", PASSWORD, address="198.51.100.2").status_code == 302
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_a_locked_out_login_is_told_in_the_editors_language(client):
    UserFactory(username="toimittaja")
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "toimittaja", f"arvaus{n}")
    response = client.post(
        "/admin/login/",
        {"username": "toimittaja", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.7",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 429 and b"Liian monta" in response.content


def test_django_admin_answers_superusers_only(client):
    client.force_login(UserFactory(username="henkilokunta", is_staff=True))
    assert client.get("/django-admin/").status_code == 302  # to its login: not allowed
    client.force_login(UserFactory(username="paakayttaja", is_staff=True, is_superuser=True))
    assert client.get("/django-admin/").status_code == 200


def test_a_login_ends_after_a_working_day(client):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.force_login(UserFactory(username="iltavuoro", is_superuser=True))
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(
        start + timedelta(seconds=settings.SESSION_COOKIE_AGE) - timedelta(minutes=1), tick=False
    ):
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(
        start + timedelta(seconds=settings.SESSION_COOKIE_AGE) + timedelta(minutes=1), tick=False
    ):
        assert client.get("/admin/").status_code == 302  # to the login page


def test_a_login_ends_with_the_browser(client):
    UserFactory(username="selain")
    response = _login(client, "selain", PASSWORD)
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a session cookie
