"""URL routes of the CMS. Wagtail never renders the public sites: they are static."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from cms.operations import documents, images
from cms.operations.api import api_router
from cms.operations.health_view import health
from search.views import search_api

# Django's own admin answers superusers only (``cms/core/admin_site.py``).
urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Not Wagtail's own document view: only editors who may use a document get it here.
    re_path(r"^documents/(\d+)/(.*)$", documents.serve, name="wagtaildocs_serve"),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        wagtaildocs_serve.authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("api/v2/", api_router.urls),
    re_path(r"^api/search/?$", search_api, name="search_api"),
    path("health/", health, name="health"),
    # The public sites are published as static files; the CMS root leads editors to the admin.
    path("", RedirectView.as_view(url="/admin/", permanent=False)),
]

# Previews use the static sites' theme files and media from the CMS host.
urlpatterns += [
    re_path(
        r"^theme/(?P<path>.*)$", serve, {"document_root": settings.THEMES_DIR / "base" / "static"}
    ),
]
# Image renditions: those of live pages to anyone, the rest to their editors (behind nginx
# too, which hands the decision to this view). Nothing else of the media folder is served.
urlpatterns += [re_path(r"^media/images/(.+)$", images.serve_rendition, name="city_rendition")]

# Page routes exist so that Wagtail can compute each page's address (/sv/..., /en/...);
# serving one redirects to the static site (see cms.core.pages.CityPage.serve).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
