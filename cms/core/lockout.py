"""What a locked-out login gets (django-axes): 429, with ``Retry-After`` saying when the
account may try again from that address, in the editor's language."""

from __future__ import annotations

from math import ceil

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation


def locked_out(request: HttpRequest, response=None, credentials=None) -> HttpResponse:
    seconds = ceil(settings.AXES_COOLOFF_TIME.total_seconds())
    # Answered after the admin's view has put its own language back: the browser's, here.
    with translation.override(translation.get_language_from_request(request)):
        page = render(
            request,
            "core/locked_out.html",
            {"minutes": ceil(seconds / 60), "failures": settings.AXES_FAILURE_LIMIT},
            status=429,
        )
    page["Retry-After"] = str(seconds)
    return page
