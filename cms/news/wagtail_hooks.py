"""This app's part in the one extension mechanism (Wagtail hooks): its kinds of page, and
the press-release review brought in line whenever the sites are synced."""

from wagtail import hooks

from cms.core.services import SITES_SYNCED_HOOK
from records import KINDS_HOOK

from . import kinds, signals

hooks.register(KINDS_HOOK, lambda: kinds.KINDS)
hooks.register(SITES_SYNCED_HOOK, signals.review_press_releases)
