"""Who a request is from, and the per-client limits of the public APIs in Django: 429 with
``Retry-After`` past the limit, for that client only, counted in Redis across processes
when configured, and never a 500 when the counter cannot be reached."""

from __future__ import annotations

import secrets

import pytest

from django.test import RequestFactory

from cms.core.clients import ForwardedProtoMiddleware, client_address

NGINX = "127.0.0.1"


@pytest.mark.parametrize(
    ("remote", "forwarded", "client"),
    [
        ("203.0.113.7", "", "203.0.113.7"),
        # Straight from the internet: a header the client wrote is not believed.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        (NGINX, "203.0.113.7", "203.0.113.7"),
        # Addresses a client put before the one the proxy wrote are never believed.
        (NGINX, "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        (NGINX, "2001:db8::1", "2001:db8::1"),
        (NGINX, "not-an-address", NGINX),
        (NGINX, "", NGINX),
    ],
)
def test_the_client_is_the_address_the_trusted_proxy_saw(remote, forwarded, client, settings):
    settings.TRUSTED_PROXIES = {NGINX}
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().get("/", REMOTE_ADDR=remote, **extra)
    assert client_address(request) == client


@pytest.mark.parametrize(
    ("remote", "client"),
    [
        # gunicorn's unix socket, whose folder only nginx may enter: nginx's header.
        ("", "203.0.113.7"),
        # A local process straight to a TCP port: trusted by nobody unless configured.
        ("127.0.0.1", "127.0.0.1"),
        ("::1", "::1"),
    ],
)
def test_only_the_socket_and_configured_proxies_are_believed(remote, client):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == client


@pytest.mark.parametrize(("remote", "secure"), [("", True), (NGINX, True), ("127.0.0.2", False)])
def test_https_is_believed_from_the_proxy_only(remote, secure, settings):
    """``X-Forwarded-Proto: https`` from a client straight at gunicorn is dropped: it gets
    the redirect to HTTPS, not a secure cookie over plain HTTP."""
    settings.TRUSTED_PROXIES = {NGINX}
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    seen = []
    middleware = ForwardedProtoMiddleware(lambda request: seen.append(request.is_secure()))
    middleware(RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_PROTO="https"))
    assert seen == [secure]


def search(client, address: str, **headers):
    return client.get("/api/search", {"q": "kirjasto"}, REMOTE_ADDR=address, **headers)


def test_the_search_api_answers_429_past_the_limit_for_that_client_only(
    synced_sites, client, settings
):
    settings.API_SEARCH_RATE = "3/m"
    assert [search(client, "203.0.113.7").status_code for _ in range(3)] == [200] * 3
    limited = search(client, "203.0.113.7", HTTP_ACCEPT_LANGUAGE="sv")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "förfrågningar" in limited.json()["error"]
    assert search(client, "203.0.113.8").status_code == 200
    # Other paths are not counted against the search.
    assert client.get("/health/", REMOTE_ADDR="203.0.113.7").status_code in (200, 503)


def test_the_read_api_has_its_own_limit(synced_sites, client, settings):
    settings.API_READ_RATE = "2/m"
    answers = [client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.9") for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 429]


REDIS = {
    "BACKEND": "django.core.cache.backends.redis.RedisCache",
    "LOCATION": "redis://127.0.0.1:6379/0",
}


def test_counts_are_shared_in_redis(synced_sites, client, settings):
    settings.API_SEARCH_RATE = "2/m"
    # A prefix of this run's own: the SQLite and PostgreSQL passes run this test at the
    # same time against the same Redis. (Never the cache's clear(): it empties the whole
    # database, the other pass's counts included.)
    prefix = f"test-{secrets.token_hex(8)}"
    settings.CACHES = {**settings.CACHES, "ratelimit": {**REDIS, "KEY_PREFIX": prefix}}
    try:
        statuses = [search(client, "203.0.113.10").status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        # The count is in Redis, where another WSGI process reads it.
        assert any(key.startswith(b"%s:" % prefix.encode()) for key in _redis_keys())
    finally:
        _drop_keys(prefix)


def _redis_keys(match: str = "*") -> list[bytes]:
    import redis

    server = redis.Redis(host="127.0.0.1", port=6379, db=0)
    return list(server.scan_iter(match=match, count=1000))


def _drop_keys(prefix: str) -> None:
    import redis

    keys = _redis_keys(f"{prefix}:*")
    if keys:
        redis.Redis(host="127.0.0.1", port=6379, db=0).delete(*keys)


def test_an_unreachable_counter_lets_the_request_through(synced_sites, client, settings, caplog):
    settings.API_SEARCH_RATE = "1/m"
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {**REDIS, "LOCATION": "redis://127.0.0.1:1/0"},
    }
    assert [search(client, "203.0.113.11").status_code for _ in range(2)] == [200, 200]
    assert "Rate limit counter unavailable" in caplog.text
