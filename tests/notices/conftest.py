"""Notice tests build real sites from the demo (as the publisher's tests do)."""

from tests.publisher.conftest import _city_demo, city_content  # noqa: F401
