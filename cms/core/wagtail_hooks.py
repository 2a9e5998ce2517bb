"""Admin hooks of the core app: the two-factor pages (``twofactor.py``), the page chooser
limited to what the editor may see (``visibility.py``), and a move (of one page, or a bulk
move) refused where a page's address would be one of the publisher's own (as the page form
refuses it)."""

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


@hooks.register("before_bulk_action")
def refuse_reserved_bulk_move(request, action_type, objects, action):
    # The bulk move checks slugs taken by sibling pages, not the publisher's addresses.
    if action_type != "move":
        return None
    destination = action.cleaned_form.cleaned_data["chooser"]
    refused = [m for m in (reserved(destination, page.slug, page) for page in objects) if m]
    if not refused:
        return None
    for message in dict.fromkeys(refused):
        messages.error(request, message)
    return redirect(action.next_url)
