"""The health endpoint for monitoring (the checks are in ``health.py``)."""

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from cms.core.twofactor import proven

from .health import report


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """200 when healthy, 503 when any check fails (what load balancers and monitoring
    expect). The checks themselves (a stuck build's process, a site's last error, the
    notices whose removal failed) only for people signed in to the admin, in their
    ``Accept-Language`` language; ``manage.py health`` shows them on the server."""
    with translation.override(translation.get_language_from_request(request)):
        result = report()
    # (Signed in with every factor the account needs: a password alone is not enough.)
    if not (request.user.has_perm("wagtailadmin.access_admin") and proven(request)):
        result = {"status": result["status"], "checked_at": result["checked_at"]}
    return JsonResponse(
        result,
        status=200 if result["status"] == "ok" else 503,
        json_dumps_params={"ensure_ascii": False},
    )
