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
