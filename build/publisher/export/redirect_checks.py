"""The admin's redirect form refuses what the static sites cannot publish: an address a
static host cannot match (a query string, nginx syntax) and a loop of redirects.

Wagtail's redirect views take their form class from their own module, so its ``clean`` is
wrapped here (``install``, from the app's ``ready``) rather than a form swapped in.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django import forms
from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail.contrib.redirects.forms import RedirectForm
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from .addresses import normalise
from .exporter import Exporter

# Longer chains are refused as well: every visitor would wait on each step.
MAX_STEPS = 20


def _static_path(exporter: Exporter, page: Page) -> tuple[Site, str] | None:
    located = exporter.locate(page)
    if located is None:
        return None
    profile = next(p for p in exporter.profiles if p.key == located.site)
    return profile.site, located.path


def _page_at(exporter: Exporter, site: Site, key: str) -> bool:
    """Whether a live page has this address (without its final slash) on ``site``."""
    profile = next((p for p in exporter.profiles if p.site.pk == site.pk), None)
    if profile is None:
        return False
    info = exporter.sites[profile.key]
    first, _slash, rest = key.lstrip("/").partition("/")
    lang = first if first in info.languages[1:] else info.languages[0]
    relative = rest if lang != info.languages[0] else key.lstrip("/")
    homes = [path for path, place in exporter.homes.items() if place == (profile.key, lang)]
    if not homes:
        return False
    relative = relative.strip("/")
    url_path = exporter.home_url_paths[homes[0]] + (relative + "/" if relative else "")
    return Page.objects.filter(url_path=url_path).live().exists()


def _link_target(exporter: Exporter, origin: Site, link: str) -> tuple[Site, str] | None:
    """Where a redirect's web address leads on the city's sites; None if elsewhere."""
    if link.startswith("/") and not link.startswith("//"):
        return origin, link
    parts = urlsplit(link)
    root = f"{parts.scheme}://{parts.netloc}"
    site = next((p.site for p in exporter.profiles if p.site.root_url == root), None)
    return (site, parts.path or "/") if site is not None else None


def problem(old_path: str, site: Site | None, page: Page | None, link: str) -> str | None:
    """Why this redirect cannot be published, or None."""
    start = normalise(old_path or "")
    if start is None:
        return _(
            "The static sites cannot redirect this address: give a plain path without a "
            "query string (?), spaces, quotes or any of the characters { } ; $ #."
        )
    exporter = Exporter()
    exporter.locate_homes()
    sites = [site] if site is not None else [p.site for p in exporter.profiles]
    for origin in sites:
        seen = {(origin.pk, start)}
        if page is not None:
            found = _static_path(exporter, page)
            if found is None:
                continue
            target_site, path = found
        else:
            found = _link_target(exporter, origin, link)
            if found is None:
                continue  # outside the city's sites
            target_site, path = found
        for _step in range(MAX_STEPS):
            key = normalise(path)
            if key is None or _page_at(exporter, target_site, key):
                break
            if (target_site.pk, key) in seen:
                return _(
                    "These redirects would send visitors round in a loop back to %(path)s."
                ) % {"path": old_path}
            seen.add((target_site.pk, key))
            following = (
                Redirect.objects.filter(old_path=Redirect.normalise_path(key))
                .filter(Q(site=target_site) | Q(site__isnull=True))
                .order_by("site_id")
                .first()
            )
            if following is None:
                break
            if following.redirect_page is not None:
                found = _static_path(exporter, following.redirect_page)
                if found is None:
                    break
                target_site, path = found
            else:
                found = _link_target(exporter, target_site, following.redirect_link.strip())
                if found is None:
                    break
                target_site, path = found
        else:
            return _("This redirect starts a chain of more than %(count)d redirects.") % {
                "count": MAX_STEPS
            }
    return None


def install(*checks: Callable[[str, Site | None], str | None]) -> None:
    """Wrap the form's ``clean``; ``checks`` are more of them, ``check(old_path, site)`` ->
    why not (or None), from the stages above the export (the publisher's own addresses:
    ``publisher.reserved``, given by the app)."""
    original = RedirectForm.clean

    def clean(self):
        cleaned = original(self)
        data = cleaned if isinstance(cleaned, dict) else self.cleaned_data
        if data.get("old_path") and not self.errors:
            why = problem(
                data["old_path"],
                data.get("site"),
                data.get("redirect_page"),
                (data.get("redirect_link") or "").strip(),
            )
            for check in checks:
                why = why or check(data["old_path"], data.get("site"))
            if why:
                raise forms.ValidationError(why)
        return cleaned

    RedirectForm.clean = clean
