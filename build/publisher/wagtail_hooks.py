"""The publisher's registrations in the one extension mechanism (Wagtail hooks): the preview
of a page as the static site shows it, and the addresses a page may not take."""

from wagtail import hooks

from cms.core.forms import RESERVED_HOOK
from cms.core.pages import PREVIEW_HOOK

from .builds.preview import preview_html
from .reserved import for_child

hooks.register(PREVIEW_HOOK, preview_html)
hooks.register(RESERVED_HOOK, for_child)
