"""Admin hooks of the core app: the admin API's documents endpoint lists only what the
editor may use (``documents.py``); the two-factor pages (``twofactor.py``)."""

from django.urls import path

from wagtail import hooks

from . import twofactor_views
from .documents import EditorsDocumentsAdminAPIViewSet


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", twofactor_views.setup, name="two_factor_setup"),
        path("two-factor/verify/", twofactor_views.verify, name="two_factor_verify"),
    ]


# After Wagtail's own hook (order 0), which registers the unfiltered endpoint.
@hooks.register("construct_admin_api", order=100)
def documents_for_editors(router) -> None:
    router.register_endpoint("documents", EditorsDocumentsAdminAPIViewSet)
