"""``/api/search``: the server-side search of every site's public pages, as JSON.

``?q=words&site=tourism&lang=sv&type=news&page=2&per_page=20``; ``site`` may be given more
than once (or comma-separated). Answers with the total, the page of results with
highlights (HTML: escaped text, matched words in <mark>), and the addresses of the next
and previous pages. Bad parameters get a 400 with a message in the caller's language.
"""

from __future__ import annotations

from math import ceil
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.core.models import SiteProfile
from records import search_types

from .safe_backend import search_problem
from .server import PER_PAGE_MAX, Query, ResultPage, get_index


class BadQuery(ValueError):
    pass


def whole_number(request: HttpRequest, name: str, default: int, low: int, high: int) -> int:
    """The query parameter ``name`` as a whole number from ``low`` to ``high`` (``default``
    when it is absent or empty); ``BadQuery`` says the bounds otherwise."""
    raw = request.GET.get(name, "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        raise BadQuery(
            _("%(name)s must be a whole number from %(low)d to %(high)d.")
            % {"name": name, "low": low, "high": high}
        )
    return value


def parse_query(request: HttpRequest) -> Query:
    text = " ".join(request.GET.get("q", "").split())
    if not text:
        raise BadQuery(_("Give the words to search for in the q parameter."))
    problem = search_problem(text)
    if problem:
        raise BadQuery(problem)
    known_sites = set(SiteProfile.objects.values_list("key", flat=True))
    sites = tuple(
        sorted(
            {key.strip() for raw in request.GET.getlist("site") for key in raw.split(",")} - {""}
        )
    )
    unknown = [key for key in sites if key not in known_sites]
    if unknown:
        raise BadQuery(
            _("Unknown site %(site)s; the sites are %(known)s.")
            % {"site": ", ".join(unknown), "known": ", ".join(sorted(known_sites))}
        )
    lang = request.GET.get("lang", "")
    languages = [code for code, _name in settings.LANGUAGES]
    if lang and lang not in languages:
        raise BadQuery(
            _("Unknown language %(lang)s; the languages are %(known)s.")
            % {"lang": lang, "known": ", ".join(languages)}
        )
    kind = request.GET.get("type", "")
    known = search_types()
    if kind and kind not in known:
        raise BadQuery(
            _("Unknown content type %(type)s; the types are %(known)s.")
            % {"type": kind, "known": ", ".join(known)}
        )
    return Query(
        text=text,
        sites=sites,
        lang=lang,
        type=kind,
        page=whole_number(request, "page", 1, 1, 1000),
        per_page=whole_number(request, "per_page", 10, 1, PER_PAGE_MAX),
    )


def _page_url(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return request.build_absolute_uri(
        f"{request.path}?{urlencode(sorted(params.lists()), doseq=True)}"
    )


def as_json(request: HttpRequest, results: ResultPage) -> dict:
    query = results.query
    pages = ceil(results.total / query.per_page)
    labels = search_types()  # once per answer, not once per hit
    return {
        "query": {
            "q": query.text,
            "site": list(query.sites),
            "lang": query.lang,
            "type": query.type,
        },
        "count": results.total,
        "page": query.page,
        "per_page": query.per_page,
        "pages": pages,
        "next": _page_url(request, query.page + 1) if query.page < pages else None,
        "previous": _page_url(request, query.page - 1) if 1 < query.page <= pages + 1 else None,
        "results": [
            {
                "id": hit.id,
                "site": hit.site,
                "site_name": hit.site_name,
                "lang": hit.lang,
                "type": hit.type,
                "type_label": str(labels[hit.type]),
                "title": hit.title,
                "url": hit.full_url,
                "path": hit.url,
                "lead": hit.lead,
                "date": hit.date,
                "highlight": hit.highlights,
            }
            for hit in results.hits
        ],
    }


@require_GET
def search_api(request: HttpRequest) -> JsonResponse:
    # Outside the i18n URL patterns Django would answer in the default language: a
    # headless consumer says which it wants with Accept-Language.
    with translation.override(translation.get_language_from_request(request)):
        return _search(request)


def _search(request: HttpRequest) -> JsonResponse:
    try:
        query = parse_query(request)
    except BadQuery as error:
        response = JsonResponse({"error": str(error)}, status=400)
    else:
        response = JsonResponse(as_json(request, get_index().search(query)))
        # Results change when something is published: short-lived caching only.
        response["Cache-Control"] = "public, max-age=30"
    # Public data for any headless consumer, from any origin.
    response["Access-Control-Allow-Origin"] = "*"
    return response
