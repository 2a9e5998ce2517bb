"""The demo, loaded once per test session for every test that builds sites from it.

Loading it takes seconds (pages, translations, revisions, generated images and their
renditions), and a dozen modules need it. It is loaded inside a transaction held open across
tests (as Django's ``TestCase.setUpTestData`` does for a class); every test runs in a
savepoint rolled back after it. The tests that use it are run one after another (``order``),
and the held transaction is rolled back before any test that does not use it starts, before
even its package's fixtures are set up, so every other test still starts from an empty
database.

The fixtures that hold it are session-scoped, so that they are set up before any test's
own database transaction; since each demo's tests run as one block, each is set up once.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import pytest

from django.core.cache import caches
from django.db import transaction
from django.test import override_settings

from cms.demo.services import demo_load

# Fixture name -> the sites it loads.
KINDS = {"_city_demo": ("city",), "_two_site_demo": ("city", "tourism")}


def kind_of(item: pytest.Item) -> str | None:
    """Which demo a test needs, if any."""
    names = getattr(item, "fixturenames", ())
    return next((kind for kind in KINDS if kind in names), None)


class Holder:
    """The demo held open in a transaction, one kind at a time."""

    def __init__(self) -> None:
        self.kind: str | None = None
        self.media: Path | None = None
        self._stack: ExitStack | None = None

    def hold(self, kind: str, blocker, tmp_path_factory) -> Path:
        if self.kind == kind and self.media is not None:
            return self.media
        self.release()
        stack = ExitStack()
        try:
            stack.enter_context(blocker.unblock())
            media = tmp_path_factory.mktemp("demo-media")
            stack.enter_context(override_settings(MEDIA_ROOT=media))
            caches["default"].clear()
            stack.enter_context(transaction.atomic())
            # Closed last in, first out: the rollback is asked for before the block ends.
            stack.callback(transaction.set_rollback, True)
            demo_load(sites=list(KINDS[kind]))
            _make_renditions()
        except BaseException:
            stack.close()
            raise
        self._stack, self.kind, self.media = stack, kind, media
        return media

    def release(self) -> None:
        if self._stack is None:
            return
        stack, self._stack, self.kind, self.media = self._stack, None, None, None
        stack.close()
        caches["default"].clear()


def _make_renditions() -> None:
    """Every rendition the sites use of the demo's images, made once for all its tests
    (rows in the held transaction, files in the media they link): otherwise each test's
    first full build resizes every image again, seconds of each. Full builds still make
    what is missing, as the tests of new images and the process tests show."""
    from wagtail.images import get_image_model

    from publisher.export.images import all_specs

    for image in get_image_model().objects.all():
        image.get_renditions(*all_specs(image))


holder = Holder()


def order(items: list[pytest.Item]) -> None:
    """Run the tests that need one demo together, where the first of them would have run,
    so that each demo is loaded once (other tests keep their order)."""
    first: dict[str, int] = {}
    keys = {}
    for index, item in enumerate(items):
        kind = kind_of(item)
        keys[item] = (index if kind is None else first.setdefault(kind, index), index)
    items.sort(key=keys.__getitem__)
