"""The test app's kinds, handed to the registry as every content app hands its own."""

from wagtail import hooks

from records import KINDS_HOOK

from . import kinds

hooks.register(KINDS_HOOK, lambda: kinds.KINDS)
