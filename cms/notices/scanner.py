"""Scan a notice for personal data before it is published.

A valid personal identity code blocks publishing outright, marked or not: the law allows
no notice to show one. Phone numbers, e-mail addresses and property identifiers
(kiinteistötunnus) that the officer has not marked as personal data produce warnings the
officer must confirm; marked ones are fine, since they are removed when the display
period ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cms.core import identity, numbers

IDENTITY_CODE = "identity_code"
PHONE = "phone"
EMAIL = "email"
PROPERTY_ID = "property_id"
LABELS = {
    IDENTITY_CODE: _("personal identity code"),
    PHONE: _("phone number"),
    EMAIL: _("e-mail address"),
    PROPERTY_ID: _("property identifier"),
}

PATTERNS = [
    (PROPERTY_ID, numbers.PROPERTY_ID),
    (EMAIL, numbers.EMAIL),
    (PHONE, numbers.PHONE),
]


@dataclass(frozen=True)
class Finding:
    kind: str
    field: str
    text: str
    start: int
    end: int

    @property
    def blocks(self) -> bool:
        return self.kind == IDENTITY_CODE

    @property
    def label(self) -> str:
        return str(LABELS[self.kind])


def scan(fields: Mapping[str, str], marked: Iterable[str] = ()) -> list[Finding]:
    """Findings in ``fields`` (name -> plain text). ``marked`` holds the texts the officer
    marked as personal data: warnings inside them are left out; identity codes never are."""
    # Read as the identity check reads them: a code or number hidden by a dash, entity or
    # invisible character is found, and a marked value matches however it was typed.
    marked = [identity.normalise(m) for m in marked if m]
    findings: list[Finding] = []
    for name, text in fields.items():
        if not text:
            continue
        text = identity.normalise(text)
        for start, end, code in identity.find(text):
            findings.append(Finding(IDENTITY_CODE, name, code, start, end))
        taken = [(f.start, f.end) for f in findings if f.field == name]
        for kind, pattern in PATTERNS:
            for match in pattern.finditer(text):
                span = (match.start(), match.end())
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue  # part of something already found
                taken.append(span)
                found = match.group()
                if not any(found in m for m in marked):
                    findings.append(Finding(kind, name, found, *span))
    return sorted(findings, key=lambda f: (not f.blocks, f.field, f.start))
