"""Admin menu entry and URLs of the publishing view."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("publishing/", views.publishing_status, name="publisher_status"),
        path("publishing/<slug:site_key>/rebuild/", views.rebuild, name="publisher_rebuild"),
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(_("Publishing"), reverse("publisher_status"), icon_name="upload", order=900)
