"""The admin's view of the public search: editors see what residents find, across every
site, from the same server index as ``/api/search`` (live, public content only)."""

from __future__ import annotations

from math import ceil

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Page

from cms.core.models import SiteProfile
from records import search_types

from .server import get_index
from .views import BadQuery, parse_query


def public_search(request):
    index = get_index()
    context: dict = {
        "page_title": _("Public search"),
        "sites": [(p.key, p.name()) for p in SiteProfile.objects.order_by("key")],
        "languages": settings.LANGUAGES,
        "types": list(search_types().items()),
        "values": request.GET,
        "index_label": index.label,
    }
    if request.GET.get("q", "").strip():
        try:
            query = parse_query(request)
        except BadQuery as error:
            context["error"] = str(error)
        else:
            results = index.search(query)
            pages = ceil(results.total / query.per_page)
            # An edit link only where this user may edit (editors see every site's results).
            editable = {
                page.pk
                for page in Page.objects.filter(pk__in=[hit.id for hit in results.hits])
                if page.permissions_for_user(request.user).can_edit()
            }
            params = request.GET.copy()
            params.pop("page", None)
            context.update(
                results=results,
                editable=editable,
                previous_page=query.page - 1 if query.page > 1 else None,
                next_page=query.page + 1 if query.page < pages else None,
                base_query=params.urlencode(),
            )
    return TemplateResponse(request, "citysearch/public_search.html", context)
