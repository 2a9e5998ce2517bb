"""Two-factor authentication (django-otp) for the editors whose account reaches furthest:
superusers, communications staff and moderators (who publish on every site) and legal
officers (who touch notices and their personal data).

After the password such an editor proves a second factor: a code from an authenticator
app (TOTP), or one of ten single-use recovery codes given when the app was set up. Until
then every admin page, Django's admin and the CMS's documents send them to the setup or
the code page. Wrong codes slow down: django-otp's devices refuse a code for a doubling
delay after each failure. ``manage.py two_factor_reset USER`` removes a lost phone.
"""

from __future__ import annotations

from collections.abc import Callable

from django_otp import user_has_device

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from cms.core.permissions import COMMUNICATIONS, LEGAL_OFFICERS, MODERATORS

REQUIRED_GROUPS = (COMMUNICATIONS, MODERATORS, LEGAL_OFFICERS)
# What an editor can reach with a password alone: nothing that shows content.
PROTECTED = ("/admin/", "/django-admin/", "/documents/")
# The pages before the second factor, and what every admin page loads: Wagtail puts the
# icon sprite it fetches into the page, so a redirect there would put a second form in it.
OPEN = (
    "/admin/two-factor/",
    "/admin/login/",
    "/admin/logout/",
    "/admin/jsi18n/",
    "/admin/sprite/",
)


def required_for(user: AbstractBaseUser) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_GROUPS).exists()


def proven(request: HttpRequest) -> bool:
    """Whether the signed-in user has given every factor this session needs."""
    user = request.user
    if not settings.TWO_FACTOR_REQUIRED or not required_for(user):
        return True
    return bool(getattr(user, "is_verified", lambda: False)())


def safe_next(request: HttpRequest, default: str) -> str:
    """The ``next`` address if it stays on this host, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else default


class RequireTwoFactorMiddleware:
    """After django-otp's ``OTPMiddleware``: a user who must prove a second factor and has
    not in this session is sent to prove it (or to set it up)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if (
            settings.TWO_FACTOR_REQUIRED
            and path.startswith(PROTECTED)
            and not path.startswith(OPEN)
            and request.user.is_authenticated
            and not request.user.is_verified()
            and required_for(request.user)
        ):
            view = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
            return redirect(f"{reverse(view)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
