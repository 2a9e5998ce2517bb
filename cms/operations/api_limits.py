"""Bounds on the read API's query parameters, so that a malformed or costly request gets a
400 with a message rather than a 500 or a slow answer: ``offset`` within what any listing
holds (SQLite cannot take an offset past 2**63), and a search of at most so many
characters and words (each word is one more full-text match to make)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError

from search.safe_backend import search_problem
from search.views import BadQuery, whole_number

MAX_OFFSET = 10_000


class BoundedQueries:
    """A Wagtail API viewset's checks, with the platform's bounds added; a filter value its
    field cannot take (a date that is none) is a 400 too, not a 500."""

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except (ValidationError, ValueError) as error:
            raise BadRequestError(_problem(error)) from None

    def check_query_parameters(self, queryset) -> None:
        super().check_query_parameters(queryset)
        try:
            whole_number(self.request, "offset", 0, 0, MAX_OFFSET)
        except BadQuery as error:
            raise BadRequestError(str(error)) from None
        if "search" in self.request.GET:
            problem = search_problem(self.request.GET["search"])
            if problem:
                raise BadRequestError(problem)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in ("and", "or"):
            raise BadRequestError(_("search_operator must be “and” or “or”."))


def _problem(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(str(message) for message in error.messages)
    return str(error)
