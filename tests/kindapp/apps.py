"""The test content app's configuration."""

from django.apps import AppConfig


class KindAppConfig(AppConfig):
    name = "tests.kindapp"
    label = "kindapp"
    default_auto_field = "django.db.models.BigAutoField"
