"""The admin's publishing view: each site's queue, running build, last success and last
failure, and a full-rebuild button for communications staff."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.core.models import SiteProfile
from cms.core.workflows import user_can_publish_press_releases
from publisher.public import PublishRequest, PublishStatus, request_publish

from .health import checks


def can_rebuild(user) -> bool:
    # The same people who may publish anywhere without review: communications staff.
    return user_can_publish_press_releases(user)


def publishing_status(request):
    statuses = {status.site_key: status for status in PublishStatus.objects.all()}
    queued_pages = PublishRequest.objects.filter(page_id__isnull=False).count()
    rows = []
    for profile in SiteProfile.objects.select_related("site").order_by("key"):
        rows.append(
            {
                "key": profile.key,
                "name": profile.name(),
                "url": profile.site.root_url,
                "status": statuses.get(profile.key),
                "queued_rebuild": PublishRequest.objects.filter(site_key=profile.key).exists(),
            }
        )
    return TemplateResponse(
        request,
        "publisher/status.html",
        {
            "rows": rows,
            "health": checks(),
            "queued_pages": queued_pages,
            "can_rebuild": can_rebuild(request.user),
            "page_title": _("Publishing"),
        },
    )


@require_POST
def rebuild(request, site_key: str):
    if not can_rebuild(request.user):
        raise PermissionDenied
    if not SiteProfile.objects.filter(key=site_key).exists():
        messages.error(request, _("Unknown site."))
        return redirect("publisher_status")
    with transaction.atomic():
        request_publish(reason=f"full rebuild by {request.user.get_username()}", site_key=site_key)
    messages.success(request, _("A full rebuild of the site was queued."))
    return redirect("publisher_status")
