"""``{% csp_nonce %}``: the nonce of the response being written (``cms/core/csp.py``), for
the inline scripts of Wagtail's templates that are rendered without the request."""

from __future__ import annotations

from django import template

from cms.core import csp

register = template.Library()


register.simple_tag(csp.nonce, name="csp_nonce")
