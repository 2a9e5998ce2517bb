"""The health endpoint for monitoring (the checks are in ``health.py``)."""

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import report


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 with the checks when healthy, 503 when any fails (what load balancers and
    monitoring expect). Messages in the ``Accept-Language`` language."""
    with translation.override(translation.get_language_from_request(request)):
        result = report()
    return JsonResponse(
        result,
        status=200 if result["status"] == "ok" else 503,
        json_dumps_params={"ensure_ascii": False},
    )
