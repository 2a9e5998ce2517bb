"""The development settings with the test part app installed: the settings of a real
worker in ``tests/processes`` that shows a part and tells a subscriber what went live."""

from cms.settings.dev import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.partapp"]  # noqa: F405
