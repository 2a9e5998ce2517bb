"""Admin hooks that stop press releases from skipping communications' review.

The permission tester (``PressReleasePage.permissions_for_user``) hides "Publish" when
editing and in bulk actions; these hooks cover the create view, whose publish permission
is judged on the parent page. A blocked publish keeps the editor's draft.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks

from cms.core.workflows import user_can_publish_press_releases

from .models import PressReleasePage


def _is_press_release(page) -> bool:
    return isinstance(page, PressReleasePage) or (
        getattr(page, "specific_class", None) is PressReleasePage
    )


@hooks.register("construct_page_action_menu")
def hide_publish_for_press_releases(menu_items, request, context):
    page = context.get("page")
    blocked = page is not None and _is_press_release(page)
    if blocked and not user_can_publish_press_releases(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_publish_page")
def block_unreviewed_press_release(request, page):
    if _is_press_release(page) and not user_can_publish_press_releases(request.user):
        messages.error(
            request,
            _(
                "Press releases are reviewed by communications. Your draft was saved: "
                "submit it for review to publish it."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.id)
    return None
