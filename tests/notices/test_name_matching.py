"""How a notice's personal values are found in the texts it keeps public: each name and
address a personal field holds (with a role, in brackets, after "and", surname first), in
either order, with a comma, inflected the simplest Finnish ways (endings, -nen -> -s-,
consonant gradation, -i -> -e-, a double name's last part), a surname in -nen alone; and
ordinary notice texts that must pass."""

import pytest

from cms.notices.kept import leaks
from cms.notices.redaction import personal_values

FOUND = [
    ("Matti Meikäläinen, Kuusitie 7", "Hakija Matti Meikäläinen sai luvan."),
    ("Matti Meikäläinen, Kuusitie 7", "Kuusitie 7:n tontti"),
    ("Matti Meikäläinen", "Hakija Meikäläinen Matti."),
    ("Matti Meikäläinen", "Hakija Meikäläinen, Matti."),
    ("Matti Meikäläinen", "Matin Meikäläisen hakemus"),
    ("Matti Meikäläinen", "Päätös annetaan tiedoksi Meikäläiselle."),
    ("Matti Meikäläinen", "Meikäläisten hakemus."),
    ("Liisa ja Pekka Virtanen", "Hakija Liisa Virtanen."),
    ("Liisa ja Pekka Virtanen", "Liisa Virtasen hakemus"),
    ("Maija ja Kalle Kivi", "Kalle Kiven hakemus."),
    ("Virtanen, Liisa", "Hakija Liisa Virtanen."),
    ("Juha Mäki", "Päätös annetaan Juha Mäelle."),
    ("Mikko Lahti", "Mikko Lahden tontti."),
    ("Ville Niemi", "Ville Niemen talo"),
    ("Anna-Liisa Kivi-Mäki", "Anna-Liisa Kivi-Mäen hakemus."),
    ("Hakija: Matti Meikäläinen", "Päätös Matti Meikäläiselle."),
    ("Matti Meikäläinen (hakija)", "Meikäläinen Matti haki."),
    # A phone number or property identifier however it is written (``cms.core.numbers``).
    ("Väinö Hakala, 050 321 7788", "Lisätietoja 0503217788."),
    ("Väinö Hakala, 050 321 7788", "Tiedustelut +358 50 321 7788"),
    ("Väinö Hakala, 050 321 7788", "Tiedustelut +358503217788"),
    ("Väinö Hakala, 040 987 6543", "Soita 040 98 76 543."),
    ("Väinö Hakala, kiinteistö 398-403-2-21", "Kiinteistö 39840300020021."),
    ("Väinö Hakala, kiinteistö 39840300020021", "Kiinteistö 398-403-2-21."),
    # A house number's staircase and flat however spaced.
    ("Väinö Hakala, Kuusikkotie 5 A 1", "Kohde Kuusikkotie 5A1."),
    ("Väinö Hakala, Kuusikkotie 5A1", "Kohde Kuusikkotie 5 A 1."),
    ("Väinö Hakala, Kuusikkotie 5 a", "Kohde Kuusikkotie 5A."),
]
PASSES = [
    ("Juha Mäki", "Mäen rinteellä on koulu, ja Lahden tie kulkee sen ohi."),
    ("Mikko Lahti", "Lahden kaupunki ja Mikkelin kaupunki antoivat lausunnon."),
    ("Liisa ja Pekka Virtanen", "Virta kulkee tontin ohi; Pekan päivänä kokous."),
    ("Maija ja Kalle Kivi", "Kiviaita säilytetään, ja Kallion koulu on lähellä."),
    ("Matti Meikäläinen, Kuusitie 7", "Kuusitie 71 ja Matinkatu 3 eivät kuulu alueeseen."),
    ("Ville Niemi", "Niemen kärki on virkistysaluetta."),
    ("Väinö Hakala, 050 321 7788", "Vaihde 050 321 7789, kiinteistö 398-403-2-22."),
    ("Väinö Hakala, Kuusikkotie 5 A 1", "Kuusikkotie 5 A 12 ja Kuusikkotie 5 B 1 säilyvät."),
]


@pytest.mark.parametrize(("persons", "text"), FOUND)
def test_a_personal_value_is_found_as_a_reader_would(persons, text):
    values = personal_values({"persons_concerned": persons})
    assert leaks(values, {"body": ("Body", text)}), (persons, text)


@pytest.mark.parametrize(("persons", "text"), PASSES)
def test_ordinary_words_are_not_taken_for_the_person(persons, text):
    values = personal_values({"persons_concerned": persons})
    assert leaks(values, {"body": ("Body", text)}) == [], (persons, text)


@pytest.mark.parametrize(
    "body",
    [
        '<p>Hakija <span class="personal-data">Matti </span><b>'
        '<span class="personal-data">Meikäläinen</span></b> sai luvan.</p>',
        '<p><span class="personal-data">Matti</span> <i><span class="personal-data">'
        "Meikäläinen</span></i></p>",
    ],
    ids=["bold inside", "italic after a space"],
)
def test_a_marked_name_split_by_markup_is_one_value(body):
    from cms.notices.richtext import marked_texts, marker, redacted

    assert marked_texts(body) == ["Matti Meikäläinen"]
    # Not each word alone: "Matti" on its own would be taken for the person everywhere.
    values = personal_values({"body": body})
    assert "Matti" not in values and "Meikäläinen" not in values
    assert redacted(body).count(marker()) == 1


def test_marked_spans_in_separate_paragraphs_stay_two_values():
    from cms.notices.richtext import marked_texts

    body = (
        '<p><span class="personal-data">Matti Meikäläinen</span></p>'
        '<p><span class="personal-data">Kuusitie 7</span></p>'
    )
    assert marked_texts(body) == ["Matti Meikäläinen", "Kuusitie 7"]


def test_a_phone_or_email_inside_a_marked_span_is_a_value_of_its_own():
    body = (
        '<p><span class="personal-data">Matti Meikäläinen puh. 040 765 4321 '
        "matti.m@example.fi</span></p>"
    )
    values = personal_values({"body": body})
    for text in ("Soita numeroon 040 765 4321.", "Sähköposti: matti.m@example.fi"):
        assert leaks(values, {"lead": ("Lead", text)}), text


def test_a_line_break_inside_a_mark_separates_its_values():
    body = (
        '<p><span class="personal-data">Sulo Räsänen<br/>Koivukuja 3 B 12<br>'
        "040 555 1212</span></p>"
    )
    values = personal_values({"body": body})
    for text in ("Hakija Sulo Räsänen.", "Osoite Koivukuja 3 B 12", "Puhelin 0405551212"):
        assert leaks(values, {"lead": ("Lead", text)}), text


def test_the_proof_reads_a_removed_number_however_written():
    from cms.removal.receipts import needles
    from cms.removal.scans import Needles

    values = personal_values({"persons_concerned": "Väinö Hakala, 050 321 7788, 398-403-2-21"})
    found = Needles({("notice", 1): needles(values)})
    for text in ("Soita +358503217788", "p. 050-3217788", "kiinteistö 39840300020021"):
        assert found.in_text(text), text
    assert not found.in_text("Soita 050 321 7789 tai kiinteistö 398-403-2-22")


def test_the_proof_reads_a_removed_name_surname_first():
    from cms.removal.receipts import needles
    from cms.removal.scans import Needles

    values = personal_values({"persons_concerned": "Tauno Pöyhönen, Kuusitie 7"})
    found = Needles({("notice", 1): needles(values)})
    assert found.in_text("Palkinnon sai Pöyhönen Tauno.")
    assert not found.in_text("Tauno-myrsky kaatoi puita Kuusitiellä")


@pytest.mark.parametrize(
    "text",
    [
        "Hakija Tauno Pöyhösen lupa myönnettiin.",  # -nen -> -s-
        "Tauno Pöyhöselle lähetettiin päätös.",
        "Pöyhösen Taunon hakemus",  # surname first, both inflected
        "Matti Lahden ja Liisa Mäen perintö",  # weak grade
        "Anna Kivi-Mäelle",  # a double name's last part
    ],
)
def test_the_proof_reads_a_removed_name_inflected(text):
    """After the removal only hashes are kept: the stems' hashes find the name inflected."""
    from cms.removal.receipts import needles
    from cms.removal.scans import Needles

    names = "Tauno Pöyhönen\nMatti Lahti\nLiisa Mäki\nAnna Kivi-Mäki"
    values = personal_values({"persons_concerned": names})
    assert Needles({("notice", 1): needles(values)}).in_text(text)


def test_the_inflected_proof_needs_the_whole_name():
    from cms.removal.receipts import needles
    from cms.removal.scans import Needles

    found = Needles({("notice", 1): needles(personal_values({"persons_concerned": "Matti Lahti"}))})
    # Another name that begins like it is not an inflected form of it (Lahtinen).
    others = ("Lahden kaupunki ja Matin kauppa", "Matti Virtasen ja Lahden väki", "Mattila")
    for text in (*others, "Matti Lahtinen", "Matti Lahtiselle"):
        assert not found.in_text(text), text


def test_the_endings_pattern_is_the_set_of_endings():
    """The form's pattern of endings (built by parts, to compile fast) takes exactly the
    endings the proof cuts off, and nothing that is not one."""
    import re

    from cms.core import names

    pattern = re.compile(names.ENDING_PATTERN)
    assert all(pattern.fullmatch(ending) for ending in names.ENDINGS)
    for other in ("nen", "la", "nimi", "sen", "ssäkaan" + "x", "kinkin"):
        assert not pattern.fullmatch(other) and other not in names.ENDINGS, other
