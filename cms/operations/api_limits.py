"""Bounds on the read API's query parameters, so that a malformed or costly request gets a
400 with a message rather than a 500 or a slow answer: ``offset`` within what any listing
holds (SQLite cannot take an offset past 2**63), and a search of at most so many
characters and words (each word is one more full-text match to make)."""

from __future__ import annotations

from wagtail.api.v2.utils import BadRequestError

from search.safe_backend import search_problem
from search.views import BadQuery, whole_number

MAX_OFFSET = 10_000


class BoundedQueries:
    """A Wagtail API viewset's checks, with the platform's bounds added."""

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
