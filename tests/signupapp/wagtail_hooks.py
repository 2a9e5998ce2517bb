"""The test app's kind of personal data, registered as every app registers its own."""

from wagtail import hooks

from cms.core.personal_data import PERSONAL_DATA_HOOK

from .kind import SignUps

hooks.register(PERSONAL_DATA_HOOK, SignUps)
