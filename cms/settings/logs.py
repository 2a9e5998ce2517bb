"""Logging: one level for everything, to the console (systemd's journal, or bin/run's log
files)."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

# A level as people write it ("info", " Warning"; empty: the default); one logging does not
# know is refused by name, not by a traceback from every command.
LOG_LEVEL = (os.environ.get("LOG_LEVEL") or "").strip().upper() or "INFO"
if LOG_LEVEL not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
    raise ImproperlyConfigured(
        f"LOG_LEVEL={LOG_LEVEL!r}: give one of DEBUG, INFO, WARNING, ERROR or CRITICAL."
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
