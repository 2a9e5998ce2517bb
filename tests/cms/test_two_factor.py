"""Two-factor authentication for the accounts that reach furthest: a legal officer (and a
superuser, communications, moderators) proves a code from an authenticator app after the
password before any admin page, document or Django admin page; a site editor does not."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from cms.core.permissions import LEGAL_OFFICERS
from tests.factories import UserFactory

PASSWORD = "secret-pass-123"


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def signed_in(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, t0=device.t0, step=device.step, drift=offset):06d}"


@pytest.fixture
def officer(synced_sites):
    return UserFactory(groups=[Group.objects.get(name=LEGAL_OFFICERS)])


def set_up(client, user) -> tuple[TOTPDevice, list[str]]:
    page = client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=user)
    assert page.status_code == 200 and b"<svg" in page.content
    response = client.post("/admin/two-factor/setup/", {"code": code_for(device)})
    assert response.status_code == 200
    codes = list(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(codes) == 10
    for code in codes:
        assert code.encode() in response.content
    device.refresh_from_db()
    return device, codes


def test_a_legal_officer_sets_up_an_app_before_anything_else(officer, client):
    signed_in(client, officer)
    for path in ("/admin/", "/admin/pages/", "/django-admin/", "/documents/1/x.pdf"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/two-factor/setup/?next="), path
    # What the setup page itself loads is answered (its icons), not sent to the setup.
    assert client.get("/admin/sprite/").status_code == 200
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=officer)
    wrong = client.post("/admin/two-factor/setup/", {"code": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    device.refresh_from_db()
    assert not device.confirmed
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):  # past the wrong one's delay
        device, codes = set_up(client, officer)
    assert device.confirmed and len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_the_next_sign_in_asks_for_a_code_and_a_recovery_code_works_once(officer, client):
    signed_in(client, officer)
    device, codes = set_up(client, officer)

    later = signed_in(client.__class__(), officer)
    assert later.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
    # In the editor's admin language (Finnish unless they chose another).
    assert "Kirjoita todennussovelluksesi" in later.get("/admin/two-factor/verify/").text
    assert later.post("/admin/two-factor/verify/", {"code": "123 456"}).status_code == 200
    assert later.get("/admin/").status_code == 302
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):  # past the wrong one's delay
        answer = later.post(
            "/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/pages/"}
        )
        assert answer.status_code == 302 and answer["Location"] == "/admin/pages/"
        assert later.get("/admin/").status_code == 200

    again = signed_in(client.__class__(), officer)
    assert again.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 200
    assert again.get("/admin/").status_code == 302, "a recovery code signs in once"


def test_a_code_from_the_app_signs_in_and_next_never_leaves_the_cms(officer, client):
    signed_in(client, officer)
    device, _codes = set_up(client, officer)
    later = signed_in(client.__class__(), officer)
    with time_machine.travel(timezone.now() + timedelta(seconds=60), tick=False):
        answer = later.post(
            "/admin/two-factor/verify/",
            {"code": code_for(device), "next": "https://attacker.example/admin/"},
        )
    assert answer.status_code == 302 and answer["Location"] == "/admin/"


def test_wrong_codes_slow_the_next_ones_down(officer, client):
    signed_in(client, officer)
    device, _codes = set_up(client, officer)
    later = signed_in(client.__class__(), officer)
    for _n in range(3):
        later.post("/admin/two-factor/verify/", {"code": "000000"})
    refused = later.post("/admin/two-factor/verify/", {"code": code_for(device)})
    assert refused.status_code == 200, "the right code too soon after wrong ones is refused"
    assert later.get("/admin/").status_code == 302


def test_a_site_editor_signs_in_with_the_password(synced_sites, client):
    editor = UserFactory(groups=[Group.objects.filter(name__startswith="Site editors").first()])
    signed_in(client, editor)
    assert client.get("/admin/").status_code == 200


def test_a_superuser_needs_the_second_factor_too(db, client):
    signed_in(client, UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


def test_a_lost_phone_is_reset_by_a_command(officer, client):
    signed_in(client, officer)
    set_up(client, officer)
    call_command("two_factor_reset", officer.username)
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticToken.objects.filter(device__user=officer).exists()
    later = signed_in(client.__class__(), officer)
    assert later.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")
