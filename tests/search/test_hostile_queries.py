"""The public read APIs and the admin's search against what an outsider sends: a NUL byte,
an unbalanced quote, a per-cent sign, an offset past any integer a database takes, a
22-word query. Each answer is a 400 with a message, or results; never a 500."""

from __future__ import annotations

import pytest

from tests.factories import UserFactory

HUGE = str(10**21)
TWENTY_TWO_WORDS = " ".join(f"sana{n}" for n in range(22))


@pytest.mark.parametrize(
    ("url", "params", "status"),
    [
        ("/api/search", {"q": "kirjasto\x00"}, 400),
        ("/api/search", {"q": TWENTY_TWO_WORDS}, 400),
        ("/api/search", {"q": '"'}, 200),
        ("/api/search", {"q": "kirjasto", "page": HUGE}, 400),
        ("/api/v2/pages/", {"search": '"'}, 200),
        ("/api/v2/pages/", {"search": 'kirjasto "'}, 200),
        ("/api/v2/pages/", {"search": "100%"}, 200),
        ("/api/v2/pages/", {"search": "kirjasto\x00"}, 400),
        ("/api/v2/pages/", {"search": TWENTY_TWO_WORDS}, 400),
        ("/api/v2/pages/", {"search": "k" * 201}, 400),
        ("/api/v2/pages/", {"offset": HUGE}, 400),
        ("/api/v2/pages/", {"offset": "1e3"}, 400),
        ("/api/v2/pages/", {"limit": HUGE}, 400),
        ("/api/v2/documents/", {"search": '"'}, 200),
        ("/api/v2/documents/", {"offset": HUGE}, 400),
        ("/api/v2/images/", {"offset": HUGE}, 400),
        ("/api/v2/images/", {"search": "\\"}, 200),
    ],
)
def test_a_malformed_parameter_is_a_400_never_a_500(city_content, client, url, params, status):
    response = client.get(url, params, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == status, response.content[:200]
    if status == 400:
        body = response.json()
        assert body.get("message") or body.get("error")


def test_the_admin_search_takes_a_quote_and_a_per_cent_sign(city_content, client):
    client.force_login(UserFactory(is_superuser=True))
    for text in ['"', 'kirjasto "', "100%", "a\x00b"]:
        assert client.get("/admin/pages/search/", {"q": text}).status_code == 200, text
