"""Two-factor authentication for the accounts that reach furthest: a legal officer (and a
superuser, communications, moderators) proves a code from an authenticator app after the
password before any admin page, document or Django admin page; a site editor does not."""

from __future__ import annotations

import re
from base64 import b32decode
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


def shown_key(page) -> bytes:
    """The key the setup page shows (as text, beside its QR code)."""
    return b32decode(re.search(r'id="two-factor-secret">([A-Z2-7=]+)<', page.text)[1])


def code_of(key: bytes, offset: int = 0) -> str:
    return f"{totp(key, drift=offset):06d}"


def set_up(client, user) -> tuple[TOTPDevice, list[str]]:
    page = client.get("/admin/two-factor/setup/")
    assert page.status_code == 200 and b"<svg" in page.content
    response = client.post("/admin/two-factor/setup/", {"code": code_of(shown_key(page))})
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=user)
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
    page = client.get("/admin/two-factor/setup/")
    wrong = client.post("/admin/two-factor/setup/", {"code": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    assert shown_key(wrong) == shown_key(page), "the same key until it is confirmed"
    # A reload (or a second tab) shows the key the app has already scanned.
    assert shown_key(client.get("/admin/two-factor/setup/")) == shown_key(page)
    assert not TOTPDevice.objects.filter(user=officer).exists()
    device, codes = set_up(client, officer)
    assert device.confirmed and len(codes) == 10
    assert client.get("/admin/").status_code == 200


def test_a_second_session_that_knows_the_password_gets_a_key_of_its_own(officer, client):
    """A shared or leaked password is what two-factor is for: the key another session sets
    up never becomes the account's."""
    signed_in(client, officer)
    intruder = signed_in(client.__class__(), officer)
    theirs = shown_key(intruder.get("/admin/two-factor/setup/"))
    session = client.cookies["sessionid"].value
    device, _codes = set_up(client, officer)
    assert theirs != device.bin_key
    assert client.cookies["sessionid"].value != session, "a new session key with the factor"
    refused = intruder.post("/admin/two-factor/setup/", {"code": code_of(theirs)})
    assert refused.status_code == 302, "set up already: sent to give the account's code"
    again = signed_in(client.__class__(), officer)
    assert again.post("/admin/two-factor/verify/", {"code": code_of(theirs)}).status_code == 200
    assert again.get("/admin/").status_code == 302


def test_too_many_wrong_codes_replace_the_key_being_set_up(officer, client):
    signed_in(client, officer)
    first = shown_key(client.get("/admin/two-factor/setup/"))
    for _n in range(5):
        answer = client.post("/admin/two-factor/setup/", {"code": "000000"})
    assert shown_key(answer) != first
    assert client.post("/admin/two-factor/setup/", {"code": code_of(first)}).status_code == 200
    assert not TOTPDevice.objects.filter(user=officer).exists()


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


def test_no_key_of_a_second_factor_is_readable_in_djangos_admin(db, client, settings):
    settings.TWO_FACTOR_REQUIRED = False
    superuser = UserFactory(is_superuser=True, is_staff=True)
    TOTPDevice.objects.create(user=superuser, name="app", confirmed=True)
    client.force_login(superuser)
    assert client.get("/django-admin/").status_code == 200
    for path in ("otp_totp/totpdevice/", "otp_static/staticdevice/"):
        assert client.get(f"/django-admin/{path}").status_code == 404, path
