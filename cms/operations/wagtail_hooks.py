"""Admin hooks of the CMS layer: the publishing view's menu entry and URLs; a page left out of
its site's last build says so on its edit view; the admin API's
documents and images endpoints, which list only what the editor may use (``documents.py``,
``images.py``)."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from publisher.public import page_problem

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


@hooks.register("before_edit_page")
def left_out_of_publishing(request, page) -> None:
    """The editor of a page its site's last build left out sees why, on the page."""
    problem = page_problem(page.pk)
    if problem and request.method == "GET":
        messages.error(
            request,
            gettext(
                "This page could not be published and is not on its site; the rest of the "
                "site is live. Error: %(error)s. Correct the page and publish it again."
            )
            % {"error": problem},
        )
