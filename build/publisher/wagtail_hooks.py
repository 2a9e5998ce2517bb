"""The publisher's registrations in the one extension mechanism (Wagtail hooks): the preview
of a page as the static site shows it."""

from wagtail import hooks

from cms.core.pages import PREVIEW_HOOK

from .builds.preview import preview_html

hooks.register(PREVIEW_HOOK, preview_html)
