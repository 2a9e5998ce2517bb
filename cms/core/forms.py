"""The admin form every city page type is edited with."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm

from . import link_check

# Why a slug cannot be a page's address under a parent: ``fn(parent, slug, page)`` gives
# the reason or None (the publisher registers it: it knows what it writes where).
RESERVED_HOOK = "reserved_page_address"


class CityPageForm(WagtailAdminPageForm):
    """Wagtail's page form, refusing links the editor may not make (``link_check.py``).
    An error the page's own ``clean`` raises on a field the form does not show (one of
    another panel's, or not in the admin at all) is shown above the form instead of
    failing the request (Django raises ValueError for it)."""

    def clean(self):
        cleaned = super().clean()
        slug, parent = cleaned.get("slug"), getattr(self, "parent_page", None)
        if slug and parent is not None and "slug" not in self.errors:
            for check in hooks.get_hooks(RESERVED_HOOK):
                reason = check(parent, slug, self.instance)
                if reason:
                    message = _("This address cannot be used: %(reason)s. Choose another.")
                    self.add_error("slug", message % {"reason": reason})
                    break
        return cleaned

    def _post_clean(self) -> None:
        super()._post_clean()  # (the instance now holds the submitted content)
        user = getattr(self, "for_user", None)
        if user is not None and not self.errors:
            for message in link_check.refused(self.instance, user):
                self.add_error(None, message)

    def _update_errors(self, errors: ValidationError) -> None:
        if hasattr(errors, "error_dict"):
            shown: dict[str, list] = {}
            for name, messages in errors.error_dict.items():
                key = name if name == NON_FIELD_ERRORS or name in self.fields else NON_FIELD_ERRORS
                shown.setdefault(key, []).extend(messages)
            errors = ValidationError(shown)
        super()._update_errors(errors)
