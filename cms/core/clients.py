"""Who is asking: the client address every throttle keys on (the login throttle of
django-axes and the rate limit of the public APIs).

Behind nginx every request comes from nginx's own address, so throttling by the connection
would put all residents and editors in one bucket: one attacker could lock every editor out.
The generated nginx configuration sets ``X-Forwarded-For`` to the address it was connected
from. Only a request that reached us from nginx (through gunicorn's unix socket, or from a
proxy address in ``TRUSTED_PROXIES``) is read for that header, and then only its last
address, the one the proxy itself wrote: addresses a client put there itself come before it
and are never believed.
"""

from __future__ import annotations

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def _address(text: str) -> str | None:
    try:
        return str(ip_address(text.strip()))
    except ValueError:
        return None


def from_proxy(request: HttpRequest) -> bool:
    """Whether the request came through nginx: gunicorn gives a unix socket's peer no
    address, and the socket's folder lets only nginx in (``cms/deploy/gunicorn.conf.py``);
    or from a proxy address in ``TRUSTED_PROXIES``."""
    remote = request.META.get("REMOTE_ADDR", "")
    return remote == "" or _address(remote) in settings.TRUSTED_PROXIES


class ForwardedProtoMiddleware:
    """``X-Forwarded-Proto`` only from the proxy, like ``X-Forwarded-For``: Django's
    ``SECURE_PROXY_SSL_HEADER`` believes it from anyone, and a client straight at gunicorn
    would pass for HTTPS (no redirect to it, a secure cookie over plain HTTP)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if not from_proxy(request):
            request.META.pop("HTTP_X_FORWARDED_PROTO", None)
        return self.get_response(request)


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    if from_proxy(request):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = _address(forwarded.rsplit(",", 1)[-1]) if forwarded else None
        if last:
            return last
    return remote


def ratelimit_key(group: str, request: HttpRequest) -> str:
    """The key django-ratelimit counts a request under (its ``key`` callable)."""
    return client_address(request)
