"""The admin form every city page type is edited with."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from wagtail.admin.forms import WagtailAdminPageForm


class CityPageForm(WagtailAdminPageForm):
    """Wagtail's page form; an error the page's own ``clean`` raises on a field the form
    does not show (one of another panel's, or not in the admin at all) is shown above
    the form instead of failing the request (Django raises ValueError for it)."""

    def _update_errors(self, errors: ValidationError) -> None:
        if hasattr(errors, "error_dict"):
            shown: dict[str, list] = {}
            for name, messages in errors.error_dict.items():
                key = name if name == NON_FIELD_ERRORS or name in self.fields else NON_FIELD_ERRORS
                shown.setdefault(key, []).extend(messages)
            errors = ValidationError(shown)
        super()._update_errors(errors)
