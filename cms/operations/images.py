"""Images on the CMS host are public only once a live, public page shows them: an embargoed
press photo stays unseen until its page goes live.

- The live read API (``/api/v2/images/``) lists only images that live, public pages use,
  official notices aside (``documents.published``).
- A rendition (``/media/images/<file>``) answers anyone for such an image, and otherwise
  only a signed-in user (with every factor the account needs) who may choose or edit the
  image (its collection's editors: the admin's thumbnails and previews); anyone else gets
  a 404, which says nothing of what
  exists. Behind the generated nginx, Django only decides and nginx sends the file
  (``X-Accel-Redirect`` to an internal location); the development server sends it itself,
  and serves nothing else of the media folder (as nginx does).
- The admin API lists only the images the editor may use.
"""

from __future__ import annotations

import posixpath

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse

from wagtail.images import get_image_model
from wagtail.images import get_permission_policy as image_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.core.twofactor import proven

from .api_limits import BoundedQueries
from .documents import published

ACTIONS = ["choose", "change"]
PUBLIC, PRIVATE = "public, max-age=600", "private, max-age=3600"
# The internal location of the generated nginx that sends a rendition (cms/deploy/nginx.py).
INTERNAL = "/_city_renditions/"


class PublishedImagesAPIViewSet(BoundedQueries, ImagesAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=published(get_image_model()).values("pk"))


class EditorsImagesAdminAPIViewSet(ImagesAdminAPIViewSet):
    """The admin API's images: only those the editor may choose or edit."""

    def get_queryset(self):
        user = self.request.user
        usable = image_policy().instances_user_has_any_permission_for(user, ACTIONS)
        return super().get_queryset().filter(pk__in=usable.values("pk"))


def _rendition_of(name: str):
    """The rendition stored as ``images/<name>``, with its image."""
    renditions = get_image_model().get_rendition_model().objects.select_related("image")
    return renditions.filter(file=f"images/{name}").first()


def _audience(request: HttpRequest, image) -> str | None:
    """ "public" for an image a live public page shows, "private" for an editor who may
    use it (signed in with every factor the account needs: a password alone shows no
    embargoed photo), None for anyone else."""
    if published(get_image_model()).filter(pk=image.pk).exists():
        return "public"
    user = request.user
    if not (user.is_authenticated and proven(request)):
        return None
    if image_policy().user_has_any_permission_for_instance(user, ACTIONS, image):
        return "private"
    return None


def serve_rendition(request: HttpRequest, name: str) -> HttpResponse:
    normal = posixpath.normpath(name)
    if normal != name or normal.startswith(("/", "..")) or "/" in normal:
        raise Http404
    rendition = _rendition_of(normal)
    audience = None if rendition is None else _audience(request, rendition.image)
    if audience is None:
        raise Http404
    response: HttpResponse
    if getattr(settings, "MEDIA_ACCEL_REDIRECT", False):
        response = HttpResponse()
        response["X-Accel-Redirect"] = INTERNAL + normal
        del response["Content-Type"]  # (nginx names it from the file)
    else:
        try:
            response = FileResponse(rendition.file.open("rb"))
        except OSError:
            raise Http404 from None
    # An editor's copy only in the browser: a shared cache would hand an unpublished image
    # to anyone. A public one for minutes: a page taken down takes its image with it soon.
    response["Cache-Control"] = PUBLIC if audience == "public" else PRIVATE
    response["X-Content-Type-Options"] = "nosniff"
    return response
