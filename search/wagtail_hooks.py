"""The search app's hooks: the indexer every build keeps in step with the sites, and the
admin menu entry and URL of the public search view."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from publisher.public import INDEXERS_HOOK

from . import admin_views
from .indexer import SearchIndexer

hooks.register(INDEXERS_HOOK, SearchIndexer)


@hooks.register("register_admin_urls")
def register_urls():
    return [path("public-search/", admin_views.public_search, name="public_search")]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(_("Public search"), reverse("public_search"), icon_name="search", order=910)
