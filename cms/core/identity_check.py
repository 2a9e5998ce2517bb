"""The one identity-code check every text the platform publishes passes.

Pages of every type (each editable field: title, slug, lead, SEO title and description,
rich text and the blocks of a body with their link URLs, alt texts and captions), images
and documents (title, file name, tags, description): a valid personal identity code in
any of them, however it is disguised (``identity.normalise``), is refused with a message
naming the field. Pages are checked in their model's ``clean`` (so a save from code or a
moderation step is checked as an admin form is); images and documents in their admin
forms (``media_forms.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.fields import StreamField

from . import identity

MESSAGE = _(
    "%(field)s contains a personal identity code. No public page or file may show one, in "
    "any form (with another dash, spaces or invisible characters too): remove it."
)


FIELD_MESSAGE = _(
    "A personal identity code may not be published, in any form (with another dash, "
    "spaces or invisible characters too): remove it."
)


def no_identity_code(value) -> None:
    """A field validator (for models whose fields the platform does not define: Wagtail's
    redirects): refuses a value holding a valid identity code."""
    if isinstance(value, str) and identity.found_in(value):
        raise ValidationError(FIELD_MESSAGE, code="identity_code")


# A block's setting rather than its text: a heading's level, a choice, a style.
_SETTING = re.compile(r"[a-z][a-z0-9_-]{0,15}")


def _strings(value) -> Iterator[str]:
    """Every string inside a block's stored value (dicts, lists, strings)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def texts_of(instance: models.Model) -> Iterator[tuple[models.Field, str]]:
    """(field, text) of every text an editor gives the instance."""
    for field in instance._meta.concrete_fields:
        if not field.editable:
            continue  # derived (a page's url_path from its slugs, draft_title from title)
        value = field.value_from_object(instance)
        if isinstance(field, StreamField):
            blocks = field.get_prep_value(value)
            yield from ((field, text) for text in _strings(blocks))
            # Blocks are read one after another (the page, its search text): a code split
            # between two blocks ("Asiakas 270431-" | "776N tiedot") is one code there.
            shown = [b.get("value") if isinstance(b, dict) else b for b in blocks or []]
            yield field, " ".join(_strings(shown))
            # Without a block's settings ("h2" between a heading and the next block).
            yield field, " ".join(t for t in _strings(shown) if not _SETTING.fullmatch(t))
        elif isinstance(field, models.FileField):
            if value:
                yield field, value.name
        elif isinstance(value, str):
            yield field, value


def _with_codes(texts) -> list:
    """The keys (in order, once each) of the ``(key, text)`` pairs whose text holds a
    valid identity code."""
    found: list = []
    for key, text in texts:
        if key not in found and identity.found_in(text):
            found.append(key)
    return found


def fields_with_codes(texts) -> list[str]:
    """The names of the fields (labels, in order) whose texts hold a valid code."""
    return [str(name) for name in _with_codes(texts)]


def refuse_codes(instance: models.Model) -> None:
    """ValidationError on every field of ``instance`` that holds an identity code (a form
    without that field shows it above the form: ``forms.CityPageForm``)."""
    fields = _with_codes(texts_of(instance))
    if fields:
        raise ValidationError(
            {field.name: gettext(MESSAGE) % {"field": field.verbose_name} for field in fields}
        )
