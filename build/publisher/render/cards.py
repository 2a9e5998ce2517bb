"""Listing cards remembered by the record they show, in a long-lived worker.

When an event changes, the month page that lists it is rendered again on every site that
shows the event: on 100,000 pages that is some 270 cards per page and four listings per
edit, nearly all of them showing records that did not change. A card is made from its
record, the address it links to, the listing's language and the language it is rendered
in; the worker keeps unchanged records as the same objects from build to build
(``reexport.reexport``), so a card made from the very same record in the same
circumstances is the same HTML as last time. Each entry holds its record, so an identity
is never mistaken for a freed object's.

The cards are kept in two generations: when the newer one is full it becomes the older and
a new one starts, and a card found in the older is carried over. Cards of records that
were edited or removed are therefore dropped within two generations, while the cards a
build needs stay, whatever the size of the sites.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from django.utils import translation

from ..context import memory

GENERATION = 1 << 16

_Key = tuple[int, str, str, str, str | None]


class Cards:
    """The cards of a build context, in two generations."""

    def __init__(self) -> None:
        self.newer: dict[_Key, tuple[dict, Markup]] = {}
        self.older: dict[_Key, tuple[dict, Markup]] = {}

    def card(self, make: Callable[[], Markup], key: _Key, item: dict) -> Markup:
        entry = self.newer.get(key)
        if entry is None or entry[0] is not item:
            entry = self.older.get(key)
            if entry is None or entry[0] is not item:
                entry = (item, make())
            if len(self.newer) >= GENERATION:
                self.older, self.newer = self.newer, {}
            self.newer[key] = entry
        return entry[1]


def card(make: Callable[[], Markup], item: dict, href: str, lang: str, label: str) -> Markup:
    """The card of ``item`` linking to ``href`` on a listing in ``lang``, labelled with the
    name of the site it comes from (or none): ``make()`` the first time, the same HTML
    afterwards while the record is the same object."""
    key = (id(item), href, lang, label, translation.get_language())
    return memory(Cards).card(make, key, item)
