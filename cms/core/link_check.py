"""Links respect permissions: a page is not saved in the admin with a new link to (or
choice of) a document or image its editor may not choose.

Wagtail's choosers only offer what the editor may use, but rich text and stored block
values can name any id (typed into the HTML, pasted from another page, sent by a script);
each site's build would then publish the file. The references are the ones Wagtail's own
reference index extracts (rich text links and embeds, chooser blocks, foreign keys,
inline panels). A reference already stored for the page (added by someone allowed to)
is kept: an editor is not blocked by what they did not add.

Other apps add rules of their own through a Wagtail hook (``LINK_RULES_HOOK``: ``fn()``
gives a ``Rule``): the notices' rule refuses a link to a notice's personal attachment from
anywhere but its notice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents import get_permission_policy as document_policy
from wagtail.images import get_image_model
from wagtail.images import get_permission_policy as image_policy
from wagtail.models import Page, ReferenceIndex

from . import visibility

# (page, referenced model, object id, model path) -> a message refusing it, or None.
Rule = Callable[[object, type, str, str], str | None]
LINK_RULES_HOOK = "register_link_rule"


def _new_references(page) -> Iterator[tuple[type, str, str]]:
    stored = set()
    if page.pk:
        stored = {
            (ref.to_content_type_id, ref.to_object_id)
            for ref in ReferenceIndex.get_references_for_object(page)
        }
    # (Wagtail's own extraction, the one that fills the reference index.)
    for type_id, object_id, model_path, _path in ReferenceIndex._extract_references_from_object(
        page
    ):
        if (type_id, object_id) in stored:
            continue
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None:
            yield model, object_id, model_path


def refused(page, user) -> list[str]:
    """Why ``page``, as ``user`` would save it, links what it may not (empty if fine)."""
    checked = {get_document_model(): document_policy(), get_image_model(): image_policy()}
    messages: list[str] = []
    rules = [make() for make in hooks.get_hooks(LINK_RULES_HOOK)]
    for model, object_id, model_path in _new_references(page):
        for rule in rules:
            message = rule(page, model, object_id, model_path)
            if message and message not in messages:
                messages.append(message)
        if issubclass(model, Page):
            if object_id.isdigit() and not visibility.may_see(user, int(object_id)):
                messages.append(
                    gettext(
                        "This page links to page %(id)s, which you may not see: choose a "
                        "published page or one of your own sites."
                    )
                    % {"id": object_id}
                )
            continue
        policy = next((p for m, p in checked.items() if issubclass(model, m)), None)
        if policy is None:
            continue
        target = model.objects.filter(pk=object_id).first()
        if target is None or not policy.user_has_any_permission_for_instance(
            user, ["choose"], target
        ):
            messages.append(
                gettext(
                    "This page links or shows %(kind)s %(id)s, which you may not use: "
                    "choose one from your own collections."
                )
                % {"kind": model._meta.verbose_name, "id": object_id}
            )
    return messages
