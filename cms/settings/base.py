"""Settings shared by every environment, configured from environment variables.

Everything that varies between machines comes from the environment; everything the
platform writes at run time lives under one folder, ``VAR_DIR`` (``var/`` by default).
"""

from __future__ import annotations

import os
import zoneinfo
from pathlib import Path

import dj_database_url

from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Runtime state: database, media, build outputs and caches. Git-ignored.
VAR_DIR = Path(os.environ.get("CITY_VAR_DIR", BASE_DIR / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)

SITES_DIR = BASE_DIR / "sites"
THEMES_DIR = BASE_DIR / "themes"
OUTPUT_DIR = VAR_DIR / "output"


SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],.localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.core",
    "cms.pages",
    "cms.news",
    "cms.events",
    "cms.notices",
    "cms.removal",
    "cms.operations",
    "cms.demo",
    "cms.deploy",
    "publisher",
    "search",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "cms.core.admin_site.SuperusersAdminConfig",  # django.contrib.admin, superusers only
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "cms.core.clients.ForwardedProtoMiddleware",  # (first: the proxy's header only)
    "django.middleware.security.SecurityMiddleware",
    # Scripts only from the CMS or with the response's nonce (cms/core/csp.py).
    "cms.core.csp.ContentSecurityPolicyMiddleware",
    # Before sessions and the database: a client over its limit costs next to nothing.
    "cms.core.ratelimits.ApiRateLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session has proved a second factor, and who must (cms/core/twofactor.py).
    "django_otp.middleware.OTPMiddleware",
    "cms.core.twofactor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Another site's drafts stay out of the admin's shared views (cms/core/visibility.py).
    # (No redirects middleware: the sites' redirects are nginx's, never the CMS host's.)
    "cms.core.visibility.AdminVisibilityMiddleware",
    # Last, as its documentation asks: answers a locked-out login (cms/core/lockout.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite under the runtime folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the admin read while the task worker writes; a busy timeout turns a
    # momentary lock into a short wait instead of "database is locked". Secure delete
    # overwrites what a delete or update frees: an ended notice's personal data must not
    # linger in the file's free space.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Finnish first, then Swedish (the city is bilingual) and English.
LANGUAGE_CODE = "fi"
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# The keys that seal each notice's personal data in backups (cms/removal/keys.py): never
# in a backup, and on storage whose deleted files are gone (no snapshots of it kept).
BACKUP_KEYS_DIR = Path(os.environ.get("BACKUP_KEYS_DIR", VAR_DIR / "backup-keys"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    },
}

# The default cache and the rate limits' counters. Counters are shared by every WSGI worker
# in Redis when RATELIMIT_REDIS_URL is set; otherwise each worker counts its own.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["RATELIMIT_REDIS_URL"],
            "KEY_PREFIX": os.environ.get("RATELIMIT_KEY_PREFIX", "kaislahti"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if os.environ.get("RATELIMIT_REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"}
    ),
}

# A frontend cache or CDN in front of the static sites: every address a release changes,
# adds or takes away is purged as it goes live (``publisher/release/purge.py``): an edit, an
# expired notice, a removal of personal data. FRONTEND_CACHE_URL is a
# cache that takes HTTP PURGE (Varnish, nginx with its purge module); Cloudflare, CloudFront
# and Azure are configured as Wagtail's frontend cache documents, in a local settings file.
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }
    if os.environ.get("FRONTEND_CACHE_URL")
    else {}
)

# Task queue: the database backend needs no extra server.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        # "media": renditions, with a worker of their own (publisher.tasks).
        "QUEUES": ["default", "media"],
    }
}

# Sites render in parallel processes; 0 means one per CPU core.
PUBLISH_WORKERS = int(os.environ.get("PUBLISH_WORKERS", "0"))
# A full build starts a site's render process beside the others only while the estimated
# memory of the whole build stays under this (publisher/renderpool.py).
PUBLISH_MEMORY_MB = float(os.environ.get("PUBLISH_MEMORY_MB", "1000"))
# A build that runs longer is ended (its changes stay queued and are retried) and, while
# it runs past the limit, reported stuck by `manage.py health`.
PUBLISH_TIMEOUT_SECONDS = float(os.environ.get("PUBLISH_TIMEOUT_SECONDS", "300"))
PUBLISH_FULL_TIMEOUT_SECONDS = float(os.environ.get("PUBLISH_FULL_TIMEOUT_SECONDS", "3600"))
# A folder to profile every build into (cProfile, one file per build), to find where the
# time goes in the real worker; empty (the default) profiles nothing.
PUBLISH_PROFILE_DIR = os.environ.get("PUBLISH_PROFILE_DIR", "")
# Health: a change waiting longer than this to go live, or a notice whose removal is not
# finished this long after its deadline, is a failure to alert on.
HEALTH_QUEUE_MAX_AGE_SECONDS = float(os.environ.get("HEALTH_QUEUE_MAX_AGE_SECONDS", "120"))
HEALTH_NOTICE_GRACE_SECONDS = float(os.environ.get("HEALTH_NOTICE_GRACE_SECONDS", "300"))

# Mail: the legal officers' alerts (cms/removal/incidents.py) and Wagtail's moderation
# messages, through the city's SMTP relay.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
# A relay that does not answer must not hold a removal's round for long.
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "verkkosivut@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Addresses told of an unfinishable removal besides the legal officers' own.
NOTICE_ALERT_EMAILS = env_list("NOTICE_ALERT_EMAILS")

# Production settings say so: demo content (a superuser with a known password), the
# benchmark corpus and the benchmarks refuse to run there.
PRODUCTION = False

WAGTAIL_SITE_NAME = "Kaislahti"
# No avatars from Gravatar: each admin page would tell an outside service, by a hash of
# their e-mail address, which editor is working (and the CSP refuses it anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The time zones an editor may choose: IANA's named zones. The machine's zone folder also
# has aliases such as "localtime", which browsers refuse (Wagtail's account page then
# fails in its script).
WAGTAIL_USER_TIME_ZONES = sorted(
    zone for zone in zoneinfo.available_timezones() if "/" in zone or zone == "UTC"
)
# bin/run's ports (PORT, SITES_PORT) move every address the admin, its e-mails and the
# sites make, so that two instances work side by side on one machine.
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or f"http://localhost:{os.environ.get('PORT') or 8000}"
)
SITES_PORT = int(os.environ.get("SITES_PORT") or 0) or None  # else each site file's port
# The live read API (cms/operations/api.py) answers on the CMS host.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "txt", "csv"]
# Huge uploads are refused with a clear message instead of exhausting memory.
# The admin's image and document forms refuse identity codes (cms/core/identity_check.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.media_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.core.media_forms.DocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True

from .access import *  # noqa: E402, F403 - sign-in, sessions and rate limits
from .logs import *  # noqa: E402, F403 - the log level and where logs go
from .search import *  # noqa: E402, F403 - the search engines, switched by the environment
