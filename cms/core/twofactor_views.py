"""The admin's two-factor pages (``twofactor.py``): setting up an authenticator app, and
giving a code after the password."""

from __future__ import annotations

import io
from base64 import b32encode
from binascii import unhexlify

from django_otp import login as otp_login
from django_otp import match_token
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image
from django_otp.util import random_hex

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .twofactor import safe_next

RECOVERY_CODES = 10


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def token(self) -> str:
        return "".join(self.cleaned_data["code"].split())


def _qr_svg(url: str) -> str:
    out = io.BytesIO()
    write_qrcode_image(url, out)
    svg = out.getvalue().decode()
    return svg[svg.index("<svg") :]  # without the XML declaration, to sit inside HTML


# The key being set up lives in the session that asked for it, never in the database: a
# second session that knows the password (what two-factor is for) gets a key of its own,
# which no device ever gets.
SETUP_KEY = "two_factor_setup_key"
SETUP_TRIES = "two_factor_setup_tries"
# Wrong codes before the key being set up is replaced by a new one.
SETUP_MAX_TRIES = 5


def _new_setup_key(request: HttpRequest) -> str:
    request.session[SETUP_KEY] = random_hex(20)
    request.session[SETUP_TRIES] = 0
    return request.session[SETUP_KEY]


def _confirmed(request: HttpRequest, key: str, token: str) -> list[str] | None:
    """The device made of ``key`` if ``token`` is its code now (and the recovery codes);
    None if not."""
    totp = TOTP(unhexlify(key), step=30, t0=0, digits=6)
    if not token.isdigit() or not totp.verify(int(token), tolerance=1):
        return None
    user = request.user
    with transaction.atomic():
        # (One setup at a time per account: the row locked until this one is done.)
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            return None  # (set up meanwhile, in another session)
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(
            user=user, name=_("Authenticator app"), key=key, confirmed=True, last_t=totp.t()
        )
        StaticDevice.objects.filter(user=user).delete()
        recovery = StaticDevice.objects.create(user=user, name=_("Recovery codes"))
        codes = [StaticToken.random_token() for _n in range(RECOVERY_CODES)]
        recovery.token_set.bulk_create([StaticToken(device=recovery, token=code) for code in codes])
    otp_login(request, device)
    request.session.cycle_key()  # a new session key with the new privilege
    return codes


def setup(request: HttpRequest) -> HttpResponse:
    """A new authenticator app: its key (as a QR code and as text), this session's own (a
    reload or a second tab shows the same key, so the app scanned first still works;
    replaced after too many wrong codes), confirmed by one of its codes; then the recovery
    codes, shown once."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(reverse("two_factor_verify") + "?" + request.GET.urlencode())
    key = request.session.get(SETUP_KEY) or _new_setup_key(request)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        codes = _confirmed(request, key, form.token())
        if codes is not None:
            request.session.pop(SETUP_KEY, None)
            return render(
                request,
                "core/two_factor_recovery.html",
                {"codes": codes, "next": safe_next(request, reverse("wagtailadmin_home"))},
            )
        request.session[SETUP_TRIES] = request.session.get(SETUP_TRIES, 0) + 1
        if request.session[SETUP_TRIES] >= SETUP_MAX_TRIES:
            key = _new_setup_key(request)
            form.add_error("code", _("Too many wrong codes: add the new key below to the app."))
        else:
            form.add_error(
                "code", _("That code is not right. Check the app's clock and try again.")
            )
    device = TOTPDevice(user=request.user, name=_("Authenticator app"), key=key)
    return render(
        request,
        "core/two_factor_setup.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": b32encode(device.bin_key).decode(),
            "next": safe_next(request, reverse("wagtailadmin_home")),
        },
    )


def verify(request: HttpRequest) -> HttpResponse:
    """A code from the app, or a recovery code (used up), after the password."""
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.token())
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()  # a new session key with the new privilege
            return redirect(safe_next(request, reverse("wagtailadmin_home")))
        # (A wrong code also makes the next one wait: django-otp's throttling.)
        form.add_error("code", _("That code is not right, or came too soon after a wrong one."))
    return render(
        request,
        "core/two_factor_verify.html",
        {"form": form, "next": safe_next(request, reverse("wagtailadmin_home"))},
    )
