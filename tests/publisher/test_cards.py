"""A worker's listing cards are made once per record object, link and language, and the
kept cards stay bounded while a build's cards stay kept."""

from markupsafe import Markup

from django.utils import translation

from publisher import context
from publisher.render import cards


def _maker(made: list, html: str):
    def make() -> Markup:
        made.append(html)
        return Markup(html)  # noqa: S704 (a test value, not input)

    return make


def test_a_card_is_made_again_for_another_object_link_or_language():
    context.renew()
    made: list[str] = []
    event = {"id": 1, "title": "Konsertti"}
    with translation.override("fi"):
        assert cards.card(_maker(made, "a"), event, "/a/", "fi", "") == "a"
        assert cards.card(_maker(made, "b"), event, "/a/", "fi", "") == "a"  # kept
        # An equal record that is another object may have been exported again.
        assert cards.card(_maker(made, "c"), dict(event), "/a/", "fi", "") == "c"
        assert cards.card(_maker(made, "d"), event, "https://tapahtumat/a/", "fi", "") == "d"
        assert cards.card(_maker(made, "e"), event, "/a/", "sv", "") == "e"
        # Labelled with another site's name (a site renamed): made again.
        assert cards.card(_maker(made, "l"), event, "/a/", "fi", "Tapahtumat") == "l"
    with translation.override("sv"):  # dates and "at" are written in the active language
        assert cards.card(_maker(made, "f"), event, "/a/", "fi", "") == "f"
    assert made == ["a", "c", "d", "e", "l", "f"]
    context.renew()


def test_kept_cards_are_bounded_and_a_card_in_use_survives_the_turn_of_a_generation(
    monkeypatch,
):
    context.renew()
    monkeypatch.setattr(cards, "GENERATION", 3)
    made: list[str] = []
    hot = {"id": 0}
    cards.card(_maker(made, "hot"), hot, "/0/", "fi", "")
    for number in range(1, 12):
        cards.card(_maker(made, str(number)), {"id": number}, f"/{number}/", "fi", "")
        cards.card(_maker(made, "hot again"), hot, "/0/", "fi", "")  # every build shows it
    assert "hot again" not in made
    kept = context.memory(cards.Cards)
    assert len(kept.newer) <= 3 and len(kept.older) <= 3
    cold = {"id": 99}
    cards.card(_maker(made, "cold"), cold, "/99/", "fi", "")
    for number in range(100, 107):
        cards.card(_maker(made, str(number)), {"id": number}, f"/{number}/", "fi", "")
    cards.card(_maker(made, "cold again"), cold, "/99/", "fi", "")
    assert made[-1] == "cold again"  # gone after two generations unused
    context.renew()
