"""gunicorn's configuration for the CMS (``gunicorn -c cms/deploy/gunicorn.conf.py``): the
admin, the read APIs and the search API behind nginx. Read by gunicorn itself, so it only
reads the environment (the systemd unit's ``EnvironmentFile``)."""

import multiprocessing
import os
from pathlib import Path

wsgi_app = "cms.wsgi:application"
# Only nginx talks to the CMS: by default through a unix socket in a folder that only the
# service user and nginx's group may enter (``bin/deploy`` makes it), so no other local
# process can reach gunicorn and claim to be nginx (``cms.deploy.nginx.SOCKET``: the same).
_var = Path(os.environ.get("CITY_VAR_DIR") or Path(__file__).resolve().parents[2] / "var")
SOCKET = _var / "socket" / "cms.sock"
bind = os.environ.get("CMS_BIND") or f"unix:{SOCKET}"
# Synchronous workers: each request is short and database-bound. Two per core and one more
# is gunicorn's own advice; SQLite in WAL mode takes concurrent readers.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
# A request that takes longer is ended (nginx gives up at the same time); an upload of a
# 20 MB image over a slow line is read by nginx first, so it never holds a worker.
timeout = int(os.environ.get("CMS_TIMEOUT_SECONDS", "60"))
graceful_timeout = 30
# Workers are replaced now and then, so a slow leak in a library never grows for weeks.
max_requests = 2000
max_requests_jitter = 200
# X-Forwarded-Proto is believed from the proxies the app believes X-Forwarded-For from
# (``cms.settings.access.TRUSTED_PROXIES``); gunicorn trusts a unix socket's peer itself.
forwarded_allow_ips = os.environ.get("DJANGO_TRUSTED_PROXIES", "")
# Logs go to the journal (standard error); nginx keeps the access log.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# No control socket: it would be made in the service user's home, and systemd already
# stops, restarts and reloads the server.
control_socket_disable = True
# The settings module is the unit's; nothing is loaded before the workers fork, so a
# restart picks up new code without a stale copy in the master.
preload_app = False


def on_starting(server) -> None:
    """The socket's folder, private if nothing made it (``bin/deploy`` gives nginx's group
    the right to enter it)."""
    if bind.startswith("unix:"):
        Path(bind[5:]).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
