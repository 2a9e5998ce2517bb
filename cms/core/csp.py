"""The CMS's Content-Security-Policy (the policy: ``CONTENT_SECURITY_POLICY`` in the settings):
scripts only from the CMS itself or with this response's nonce, no plugins, no framing by
other sites, forms posted only here.

Wagtail's admin still writes a few inline scripts (the date and time pickers, the inline
panels' set-up, every chooser's). Rather than allow every inline script (``'unsafe-inline'``,
which would run an injected one too), those Wagtail writes itself carry the nonce: its
templates are overridden (``{% csp_nonce %}``, ``cms/core/templatetags/city_csp.py``) and its
choosers' ``render`` is wrapped (``install``). The form widgets that write them are rendered
without the request, so the middleware keeps the nonce of the request being answered in a
context variable. Inline styles stay allowed: Wagtail sets
``style`` attributes everywhere, and a style cannot run code.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import wraps
from typing import Any

from csp.middleware import CSPMiddleware

from django.utils.html import escape
from django.utils.safestring import mark_safe

# The nonce of the request this thread is answering (lazy: a response without an inline
# script gets no nonce in its header).
current_nonce: ContextVar[Any] = ContextVar("current_nonce", default=None)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, and the request's nonce for templates rendered without it."""

    def process_request(self, request) -> None:
        super().process_request(request)
        request._city_csp_token = current_nonce.set(request.csp_nonce)

    def process_response(self, request, response):
        response = super().process_response(request, response)
        token = getattr(request, "_city_csp_token", None)
        if token is not None:
            current_nonce.reset(token)
        return response


def nonce() -> str:
    """The nonce of the response being written, or nothing outside a request (a command
    rendering a form): an empty nonce matches no policy, so such a script would not run."""
    current = current_nonce.get()
    return str(current) if current is not None else ""


def install() -> None:
    """Wagtail's choosers end their HTML with their set-up script, written as a bare
    ``<script>`` in ``BaseChooser.render``: the wrapped one gives that script the nonce."""
    from wagtail.admin.widgets.chooser import BaseChooser

    original = BaseChooser.render
    if getattr(original, "city_nonced", False):
        return

    @wraps(original)
    def render(self, name, value, attrs=None, renderer=None):
        html = original(self, name, value, attrs, renderer)
        head, tag, tail = str(html).rpartition("<script>")
        if not tag:
            return html
        return mark_safe(f'{head}<script nonce="{escape(nonce())}">{tail}')  # noqa: S308 - Wagtail's own HTML

    render.city_nonced = True  # type: ignore[attr-defined]
    BaseChooser.render = render  # type: ignore[method-assign]
