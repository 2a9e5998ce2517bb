"""gunicorn's configuration for the CMS (``gunicorn -c cms/deploy/gunicorn.conf.py``): the
admin, the read APIs and the search API behind nginx. Read by gunicorn itself, so it only
reads the environment (the systemd unit's ``EnvironmentFile``)."""

import multiprocessing
import os

wsgi_app = "cms.wsgi:application"
# Only nginx on this machine talks to the CMS.
bind = os.environ.get("CMS_BIND", "127.0.0.1:8001")
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
# X-Forwarded-Proto is believed from nginx on this machine only.
forwarded_allow_ips = os.environ.get("DJANGO_TRUSTED_PROXIES", "127.0.0.1,::1")
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
