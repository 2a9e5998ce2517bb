"""The CMS's Content-Security-Policy as the server writes it: every inline script of every
kind of page's edit and add view carries the response's nonce, the policy names that nonce
and never ``'unsafe-inline'`` for scripts, and a response without an inline script names
no nonce. (Chromium runs the admin under it: ``tests/processes/test_admin_csp.py``.)"""

from __future__ import annotations

import re

import pytest

from wagtail.models import Page

from tests.factories import UserFactory

# Inline scripts that run: not data (JSON) and not the templates Wagtail keeps in them.
INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"(?:application|text/template))([^>]*)>")
NONCE = re.compile(r"'nonce-([^']+)'")


def _script_policy(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part for part in policy.split(";") if part.strip().startswith("script-src"))


@pytest.mark.django_db
def test_every_inline_script_of_the_editors_carries_the_nonce(client, city_content):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    views = []
    seen = set()
    for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        meta, parent = page._meta, page.get_parent()
        views.append(f"/admin/pages/{page.pk}/edit/")
        if type(page).can_create_at(parent):  # (one per site: a home, a notice index)
            views.append(f"/admin/pages/add/{meta.app_label}/{meta.model_name}/{parent.pk}/")
    assert len(views) >= 12
    inline_scripts = 0
    for view in views:
        response = client.get(view)
        assert response.status_code == 200, view
        policy = _script_policy(response)
        assert "unsafe" not in policy, view
        scripts = INLINE.findall(response.content.decode())
        inline_scripts += len(scripts)
        nonces = NONCE.findall(policy)
        for attributes in scripts:
            assert nonces and f'nonce="{nonces[0]}"' in attributes, (view, attributes)
    # Choosers, date pickers and inline panels: the check above really saw scripts.
    assert inline_scripts > 20


@pytest.mark.django_db
def test_a_response_without_inline_scripts_names_no_nonce(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert not INLINE.findall(response.content.decode())
    policy = response["Content-Security-Policy"]
    assert "'nonce-" not in policy
    for directive in ("object-src 'none'", "frame-ancestors 'self'", "base-uri 'self'"):
        assert directive in policy


@pytest.mark.django_db
def test_a_preview_may_show_the_other_sites_images(city_content):
    """A home page's cards show images of the sites it syndicates, from their own
    addresses: the preview's policy names every site, and nothing else is added."""
    from django.test import RequestFactory

    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page.specific
    # (Wagtail's own way of running a preview: through every middleware, as the admin does.)
    response = home.make_preview_request(RequestFactory().get("/"), home.default_preview_mode)
    assert response.status_code == 200 and b"<html" in response.content
    images = next(
        part.split()[1:]
        for part in response["Content-Security-Policy"].split(";")
        if part.split()[0] == "img-src"
    )
    origins = {site.root_url for site in Site.objects.all()}
    assert len(origins) >= 5 and set(images) == {"'self'", "data:", "blob:", *origins}
