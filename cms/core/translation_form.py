"""The admin's "Translate" form refuses a language whose parent page has no translation.

Wagtail's form only greys that checkbox out; a request that names the language anyway
reached ``copy_for_translation`` and answered 500 (``ParentNotTranslatedError``). Its
``clean`` is wrapped here (``install``, from the app's ``ready``), as the redirect form's.
"""

from __future__ import annotations

from django.utils.translation import gettext


def install() -> None:
    from wagtail.contrib.simple_translation.forms import SubmitTranslationForm

    original = SubmitTranslationForm.clean

    def clean(self):
        cleaned = original(self)
        disabled = set(self.fields["locales"].widget.disabled_values or [])
        chosen = (cleaned or self.cleaned_data).get("locales") or []
        refused = [locale for locale in chosen if locale.pk in disabled]
        if refused:
            # On the field: the form's template shows no errors of the form as a whole.
            self.add_error(
                "locales",
                gettext(
                    "%(languages)s: translate the page above this one into that language first."
                )
                % {"languages": ", ".join(str(locale.get_display_name()) for locale in refused)},
            )
        return cleaned

    SubmitTranslationForm.clean = clean
