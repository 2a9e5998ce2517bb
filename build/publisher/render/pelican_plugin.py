"""Pelican plugin: registers the city generator. Pelican extended through its signals,
never forked."""

from pelican import signals

from .site_generator import CityGenerator


def get_generators(pelican):
    return CityGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
