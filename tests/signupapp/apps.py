"""The sign-up test app's configuration."""

from django.apps import AppConfig


class SignUpAppConfig(AppConfig):
    name = "tests.signupapp"
    label = "signupapp"
    default_auto_field = "django.db.models.BigAutoField"
