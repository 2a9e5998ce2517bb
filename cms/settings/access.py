"""Who may sign in and how often: login throttling, sessions, two-factor authentication,
and the public read APIs' rate limits; each from the environment. And what the admin's
pages may load and run (its Content-Security-Policy)."""

from __future__ import annotations

import os
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF

from .env import env_bool, env_list

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account
# from one address, that account cannot log in from there until the cool-off has passed,
# even with the right password. Per account and address, so that nobody can lock a
# colleague out from elsewhere.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.core.lockout.locked_out"
# Behind nginx the connection is nginx's: the client is the address nginx writes in
# X-Forwarded-For, believed only from gunicorn's unix socket (which only nginx may enter)
# and from these proxies' TCP addresses (cms/core/clients.py). None by default: any local
# process could connect to a TCP port on 127.0.0.1 and claim to be nginx.
AXES_CLIENT_IP_CALLABLE = "cms.core.clients.client_address"
TRUSTED_PROXIES = set(env_list("DJANGO_TRUSTED_PROXIES", ""))

# Per-client limits of the public read APIs (cms/core/ratelimits.py), as django-ratelimit
# rates: requests per second, minute or hour. nginx limits the same paths first.
API_SEARCH_RATE = os.environ.get("API_SEARCH_RATE", "300/m")
API_READ_RATE = os.environ.get("API_READ_RATE", "600/m")
RATELIMIT_USE_CACHE = "ratelimit"

# An editor's login lasts a working day at most, and ends with the browser: a session left
# open on a shared computer in a library or a meeting room does not stay an open admin.
SESSION_COOKIE_AGE = int(float(os.environ.get("SESSION_HOURS", "8")) * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Superusers, communications staff, moderators and legal officers give a code from an
# authenticator app after their password (cms/core/twofactor.py). Development settings turn
# it off unless asked, so that the demo's accounts sign in with the README's password.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Kaislahti CMS")

# The CMS's Content-Security-Policy (django-csp): see cms/core/csp.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        # Wagtail's image previews and focal-point tool read uploads as blob: and data:.
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        # The live preview is a frame of the CMS's own.
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
