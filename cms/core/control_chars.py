"""Control characters are refused in what editors type: a line break in a title or another
one-line field (a calendar's name, a feed's title, a header) and control characters anywhere
(no output format carries them). The publisher strips what came another way
(``records.printable``); an editor is told here, on the field, in their language."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# Unicode's noncharacters: never text. The sites drop them, but the admin's spreadsheet
# reports (XML) fail on one, for everyone who can see the page.
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17)
)
# One-line fields: every C0 and C1 control (line breaks and tabs too), the Unicode line
# and paragraph separators, and the noncharacters.
ONE_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{NONCHARACTERS}]")
# Texts of several lines: controls but tab and line breaks, and the noncharacters.
SEVERAL_LINES = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{NONCHARACTERS}]")
ONE_LINE_MESSAGE = _("%(field)s must be one line: remove the line break, tab or control character.")
SEVERAL_LINES_MESSAGE = _("%(field)s holds a control character: remove it.")


def control_errors(instance: models.Model) -> dict[str, str]:
    """Field name -> message for each text field of ``instance`` holding what it must not."""
    errors = {}
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if not isinstance(value, str):
            continue
        if isinstance(field, models.CharField) and ONE_LINE.search(value):
            errors[field.name] = gettext(ONE_LINE_MESSAGE) % {"field": field.verbose_name}
        elif isinstance(field, models.TextField) and SEVERAL_LINES.search(value):
            errors[field.name] = gettext(SEVERAL_LINES_MESSAGE) % {"field": field.verbose_name}
    return errors


def refuse_controls(instance: models.Model) -> None:
    errors = control_errors(instance)
    if errors:
        raise ValidationError(errors)


def one_line(value: str) -> None:
    """A field validator: ``value`` is one line without control characters."""
    if isinstance(value, str) and ONE_LINE.search(value):
        raise ValidationError(
            gettext("This must be one line: remove the line break, tab or control character.")
        )
