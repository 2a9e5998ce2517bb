"""nginx configuration for the static sites: one server block per site, serving its live
release with cache and security headers.

Headers are set once per server and never inside a ``location``: in nginx an ``add_header``
in a location silently drops every header inherited from the server.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..render import parts

# Pages change on publish, so browsers revalidate them quickly; media and theme files change
# far less often. A page or file holding personal data is never stored by a cache.
DEFAULT_CACHE = "public, max-age=60, must-revalidate"
PERSONAL_CACHE = "private, no-store"
CACHE_RULES = (
    ("/media/", "public, max-age=86400"),
    ("/documents/", "public, max-age=3600"),
    ("/theme/", "public, max-age=3600"),
    ("/api/", "public, max-age=60"),
    ("/pagefind/", "public, max-age=60"),
)
CACHE_MAP = (
    "map $uri $city_cache_control {\n"
    f'    default               "{DEFAULT_CACHE}";\n'
    + "".join(f'    ~^{prefix:<20}"{value}";\n' for prefix, value in CACHE_RULES)
    + "}\n"
    + """# The search page of every site reads the search bundles of all of them.
map $uri $city_cors {
    default               "";
    ~^/pagefind/          "*";
    ~^/api/               "*";
}
"""
)


def cache_control(uri: str, personal: bool) -> str:
    """The Cache-Control the generated configuration sends for ``uri`` (the development
    server sends the same)."""
    if personal:
        return PERSONAL_CACHE
    return next((value for prefix, value in CACHE_RULES if uri.startswith(prefix)), DEFAULT_CACHE)


def csp(origins: list[str]) -> str:
    """No inline scripts anywhere. The search page loads Pagefind (a script and its
    WebAssembly) from this site or another of the city's sites, and reads their bundles; a
    card from another site shows its picture from that site."""
    others = " ".join(origins)
    return (
        f"default-src 'self'; img-src 'self' data: {others}; style-src 'self' 'unsafe-inline'; "
        f"script-src 'self' 'wasm-unsafe-eval' {others}; connect-src 'self' {others}; "
        "worker-src 'self'; font-src 'self'; object-src 'none'; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    ).replace("  ", " ")


@dataclass(frozen=True)
class SiteServer:
    key: str
    hostname: str
    root: Path
    listen: str
    https: bool = False
    certificate: str = ""
    certificate_key: str = ""
    origin: str = ""  # scheme://host[:port] the site's pages are published under
    default: bool = False  # answers requests for any other host name (``default = true``)
    redirect_listen: str = ""  # with https: plain HTTP here answers 301 to the https address


HSTS = '    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;\n'


# TLS 1.2's ciphers: forward secrecy and AEAD only (Mozilla's "intermediate"; TLS 1.3 has
# its own, all strong). Without them nginx offers OpenSSL's defaults (gixy-ng).
CIPHERS = ":".join(
    [
        "ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
        "DHE-RSA-AES128-GCM-SHA256",
        "DHE-RSA-AES256-GCM-SHA384",
    ]
)


def tls_lines(certificate: str, certificate_key: str) -> str:
    """A server block's TLS directives (TLS 1.2 and 1.3 only)."""
    return (
        f"    ssl_certificate {certificate};\n"
        f"    ssl_certificate_key {certificate_key};\n"
        "    ssl_protocols TLSv1.2 TLSv1.3;\n"
        f"    ssl_ciphers {CIPHERS};\n"
        "    ssl_prefer_server_ciphers off;\n"
    )


def server_block(site: SiteServer, origins: Sequence[str] = ()) -> str:
    """The ``server`` block of one site: where it answers, its headers, its locations."""
    return _server_start(site) + _headers(site, origins) + _locations(site)


def _server_start(site: SiteServer) -> str:
    """Where the site answers, its files, its error pages and its old addresses."""
    flags = (" ssl" if site.https else "") + (" default_server" if site.default else "")
    listen = f"listen {site.listen}{flags};"
    tls = tls_lines(site.certificate, site.certificate_key) if site.https else ""
    return f"""# {site.key}
server {{
    {listen}
    server_name {site.hostname};
{tls}    root {site.root};
    index index.html;
    charset utf-8;
    # The charset goes on the types given here and on text/html (gzip_types would not
    # match a type written with its charset, as "text/calendar; charset=utf-8").
    charset_types text/xml text/plain text/css text/javascript application/javascript
                  application/json application/atom+xml text/calendar image/svg+xml;
    server_tokens off;
    error_page 404 /404.html;
    error_page 410 /410.html;
    # Redirect to a path on this site as a path: nginx would otherwise write its own
    # host and port into the Location (wrong behind a proxy or a CDN).
    absolute_redirect off;

    # Old addresses (``address_files.py``): redirects, then removed pages. Server-level
    # "if" with "return" is the safe use of "if".
    if ($city_redirect_{site.key}) {{
        return 301 $city_redirect_{site.key};
    }}
    if ($city_gone_{site.key}) {{
        return 410;
    }}

"""


def _headers(site: SiteServer, origins: Sequence[str]) -> str:
    """The headers of every answer, and whether crawlers may keep it."""
    hsts = HSTS if site.https else ""
    return f"""    add_header Content-Security-Policy "{csp(list(origins))}" always;
    add_header Access-Control-Allow-Origin $city_cors always;
    add_header X-Content-Type-Options "nosniff" always;
    add_header X-Frame-Options "DENY" always;
    add_header Referrer-Policy "strict-origin-when-cross-origin" always;
    add_header Permissions-Policy "camera=(), microphone=(), geolocation=()" always;
{hsts}
    # A notice page or attachment holding personal data has an empty ".noindex" file next
    # to it in the release: crawlers are told not to index it, and no cache may keep it (a
    # shared cache or CDN would serve it past the notice's deadline, when the data must be
    # gone). Read per request, so a new release needs no reload ("set" inside a
    # server-level "if" is the safe use of "if").
    set $city_robots "";
    set $city_cache $city_cache_control;
    if (-f $request_filename.noindex) {{
        set $city_robots "noindex, nofollow, noarchive";
        set $city_cache "{PERSONAL_CACHE}";
    }}
    if (-f ${{request_filename}}index.html.noindex) {{
        set $city_robots "noindex, nofollow, noarchive";
        set $city_cache "{PERSONAL_CACHE}";
    }}
    add_header X-Robots-Tag $city_robots always;
    add_header Cache-Control $city_cache always;

"""


def _locations(site: SiteServer) -> str:
    """Compression, the site parts, file types and what is internal."""
    return f"""    gzip on;
    gzip_comp_level 6;
    gzip_types text/css application/json application/xml text/xml application/atom+xml
               application/javascript text/javascript
               text/calendar image/svg+xml;

    # Site parts (``parts.py``): every page includes them, so that a part written once
    # (an alert) is on every page at the next request. No Last-Modified or ETag on an
    # including page, or a browser would keep it with a stale part. A part is internal:
    # the public cannot ask for it; one not written yet is empty (204), not an error page.
    # A page's content can run no directive: the publisher makes it inert.
    ssi on;
    ssi_last_modified off;
    location ^~ /{parts.FOLDER}/ {{
        internal;
        ssi off;  # a part's own text never runs on the server
        root {site.root.parent};
        try_files $uri =204;
    }}

    location / {{
        try_files $uri $uri/ =404;
    }}
    location ~ \\.ics$ {{
        default_type text/calendar;
    }}
    # Atom, not the text/xml that mime.types gives every ".xml" (feed readers and the
    # W3C validator want the feed's own type).
    location ~ /feed\\.xml$ {{
        types {{ }}
        default_type application/atom+xml;
    }}
    location ~ \\.avif$ {{
        default_type image/avif;
    }}
    location = /404.html {{
        internal;
    }}
    location = /410.html {{
        internal;
    }}
    # The maps above, in the release for nginx alone.
    location ^~ /.nginx/ {{
        return 404;
    }}
    location ~ \\.noindex$ {{
        return 404;
    }}
}}
"""


def redirect_block(site: SiteServer) -> str:
    return https_redirect(site.key, site.hostname, site.listen, site.redirect_listen, site.default)


def https_redirect(
    name: str, hostname: str, listen: str, redirect_listen: str, default: bool = False
) -> str:
    """Plain HTTP at ``redirect_listen`` for the HTTPS server ``hostname`` at ``listen``:
    every request is sent to the same path over HTTPS (HSTS then keeps the browser there)."""
    port = listen.rsplit(":", 1)[-1]
    authority = hostname if port == "443" else f"{hostname}:{port}"
    flags = " default_server" if default else ""
    return f"""# {name}: HTTP to HTTPS
server {{
    listen {redirect_listen}{flags};
    server_name {hostname};
    server_tokens off;
    return 301 https://{authority}$request_uri;
}}
"""


def address_maps(site: SiteServer) -> str:
    """The site's redirects and removed addresses, from its live release. Included by a
    pattern, which may match nothing: a site not yet published has none. nginx reads
    them when it (re)loads; a build that changes them asks for a reload."""
    folder = site.root / ".nginx"
    return f"""map $uri $city_redirect_{site.key} {{
    default "";
    include {folder}/redirects*.map;
}}
map $uri $city_gone_{site.key} {{
    # Looked up again after the internal redirect to /410.html (a cached "1" would answer
    # 410 for the error page itself, and nginx would send its own instead).
    volatile;
    default "";
    include {folder}/gone*.map;
}}
"""


# Room for addresses up to ``addresses.MAX_LENGTH`` characters in the maps' hash tables.
# Before any map: the first map block fixes these sizes for the whole http block.
MAP_HASH = "map_hash_bucket_size 512;\nmap_hash_max_size 65536;\n"


def config(sites: list[SiteServer]) -> str:
    header = "# Generated by `manage.py nginx_config`; include it in nginx's http block.\n"
    origins = sorted({site.origin for site in sites if site.origin})
    blocks = ["".join(address_maps(site) for site in sites)]
    blocks += [server_block(site, origins) for site in sites]
    blocks += [redirect_block(site) for site in sites if site.https and site.redirect_listen]
    return header + MAP_HASH + CACHE_MAP + "\n" + "\n".join(blocks)
