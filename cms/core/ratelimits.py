"""Per-client rate limits of the CMS's public read APIs (``/api/search``, ``/api/v2/``),
counted by django-ratelimit: past the limit a client gets 429 with ``Retry-After``, in its
language, until its window ends.

nginx limits the same paths first (``limit_req`` in the generated configuration); this is
the second line, which also holds where the CMS is reached some other way. The counts live
in the ``ratelimit`` cache: Redis when ``RATELIMIT_REDIS_URL`` is set (shared by every
WSGI worker, incremented atomically), otherwise each worker process's memory (a client then
gets at most the limit times the number of workers; nginx's shared limit stays exact).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django_ratelimit import ALL
from django_ratelimit.core import get_usage

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.core.clients import ratelimit_key

logger = logging.getLogger(__name__)

# Path prefix -> (group counted under, setting that holds the rate).
LIMITED = (
    ("/api/search", "search", "API_SEARCH_RATE"),
    ("/api/v2/", "read-api", "API_READ_RATE"),
)


def _limit_for(path: str) -> tuple[str, str] | None:
    for prefix, group, setting in LIMITED:
        if path.startswith(prefix):
            return group, getattr(settings, setting)
    return None


def too_many(request: HttpRequest, seconds: int) -> HttpResponse:
    with translation.override(translation.get_language_from_request(request)):
        message = _("Too many requests. Try again in %(seconds)d seconds.") % {"seconds": seconds}
    response = JsonResponse({"error": message}, status=429)
    response["Retry-After"] = str(seconds)
    response["Access-Control-Allow-Origin"] = "*"
    return response


class ApiRateLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = _limit_for(request.path_info)
        if limit is not None:
            group, rate = limit
            try:
                usage = get_usage(
                    request, group=group, key=ratelimit_key, rate=rate, method=ALL, increment=True
                )
            except Exception:
                # The shared counter (Redis) cannot be reached: answer rather than fail
                # every request; nginx's own limit still holds.
                logger.exception("Rate limit counter unavailable for %s", group)
                usage = None
            if usage and usage["should_limit"]:
                return too_many(request, max(1, usage["time_left"]))
        return self.get_response(request)
