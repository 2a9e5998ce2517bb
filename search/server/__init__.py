"""The server-side search index: the headless API's and the admin's search of the public
pages of every site, kept equal to the static sites by the publishing pipeline."""

from .base import PER_PAGE_MAX, Difference, Hit, Query, ResultPage, ServerIndex, get_index

__all__ = [
    "PER_PAGE_MAX",
    "Difference",
    "Hit",
    "Query",
    "ResultPage",
    "ServerIndex",
    "get_index",
]
