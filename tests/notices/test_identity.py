"""Personal identity codes: valid and invalid codes of every century sign, and the scanner
that blocks a notice with one and warns of unmarked phone numbers, e-mail addresses and
property identifiers."""

import pytest

from cms.core import identity
from cms.notices.scanner import EMAIL, IDENTITY_CODE, PHONE, PROPERTY_ID, scan

# The Digital and Population Data Services Agency's published examples (the 2023 signs
# among them), and two worked by hand: 010100002 % 31 = 16 -> "H"; 290200002 % 31 = 12 -> "C".
VALID = {
    "+": ["010100+002H"],
    "-": ["131052-308T"],
    "Y": ["010594Y9021"],
    "X": ["020594X903P", "020594X902N"],
    "W": ["030594W903B", "030694W9024"],
    "V": ["040594V9030"],
    "U": ["050594U903M", "050594U902L"],
    "A": ["290200A002C", "020504A902E"],
    "B": ["010516B903X", "010516B902W"],
    "C": ["020516C903K", "020516C902J"],
    "D": ["030516D9037", "030516D9026"],
    "E": ["010501E9032", "020502E902X"],
    "F": ["020503F9037"],
}
INVALID = [
    "131052-308A",  # wrong check character
    "131052-308G",  # G is never a check character
    "310294-9021",  # 31 February
    "290200-002C",  # 29 February 1900: not a leap year (the same code is valid with A)
    "290201A002C",  # 29 February 2001
    "131052-000T",  # individual numbers start at 002
    "131052G308T",  # G is no century sign
    "131052-308",  # too short
    "1310521308T",  # no century sign
]


@pytest.mark.parametrize("code", [code for codes in VALID.values() for code in codes])
def test_valid_codes_of_every_century_sign(code):
    assert identity.is_valid(code)
    assert identity.is_valid(code.lower()), "typed in lower case it is the same code"


def test_every_century_sign_is_covered():
    assert set(VALID) == set(identity.CENTURIES)


@pytest.mark.parametrize("code", INVALID)
def test_invalid_codes(code):
    assert not identity.is_valid(code)


def test_codes_are_found_in_text_and_next_to_letters_but_not_inside_longer_numbers():
    # A letter next to a code does not hide it from its reader ("asiakas131052-308Txyz");
    # a digit makes it part of a longer number.
    text = (
        "Hakija (131052-308T) ja 010594Y9021; asiakas010516B903Xxyz; "
        "ei 9131052-308T eikä 131052-3081T."
    )
    found = [code for _s, _e, code in identity.find(text)]
    assert found == ["131052-308T", "010594Y9021", "010516B903X"]


def test_an_identity_code_blocks_even_when_marked():
    [finding] = scan({"body": "Asianosainen 131052-308T."}, marked=["131052-308T"])
    assert finding.kind == IDENTITY_CODE and finding.blocks


def test_unmarked_contact_data_and_property_ids_warn():
    text = (
        "Soita 040 123 4567 tai +358 9 310 1234 tai 040-1234567. Kiinteistö 398-401-12-34 "
        "ja 39840100120034. Sähköposti maija.meikalainen@example.fi."
    )
    findings = scan({"body": text})
    assert [(f.kind, f.text) for f in findings] == [
        (PHONE, "040 123 4567"),
        (PHONE, "+358 9 310 1234"),
        (PHONE, "040-1234567"),
        (PROPERTY_ID, "398-401-12-34"),
        (PROPERTY_ID, "39840100120034"),
        (EMAIL, "maija.meikalainen@example.fi"),
    ]
    assert not any(f.blocks for f in findings)


def test_marked_data_does_not_warn_and_record_numbers_dates_postcodes_never_do():
    text = (
        "Yhteyshenkilö Maija, puh. 040 123 4567. Asia 4027/00.01.01.03/2021, päätös "
        "01.02.2026, osoite Kauppatori 1, 00100 Helsinki, klo 9.00-15.00."
    )
    assert scan({"body": text}, marked=["Maija, puh. 040 123 4567"]) == []


@pytest.mark.parametrize(
    ("lang", "label"),
    [("fi", "henkilötunnus"), ("sv", "personbeteckning"), ("en", "personal identity code")],
)
def test_findings_are_named_in_the_officers_language(lang, label):
    from django.utils import translation

    [finding] = scan({"body": "131052-308T"})
    with translation.override(lang):
        assert finding.label == label
