"""Development settings: debug on, a fixed throwaway secret, and e-mail printed to the
console unless an SMTP relay is given."""

import os

from .base import *  # noqa: F403

DEBUG = True
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)  # noqa: F405
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
if "EMAIL_HOST" not in os.environ:  # no relay given: mail is printed, not sent
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
