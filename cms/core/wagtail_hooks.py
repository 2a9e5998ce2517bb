"""Admin hooks of the core app: the two-factor pages (``twofactor.py``) and the page chooser
limited to what the editor may see (``visibility.py``)."""

from django.urls import path

from wagtail import hooks

from . import twofactor_views, visibility


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", twofactor_views.setup, name="two_factor_setup"),
        path("two-factor/verify/", twofactor_views.verify, name="two_factor_verify"),
    ]


hooks.register("construct_page_chooser_queryset", visibility.chooser_pages)
