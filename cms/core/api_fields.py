"""One vocabulary for every read API: a page model's fields in Wagtail's live API
(``/api/v2/``) are the ones its kind declares for the static JSON API, under the same names
(``records.Kind.api_fields``, ``api``, and ``api_sources`` for a field whose model attribute
is named otherwise), and its body. Nothing is declared twice: ``CityPage.api_fields`` reads
the kind when Wagtail's API asks."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q

from wagtail.api import APIField

from records import Kind, all_kinds, iso, kind_for_model

# What every page gives besides Wagtail's own title, type and address.
COMMON = ("lead",)


class Constant(serializers.Field):
    """A value every page of the kind has (``Kind.api``: a press release says so)."""

    def __init__(self, value: object) -> None:
        self.value = value
        super().__init__(source="*", read_only=True)

    def to_representation(self, value: Any) -> object:
        return self.value


class Moment(serializers.Field):
    """A date or time written as the records write it (``records.iso``), so that both APIs
    give the very same text for the same moment."""

    def __init__(self, source: str | None = None) -> None:
        super().__init__(source=source, read_only=True)

    def to_representation(self, value: Any) -> str | None:
        return iso(value)


class Names(serializers.Field):
    """The names of related objects (an event's categories), as the records list them."""

    def __init__(self, source: str | None = None) -> None:
        super().__init__(source=source, read_only=True)

    def to_representation(self, value: Any) -> list[str]:
        return [item.name for item in value.all()]


def _field(kind: Kind, name: str, model: type) -> APIField:
    source = kind.api_sources.get(name, name)
    own = None if source == name else source  # (DRF refuses a source equal to the name)
    if source.endswith(".names"):
        related = source.removesuffix(".names")
        return APIField(name, serializer=Names(related if related != name else None))
    if isinstance(_model_field(model, source), models.DateField):  # dates and times
        return APIField(name, serializer=Moment(own))
    if source != name:
        return APIField(name, serializer=serializers.ReadOnlyField(source=source))
    return APIField(name)


def _model_field(model: type, name: str) -> object:
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def fields_of(model: type) -> list[APIField]:
    """The live API's fields of ``model``, from its kind."""
    kind = kind_for_model(model._meta.label_lower)
    if kind is None:
        return [APIField(name) for name in COMMON]
    fields = [APIField(name) for name in COMMON]
    fields += [_field(kind, name, model) for name in kind.api_fields]
    fields += [APIField(name, serializer=Constant(value)) for name, value in kind.api.items()]
    if any(field.name == "body" for field in model._meta.get_fields()):
        fields.append(APIField("body"))  # the blocks as stored, for clients that render them
    return fields


def personal_pages() -> Q:
    """The pages of kinds that hold personal data for a time (official notices): never in
    the live read API, nor the documents only they use. Their data expires; an API answer
    copied elsewhere would not."""
    types = [
        ContentType.objects.get_by_natural_key(*kind.model.split("."))
        for kind in all_kinds()
        if kind.personal
    ]
    # By content type: the one field the API's search can filter by too.
    return Q(content_type__in=types)


class KindAPIFields:
    """``api_fields`` of a page model, read from its kind when Wagtail's API asks."""

    def __get__(self, instance: object, owner: type) -> list[APIField]:
        return fields_of(owner)
