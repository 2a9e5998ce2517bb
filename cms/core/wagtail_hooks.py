"""Admin hooks of the core app: the two-factor pages (``twofactor.py``), the page chooser
limited to what the editor may see (``visibility.py``), and a move refused where the page's
address would be one of the publisher's own (as the page form refuses it)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path

from wagtail import hooks

from . import twofactor_views, visibility
from .forms import reserved


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", twofactor_views.setup, name="two_factor_setup"),
        path("two-factor/verify/", twofactor_views.verify, name="two_factor_verify"),
    ]


hooks.register("construct_page_chooser_queryset", visibility.chooser_pages)


@hooks.register("before_move_page")
def refuse_reserved_move(request, page, destination):
    # Otherwise the build leaves the moved page out, and the redirect Wagtail makes from its
    # old address leads to whatever the publisher has there (the search page, a home).
    message = reserved(destination, page.slug, page)
    if message:
        messages.error(request, message)
        return redirect("wagtailadmin_pages:move", page.id)
    return None
