"""Test settings: fast hashing, in-memory cache, tasks run immediately, isolated var dir."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
# Tests of the admin sign in with force_login; tests/cms/test_two_factor.py turns it on.
TWO_FACTOR_REQUIRED = False
SECRET_KEY = "test-only-secret-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl"},
}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "media"],
    }
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Tests use the database engines; the Elasticsearch tests build their own index when
# ELASTICSEARCH_URL is set, so no page saved in a test writes to a live cluster.
SEARCH_INDEX = DATABASE_SEARCH_INDEX  # noqa: F405
WAGTAILSEARCH_BACKENDS = DATABASE_WAGTAILSEARCH_BACKENDS  # noqa: F405
# Media and outputs written by tests never touch the developer's var/ folder.
VAR_DIR = Path(os.environ.get("CITY_TEST_VAR_DIR", tempfile.mkdtemp(prefix="city-test-")))
MEDIA_ROOT = VAR_DIR / "media"
OUTPUT_DIR = VAR_DIR / "output"
BACKUP_KEYS_DIR = VAR_DIR / "backup-keys"

# Defence in depth: even code that bypasses the test-database set-up can never open the
# developer's database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["NAME"] = str(VAR_DIR / "db.sqlite3")  # noqa: F405

# A content app of the tests' own, with a kind nothing in build/ or search/ names
# (tests/publisher/test_kinds.py); and one with a kind of personal data nothing in cms/removal
# names (tests/removal/test_second_kind.py).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.kindapp", "tests.signupapp"]  # noqa: F405
