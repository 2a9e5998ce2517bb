"""Admin hooks of the core app: the admin API's documents endpoint lists only what the
editor may use (``documents.py``)."""

from wagtail import hooks

from .documents import EditorsDocumentsAdminAPIViewSet


# After Wagtail's own hook (order 0), which registers the unfiltered endpoint.
@hooks.register("construct_admin_api", order=100)
def documents_for_editors(router) -> None:
    router.register_endpoint("documents", EditorsDocumentsAdminAPIViewSet)
