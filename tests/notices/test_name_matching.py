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
]
PASSES = [
    ("Juha Mäki", "Mäen rinteellä on koulu, ja Lahden tie kulkee sen ohi."),
    ("Mikko Lahti", "Lahden kaupunki ja Mikkelin kaupunki antoivat lausunnon."),
    ("Liisa ja Pekka Virtanen", "Virta kulkee tontin ohi; Pekan päivänä kokous."),
    ("Maija ja Kalle Kivi", "Kiviaita säilytetään, ja Kallion koulu on lähellä."),
    ("Matti Meikäläinen, Kuusitie 7", "Kuusitie 71 ja Matinkatu 3 eivät kuulu alueeseen."),
    ("Ville Niemi", "Niemen kärki on virkistysaluetta."),
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
