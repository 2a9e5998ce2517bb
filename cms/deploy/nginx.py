"""nginx's server block for the CMS: the admin, the read APIs and the search API proxied to
gunicorn, the admin's static files (after ``collectstatic``) and image renditions served
directly, uploads bounded, and every client rate-limited.

Rate limits key on the connection's address (``$binary_remote_addr``), counted in nginx's
shared memory, so every worker process sees the same count. Past a limit nginx answers 429
with ``Retry-After`` and a JSON error in the caller's language. Django counts again behind
it (``cms/core/ratelimits.py``), keyed on the ``X-Forwarded-For`` this block sets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from publisher.public import HSTS, https_redirect, tls_lines

# The user nginx's worker processes run as on Debian.
WORKER_USER = "www-data"
# gunicorn's socket under the runtime folder (as ``gunicorn.conf.py`` puts it), in a folder
# only the service user and nginx's group may enter.
SOCKET = Path("socket") / "cms.sock"


# The internal location a rendition is sent from (``cms.operations.images.INTERNAL``).
RENDITIONS = "/_city_renditions/"
# Every path that takes a password or a second factor, under one login limit.
LOGIN_PATHS = (
    "^/(?:(?:admin|django-admin|_util)/(?:login|password_reset|two-factor)/"
    "|(?:_util|documents)/authenticate_with_password/)"
)


def default_upstream(var_dir: Path) -> str:
    """gunicorn's address: ``CMS_BIND`` if set, else its unix socket."""
    return os.environ.get("CMS_BIND") or f"unix:{var_dir / SOCKET}"


@dataclass(frozen=True)
class CmsServer:
    hostname: str
    listen: str
    upstream: str  # gunicorn's address (host:port or unix:/path)
    static_root: Path
    media_root: Path
    https: bool = False
    certificate: str = ""
    certificate_key: str = ""
    redirect_listen: str = ""  # with https: plain HTTP here answers 301 to HTTPS
    search_rate: str = "10r/s"  # per client: /api/search
    api_rate: str = "20r/s"  # per client: /api/v2/
    # Per client address, and a city office's editors may share one: the login page's GETs
    # and POSTs (django-axes locks an account after 5 wrong passwords in any case).
    login_rate: str = "60r/m"
    cms_rate: str = "50r/s"  # per client: everything else proxied
    max_upload_mb: int = 25  # an image may be 20 MB (WAGTAILIMAGES_MAX_UPLOAD_SIZE)


# The 429 page, in the caller's language (the first language it names).
TOO_MANY = """map $http_accept_language $city_too_many {
    default  "{\\"error\\": \\"Too many requests. Try again in a moment.\\"}";
    ~^fi     "{\\"error\\": \\"Liikaa pyyntöjä. Yritä hetken kuluttua uudelleen.\\"}";
    ~^sv     "{\\"error\\": \\"För många förfrågningar. Försök igen om en stund.\\"}";
}
"""


def zones(cms: CmsServer) -> str:
    return (
        f"limit_req_zone $binary_remote_addr zone=city_search:10m rate={cms.search_rate};\n"
        f"limit_req_zone $binary_remote_addr zone=city_api:10m rate={cms.api_rate};\n"
        f"limit_req_zone $binary_remote_addr zone=city_login:10m rate={cms.login_rate};\n"
        f"limit_req_zone $binary_remote_addr zone=city_cms:10m rate={cms.cms_rate};\n"
        f"upstream city_cms {{\n    server {cms.upstream};\n    keepalive 16;\n}}\n"
    )


def _proxied(zone: str, burst: int) -> str:
    return f"""        limit_req zone={zone} burst={burst} nodelay;
        proxy_pass http://city_cms;"""


def cms_block(cms: CmsServer) -> str:
    """The CMS behind gunicorn: limits and proxying, then its locations."""
    listen = f"listen {cms.listen}{' ssl' if cms.https else ''};"
    tls = ""
    if cms.https:
        # nginx sends HSTS on every answer (Django's would miss static files and 429s);
        # Django's own copy is dropped, or a proxied answer would carry the header twice.
        tls = tls_lines(cms.certificate, cms.certificate_key) + HSTS
        tls += "    proxy_hide_header Strict-Transport-Security;\n"
    redirect = ""
    if cms.https and cms.redirect_listen:
        redirect = "\n" + https_redirect("cms", cms.hostname, cms.listen, cms.redirect_listen)
    return _cms_settings(cms, listen, tls) + _cms_locations(cms) + redirect


def _cms_settings(cms: CmsServer, listen: str, tls: str) -> str:
    return f"""# cms
server {{
    {listen}
    server_name {cms.hostname};
{tls}    server_tokens off;
    charset utf-8;

    # Uploads are read whole by nginx before gunicorn sees them, so a slow client never
    # holds a worker; larger ones are refused here (413).
    client_max_body_size {cms.max_upload_mb}m;
    client_body_timeout 30s;
    client_header_timeout 15s;
    send_timeout 60s;

    limit_req_status 429;
    error_page 429 = @city_too_many;

    # The client's address is the connection's: whatever X-Forwarded-For a client sent is
    # replaced, never appended to.
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_connect_timeout 5s;
    proxy_read_timeout 65s;

    gzip on;
    gzip_comp_level 6;
    gzip_types text/css application/json application/javascript text/javascript image/svg+xml;

"""


def _cms_locations(cms: CmsServer) -> str:
    # A location's own add_header drops the server's: each repeats HSTS (gixy-ng).
    hsts = f"        {HSTS.strip()}\n" if cms.https else ""
    return f"""    location @city_too_many {{
        default_type "application/json; charset=utf-8";
{hsts}        add_header Retry-After 1 always;
        add_header Access-Control-Allow-Origin "*" always;
        return 429 $city_too_many;
    }}
    # The admin's own files, named by their content after collectstatic.
    location /static/ {{
        alias {cms.static_root}/;
        add_header Cache-Control "public, max-age=86400";
        add_header X-Content-Type-Options "nosniff";
{hsts}    }}
    # Image renditions: the CMS decides who may see one (those of live pages anyone, the
    # rest their editors: cms/operations/images.py), and nginx sends the file.
    location /media/images/ {{
{_proxied("city_cms", 100)}
    }}
    location {RENDITIONS} {{
        internal;
        alias {cms.media_root}/images/;
        # (Cache-Control and nosniff are the CMS's: public for a live page's image, private
        # otherwise.)
{hsts}    }}
    # Originals and documents go through the CMS, which answers only editors who may see
    # them (cms/operations/documents.py).
    location /media/ {{
        return 404;
    }}
    location /api/search {{
{_proxied("city_search", 20)}
    }}
    location /api/ {{
{_proxied("city_api", 40)}
    }}
    # Every form that takes a password or a second factor: the admin's, Django's admin's,
    # the private pages' (a login and a page password) and the two-factor step.
    location ~ {LOGIN_PATHS} {{
{_proxied("city_login", 20)}
    }}
    location / {{
{_proxied("city_cms", 100)}
    }}
}}
"""


def config(cms: CmsServer) -> str:
    return TOO_MANY + zones(cms) + cms_block(cms)


def standalone(workdir: Path, generated: Path) -> Path:
    """nginx.conf in ``workdir`` that includes the generated configuration ``generated``:
    for an nginx of the tests' or the benchmark's own, beside any system one."""
    # Run as root, nginx's master switches its workers to the unprivileged user, as a
    # city's nginx does; run as anyone else, the workers are that user already.
    user = f"user {WORKER_USER};\n" if os.geteuid() == 0 else ""
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"{user}worker_processes 1;\npid {workdir}/nginx.pid;\n"
        f"error_log {workdir}/error.log;\n"
        f"events {{}}\nhttp {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {workdir}/body;\n proxy_temp_path {workdir}/proxy;\n"
        f" fastcgi_temp_path {workdir}/fcgi;\n uwsgi_temp_path {workdir}/uwsgi;\n"
        f" scgi_temp_path {workdir}/scgi;\n include {generated};\n}}\n"
    )
    return conf
