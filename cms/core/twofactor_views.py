"""The admin's two-factor pages (``twofactor.py``): setting up an authenticator app, and
giving a code after the password."""

from __future__ import annotations

import io
from base64 import b32encode

from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from django import forms
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


def setup(request: HttpRequest) -> HttpResponse:
    """A new authenticator app: its key (as a QR code and as text), confirmed by one of its
    codes; then the recovery codes, shown once."""
    user = request.user
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(reverse("two_factor_verify") + "?" + request.GET.urlencode())
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.token()):
            with transaction.atomic():
                device.confirmed = True
                device.save()
                StaticDevice.objects.filter(user=user).delete()
                recovery = StaticDevice.objects.create(user=user, name=_("Recovery codes"))
                codes = [StaticToken.random_token() for _n in range(RECOVERY_CODES)]
                recovery.token_set.bulk_create(
                    [StaticToken(device=recovery, token=code) for code in codes]
                )
            otp_login(request, device)
            return render(
                request,
                "core/two_factor_recovery.html",
                {"codes": codes, "next": safe_next(request, reverse("wagtailadmin_home"))},
            )
        form.add_error("code", _("That code is not right. Check the app's clock and try again."))
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
            return redirect(safe_next(request, reverse("wagtailadmin_home")))
        # (A wrong code also makes the next one wait: django-otp's throttling.)
        form.add_error("code", _("That code is not right, or came too soon after a wrong one."))
    return render(
        request,
        "core/two_factor_verify.html",
        {"form": form, "next": safe_next(request, reverse("wagtailadmin_home"))},
    )
