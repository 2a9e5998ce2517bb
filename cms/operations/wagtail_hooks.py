"""Admin hooks of the CMS layer: the publishing view's menu entry and URLs; the admin API's
documents and images endpoints, which list only what the editor may use (``documents.py``,
``images.py``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .documents import EditorsDocumentsAdminAPIViewSet
from .images import EditorsImagesAdminAPIViewSet


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("publishing/", views.publishing_status, name="publisher_status"),
        path("publishing/<slug:site_key>/rebuild/", views.rebuild, name="publisher_rebuild"),
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(_("Publishing"), reverse("publisher_status"), icon_name="upload", order=900)


# After Wagtail's own hook (order 0), which registers the unfiltered endpoint.
@hooks.register("construct_admin_api", order=100)
def documents_for_editors(router) -> None:
    router.register_endpoint("documents", EditorsDocumentsAdminAPIViewSet)
    router.register_endpoint("images", EditorsImagesAdminAPIViewSet)
