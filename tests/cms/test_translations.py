"""Every label and help text an editor sees is translated into Finnish and Swedish."""

from pathlib import Path

import pytest

from django.apps import apps
from django.utils import translation

from wagtail.models import TranslatableMixin

OUR_APPS = ["core", "pages", "news", "events", "publisher", "removal"]
# Words that are spelled the same in Swedish and English.
SAME_IN_SWEDISH = {"Text", "Organisation", "Address", "date", "event", "events", "slug"}


WAGTAIL_MIXIN_FIELDS = {field.name for field in TranslatableMixin._meta.fields}


def source(value) -> str | None:
    """The untranslated text of a lazy gettext proxy; None for plain strings."""
    args = getattr(value, "_args", None)
    return args[0] if args else None


def texts() -> list[str]:
    found = []
    for label in OUR_APPS:
        config = apps.get_app_config(label)
        found.append(source(config.verbose_name))
        for model in config.get_models():
            found += [source(model._meta.verbose_name), source(model._meta.verbose_name_plural)]
            for field in model._meta.get_fields():
                if field.model is not model or not hasattr(field, "verbose_name"):
                    continue  # inherited from Wagtail, or a reverse relation
                if field.name in WAGTAIL_MIXIN_FIELDS:
                    continue
                found += [source(field.verbose_name), source(getattr(field, "help_text", ""))]
    return sorted({text for text in found if text})


def test_catalogues_are_compiled():
    for lang in ("fi", "sv"):
        po = Path(f"cms/locale/{lang}/LC_MESSAGES/django.po")
        mo = po.with_suffix(".mo")
        assert mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime, (
            f"{mo} is missing or stale: run bin/test or manage.py compilemessages"
        )


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_model_labels_are_translated(lang):
    assert len(texts()) > 60
    untranslated = []
    with translation.override(lang):
        for text in texts():
            translated = translation.gettext(text)
            if translated == text and not (lang == "sv" and text in SAME_IN_SWEDISH):
                untranslated.append(text)
    assert untranslated == []


def test_validation_messages_are_translated():
    with translation.override("fi"):
        assert translation.gettext("The event cannot end before it starts.") == (
            "Tapahtuma ei voi päättyä ennen kuin se alkaa."
        )
    with translation.override("sv"):
        assert translation.gettext("A press release needs a media headline.") == (
            "Ett pressmeddelande behöver en rubrik för medier."
        )
