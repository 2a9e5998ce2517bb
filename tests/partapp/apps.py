"""The test part app's configuration."""

from django.apps import AppConfig


class PartAppConfig(AppConfig):
    name = "tests.partapp"
    label = "partapp"
