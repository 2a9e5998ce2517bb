"""The live read API (Wagtail API v2), scoped per site: ``/api/v2/pages/?site=tourism``.

Wagtail scopes its API by the request's host name; the CMS answers on one host, so the
site is named in the query instead. Static JSON in each build serves the same content to
consumers that need no live query.
"""

from __future__ import annotations

from django.db.models import Q

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from cms.core.api_fields import personal_pages
from cms.core.models import SiteProfile
from publisher.public import PageProblem

from .api_limits import BoundedQueries
from .documents import PublishedDocumentsAPIViewSet
from .images import PublishedImagesAPIViewSet


class SitePagesAPIViewSet(BoundedQueries, PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["site"])

    def get_site_profile(self) -> SiteProfile | None:
        key = self.request.GET.get("site")
        if not key:
            return None
        profile = SiteProfile.objects.select_related("site__root_page").filter(key=key).first()
        if profile is None:
            known = ", ".join(SiteProfile.objects.order_by("key").values_list("key", flat=True))
            raise BadRequestError(f"unknown site '{key}'; known sites: {known}")
        return profile

    def get_root_page(self):
        profile = self.get_site_profile()
        return profile.site.root_page if profile else super().get_root_page()

    def get_base_queryset(self):
        """Live, public pages of the named site, or of every site when none is named (so
        that every ``detail_url`` works whatever host the CMS answers on)."""
        profile = self.get_site_profile()
        profiles = [profile] if profile else SiteProfile.objects.select_related("site__root_page")
        under = Q()
        for each in profiles:
            for home in each.site.root_page.get_translations(inclusive=True):
                under |= Q(path__startswith=home.path)
        # Official notices (a kind that holds personal data for a time) are not here, nor
        # a page left out of its site's build (on no site: publisher.builds.leftout).
        pages = Page.objects.live().public().filter(under).exclude(personal_pages())
        return pages.exclude(pk__in=PageProblem.objects.values("page_id"))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("images", PublishedImagesAPIViewSet)
api_router.register_endpoint("documents", PublishedDocumentsAPIViewSet)
