"""Which pages an editor may see the titles of outside their own sites and sections, and
whose draft titles.

Editors of one site must not learn another site's drafts, embargoed pages or draft notices
through the admin's shared views: the page chooser (browse and search, and the page it
opens at), the explorer at another site's page, any other view of a page (a move's
confirmation names both pages), the bulk actions' list of pages they may not act on, the
page-types report, and the people the explorer's filters name (``install``).
A page is visible to a user who has any permission on it or above it, and otherwise only
when it is live and not private (what the public sites show anyway, so an editor can still
link to another site's live pages). Superusers see everything.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_noop

from wagtail.models import GroupPagePermission, Page, PageViewRestriction, Site
from wagtail.permission_policies.pages import PagePermissionPolicy

# /admin/choose-page/<id>/: the chooser opened at a page (its title and path shown).
CHOOSER_AT = re.compile(r"^/admin/choose-page/(\d+)/")
# /admin/pages/<id>/: the explorer at a page (its title and its children's, drafts too).
EXPLORER_AT = re.compile(r"^/admin/pages/(\d+)/$")
# Every other view of a page or two (/admin/pages/<id>/move/<id>/confirm/ showed both
# titles to anyone): each page it names must be one the editor may see.
# (Only the numbers that are pages': a revision's or a task's is not.)
PAGE_VIEW = re.compile(r"^/admin/pages/(\d+)/(?:move/(\d+)/)?.")
# The workflow's views of a page (preview, action): their refusal named the page's title.
WORKFLOW_VIEW = re.compile(r"^/admin/pages/workflow/[\w-]+/(\d+)/")
# Reports that name pages of every site (the last edited page of each type).
ALL_SITES_REPORTS = ("/admin/reports/page-types-usage/",)


# Whose admin request is being answered (None: nobody's, or a superuser's), for the titles
# rendered without the request (``draft_title_shown``).
_viewer: ContextVar[dict | None] = ContextVar("admin_viewer", default=None)


def draft_title_shown(page) -> bool:
    """Whether the editor being answered may see ``page``'s draft title: on a page of their
    own sites or sections. Others (a live page of another site in the chooser) see the
    live title: a renamed draft may be an embargoed announcement."""
    viewer = _viewer.get()
    if viewer is None:
        return True
    if viewer["paths"] is None:
        viewer["paths"] = tuple(_own_paths(viewer["user"]))
    return page.path.startswith(viewer["paths"])


# What another site's editor sees in place of a page that is not live (a chooser or a link
# saved with its id typed in): that something is there, not what.
NOT_SHOWN = gettext_noop("(a page you may not see)")


def may_see(user, page_id: int) -> bool:
    """Whether ``user`` may see the page's title and address (``visible``, or theirs)."""
    return user.is_superuser or _seen(user, page_id)


def _own_paths(user) -> set[str]:
    rows = GroupPagePermission.objects.filter(group__user=user)
    return set(rows.values_list("page__path", flat=True))


def visible(user) -> Q:
    """The pages ``user`` may see the titles of."""
    if user.is_superuser:
        return Q()
    found = Q(live=True)
    for path in set(PageViewRestriction.objects.values_list("page__path", flat=True)):
        found &= ~Q(path__startswith=path)
    for path in _own_paths(user):
        found |= Q(path__startswith=path)
    return found


def sees_every_site(user) -> bool:
    """Whether ``user`` has rights on every site (communications, moderators)."""
    if user.is_superuser:
        return True
    own = _own_paths(user)
    homes = Site.objects.values_list("root_page__path", flat=True)
    return bool(own) and all(any(home.startswith(p) for p in own) for home in homes)


def _explorable(user, page_id: int) -> bool:
    """Wagtail's own notion: pages the user has a permission on, and those above them."""
    return PagePermissionPolicy().explorable_instances(user).filter(pk=page_id).exists()


def _seen(user, page_id: int) -> bool:
    if Page.objects.filter(visible(user), pk=page_id).exists() or _explorable(user, page_id):
        return True
    # (The page's own permission tester: a translation's copied parents carry no group
    # permission of their own, and its kind may decide who edits it: notices.)
    page = Page.objects.filter(pk=page_id).first()
    return page is not None and bool(page.specific.permissions_for_user(user).permissions)


def chooser_pages(pages: QuerySet, request: HttpRequest) -> QuerySet:
    """``construct_page_chooser_queryset``: only the pages the editor may see."""
    return pages.filter(visible(request.user))


class AdminVisibilityMiddleware:
    """The admin's views that name a page outside the listings Wagtail filters: the page
    the chooser or the explorer opens at, and the reports of every site (404 to those who
    may not see them)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not user.is_superuser:
            at = CHOOSER_AT.match(request.path_info)
            if at and not Page.objects.filter(visible(user), pk=int(at.group(1))).exists():
                raise Http404
            if request.path_info.startswith(ALL_SITES_REPORTS) and not sees_every_site(user):
                raise Http404
            explored = EXPLORER_AT.match(request.path_info)
            if explored and not _explorable(user, int(explored.group(1))):
                raise Http404
            viewed = PAGE_VIEW.match(request.path_info) or WORKFLOW_VIEW.match(request.path_info)
            if viewed:
                named = {int(found) for found in viewed.groups() if found}
                if not all(_seen(user, page_id) for page_id in named):
                    raise Http404
            token = _viewer.set({"user": user, "paths": None})
            try:
                return self.get_response(request)
            finally:
                _viewer.reset(token)
        return self.get_response(request)


def _people(field: str, rows):
    """Users who are ``field`` of ``rows`` the request's user may see (a filter's choices)."""

    def choices(request: HttpRequest):
        from django.contrib.auth import get_user_model

        pages = Page.objects.filter(visible(request.user))
        found = pages if rows is None else rows.filter(page__in=pages)
        ids = found.order_by().values_list(field, flat=True)
        return get_user_model().objects.filter(pk__in=ids.distinct())

    return choices


def _link_data(original):
    """A rich-text link's page as the editor's link editor is given it: its address only
    for a page the editor may see (a draft's address of another site says what it is)."""

    def get_attribute_data(self, attrs):
        data = original(self, attrs)
        if _viewer.get() is None or not data.get("url"):
            return data  # (a superuser's, or outside the admin: shown as it is)
        page = Page.objects.filter(pk=data["id"]).first()
        if page is not None and not page.live and not draft_title_shown(page):
            return {"id": data["id"], "url": None, "parentId": None}
        return data

    return get_attribute_data


def install() -> None:
    """The explorer's "Owner" and "Edited by" filters listed every user who owns or edited
    any page of any site: only those of pages the editor may see. A rich-text link's
    address likewise (``_link_data``)."""
    from wagtail.admin.rich_text.converters.html_to_contentstate import PageLinkElementHandler
    from wagtail.admin.views.pages import listing
    from wagtail.models import PageLogEntry

    handler = PageLinkElementHandler.get_attribute_data
    PageLinkElementHandler.get_attribute_data = _link_data(handler)

    for filterset in (listing.PageFilterSet, listing.GenericPageFilterSet):
        filterset.base_filters["owner"].queryset = _people("owner_id", None)
        edits = PageLogEntry.objects.filter(action="wagtail.edit")
        filterset.base_filters["edited_by"].queryset = _people("user_id", edits)
