"""This app's part in the one extension mechanism (Wagtail hooks): its kinds of page."""

from wagtail import hooks

from records import KINDS_HOOK

from . import kinds

hooks.register(KINDS_HOOK, lambda: kinds.KINDS)
