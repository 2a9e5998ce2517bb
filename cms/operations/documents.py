"""Documents on the CMS host are not public: the static sites publish the ones their pages
use, with their own copies.

- ``/documents/<id>/<file>`` answers only a logged-in user who may choose or edit
  documents in that collection (anyone else gets a 404, which says nothing of what
  exists), and never lets a search engine index or a cache keep what it served.
- The live read API lists only documents that live, public pages link or attach, official
  notices aside (their attachments can name people, and their data expires).
- The admin API lists only the documents of the collections the editor may use.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, IntegerField
from django.db.models.functions import Cast
from django.http import Http404, HttpRequest, HttpResponse

from wagtail.documents import get_document_model, get_permission_policy
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.documents.views import serve as wagtail_serve
from wagtail.models import Page, ReferenceIndex

from cms.core.api_fields import personal_pages
from publisher.public import PageProblem

from .api_limits import BoundedQueries

ACTIONS = ["choose", "change"]


def usable_by(user):
    """The documents ``user`` may choose or edit (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return get_document_model().objects.none()
    return get_permission_policy().instances_user_has_any_permission_for(user, ACTIONS)


def published(model=None):
    """Documents (or the ``model``'s objects: images) that a live, public page links,
    attaches or shows (the reference index), as subqueries: on 100,000 pages the ids would
    not fit in one query's parameters."""
    model = model or get_document_model()
    document_type = ContentType.objects.get_for_model(model)
    page_type = ContentType.objects.get_for_model(Page)
    # (The index keeps object ids as text, for any kind of primary key.)
    pages = (
        Page.objects.live()
        .public()
        .exclude(personal_pages())  # a notice's attachments are not the API's to list
        # (A page left out of its site's build is not on it: publisher.builds.leftout.)
        .exclude(pk__in=PageProblem.objects.values("page_id"))
        .annotate(key=Cast("pk", CharField()))
        .values("key")
    )
    referenced = (
        ReferenceIndex.objects.filter(
            to_content_type=document_type, base_content_type=page_type, object_id__in=pages
        )
        .annotate(document=Cast("to_object_id", IntegerField()))
        .values("document")
    )
    return model.objects.filter(pk__in=referenced)


def serve(request: HttpRequest, document_id: str, document_filename: str) -> HttpResponse:
    document = get_document_model().objects.filter(pk=document_id).first()
    policy = get_permission_policy()
    allowed = (
        document is not None
        and request.user.is_authenticated
        and policy.user_has_any_permission_for_instance(request.user, ACTIONS, document)
    )
    if not allowed:
        raise Http404
    response = wagtail_serve.serve(request, document_id, document_filename)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


class PublishedDocumentsAPIViewSet(BoundedQueries, DocumentsAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=published().values("pk"))


class EditorsDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=usable_by(self.request.user).values("pk"))
