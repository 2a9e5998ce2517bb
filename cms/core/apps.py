"""App configuration for the core app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("City sites")

    def ready(self) -> None:
        # Connects the cleaning of every new image's metadata (a pre_save receiver).
        # Wagtail's redirects are published (nginx's map, a redirect page): their paths
        # and targets pass the identity check as every other published text does. Their
        # admin form, edit and CSV import run the fields' validators.
        from wagtail.contrib.redirects.models import Redirect

        from . import csp, image_metadata, translation_form, visibility  # noqa: F401
        from .control_chars import one_line
        from .identity_check import no_identity_code

        translation_form.install()
        csp.install()
        visibility.install()
        for name in ("old_path", "redirect_link"):
            validators = Redirect._meta.get_field(name).validators
            # (A line break in a path would be a line of nginx's map.)
            for validator in (no_identity_code, one_line):
                if validator not in validators:
                    validators.append(validator)
