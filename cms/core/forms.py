"""The admin forms every city page type is edited and copied with."""

from __future__ import annotations

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.models import Page

from . import link_check
from .control_chars import one_line
from .identity_check import no_identity_code

# Why a slug cannot be a page's address under a parent: ``fn(parent, slug, page)`` gives
# the reason or None (the publisher registers it: it knows what it writes where).
RESERVED_HOOK = "reserved_page_address"


class CityPageForm(WagtailAdminPageForm):
    """Wagtail's page form, refusing links the editor may not make (``link_check.py``).
    An error the page's own ``clean`` raises on a field the form does not show (one of
    another panel's, or not in the admin at all) is shown above the form instead of
    failing the request (Django raises ValueError for it)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField | forms.DateTimeField):
                _bounded(field)

    def clean(self):
        cleaned = super().clean()
        slug, parent = cleaned.get("slug"), getattr(self, "parent_page", None)
        if slug and parent is not None and "slug" not in self.errors:
            _refuse_reserved(self, "slug", parent, slug, self.instance)
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


class CityCopyForm(CopyForm):
    """Wagtail's copy form (every city page type's ``copy_form_class``): the new title is
    checked as the page form checks a title (one line, no identity code), and the new slug
    against the publisher's own addresses under the new parent. Otherwise the copy fails
    as it is saved (the page's own ``clean``: a server error) or is left out of the build."""

    def clean_new_title(self) -> str:
        title = self.cleaned_data["new_title"]
        _fits(title, "title")
        one_line(title)
        no_identity_code(title)
        return title

    def clean_new_slug(self) -> str:
        slug = self.cleaned_data["new_slug"]
        _fits(slug, "slug")
        return slug

    def clean(self):
        cleaned = super().clean()
        slug, parent = cleaned.get("new_slug"), cleaned.get("new_parent_page")
        if slug and parent is not None and "new_slug" not in self.errors:
            _refuse_reserved(self, "new_slug", parent, slug, Page())
        return cleaned


# The years a page's dates may be in: a publication, an event or a notice of the city's
# own time (before 1921 Helsinki's clock was its local mean time, +1.39.49, which feeds
# and calendars cannot write; year 1 is no time at all in UTC: a server error).
FIRST_YEAR, LAST_YEAR = 1950, 2199


def _bounded(field) -> None:
    original = field.to_python

    def to_python(value):
        message = _("Give a date between the years %(first)d and %(last)d.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
        try:
            cleaned = original(value)
        except OverflowError:
            raise ValidationError(message, code="date_range") from None
        if cleaned and not FIRST_YEAR <= cleaned.year <= LAST_YEAR:
            raise ValidationError(message, code="date_range")
        return cleaned

    field.to_python = to_python


def _fits(value: str, field: str) -> None:
    """As long as the page's field holds (Wagtail's copy form has no limit: a server error)."""
    MaxLengthValidator(Page._meta.get_field(field).max_length)(value)


def reserved(parent, slug: str, page) -> str | None:
    """Why ``slug`` cannot be ``page``'s address under ``parent``, told to the editor."""
    for check in hooks.get_hooks(RESERVED_HOOK):
        reason = check(parent, slug, page)
        if reason:
            return _("This address cannot be used: %(reason)s. Choose another.") % {
                "reason": reason
            }
    return None


def _refuse_reserved(form, field: str, parent, slug: str, page) -> None:
    message = reserved(parent, slug, page)
    if message:
        form.add_error(field, message)
