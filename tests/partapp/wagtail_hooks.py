"""The test app's part and subscriber, registered as any app registers its own."""

from wagtail import hooks

from publisher.public import SITE_PARTS_HOOK, SITES_LIVE_HOOK

from . import parts

hooks.register(SITE_PARTS_HOOK, parts.BoardPart)
hooks.register(SITES_LIVE_HOOK, parts.remember)
