"""Personal-data spans inside a notice's rich text.

The officer marks a span with the editor's "Personal data" button; it is stored as
``<span class="personal-data">…</span>`` in Wagtail's rich-text format. These functions
find the marked texts, drop them (for search documents) and replace them with a neutral
marker (when the display period ends). They work on the stored HTML with a parser, so
nested markup inside a span (a link, bold text) goes with it.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from django.utils.translation import gettext

FEATURE = "personal"
STYLE = "PERSONAL"
CLASS = "personal-data"
# Elements that never have an end tag: they do not change the nesting depth.
VOID = {"br", "img", "hr", "input", "meta", "link", "embed", "source", "wbr"}
# Markup inside a line of text: marked spans on either side of it are one value.
INLINE = {"b", "strong", "i", "em", "a", "span", "sup", "sub", "code", "mark", "u", "s"}


def marker() -> str:
    """The neutral text a removed span becomes, in the active language."""
    return gettext("[personal data removed]")


class _Spans(HTMLParser):
    """Rewrites HTML, handing each marked span's text to ``replace`` (None: drop it)."""

    def __init__(self, replace) -> None:
        super().__init__(convert_charrefs=True)
        self.replace = replace
        self.out: list[str] = []
        self.found: list[str] = []
        self.depth = 0  # open elements inside the current marked span (0: outside one)
        self.text: list[str] = []
        # What separates the last marked span from here, while only inline markup and
        # spaces do (None: something else): the editor writes "Matti **Meikäläinen**" as
        # two spans around the bold, and the officer marked one name.
        self.between: str | None = None

    @staticmethod
    def _marked(attrs) -> bool:
        classes = dict(attrs).get("class") or ""
        return CLASS in classes.split()

    def handle_starttag(self, tag, attrs) -> None:
        if self.depth:
            if tag not in VOID:
                self.depth += 1
            elif tag == "br":
                self.text.append("\n")  # a line break inside a mark separates its values
            return
        if tag == "span" and self._marked(attrs):
            self.depth, self.text = 1, []
            return
        self._outside(tag)
        self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag, attrs) -> None:
        if self.depth and tag == "br":
            self.text.append("\n")
        if not self.depth:
            self._outside(tag)
            self.out.append(self.get_starttag_text() or "")

    def _outside(self, tag: str) -> None:
        if tag not in INLINE:
            self.between = None

    def handle_endtag(self, tag) -> None:
        if self.depth:
            if tag in VOID:
                return
            self.depth -= 1
            if not self.depth:
                text = "".join(self.text)
                if self.between is not None and self.found:
                    # One value, split by markup: one value found, one marker shown.
                    self.found[-1] += self.between + text
                    self.between = ""
                    return
                self.found.append(text)
                self.between = ""
                replacement = self.replace(text)
                if replacement:
                    self.out.append(escape(replacement, quote=False))
            return
        self._outside(tag)
        self.out.append(f"</{tag}>")

    def handle_data(self, data) -> None:
        if self.depth:
            self.text.append(data)
            return
        if self.between is not None:
            self.between = None if data.strip() else self.between + data
        self.out.append(escape(data, quote=False))

    def handle_entityref(self, name) -> None:  # pragma: no cover - convert_charrefs=True
        self.handle_data(f"&{name};")


def _rewrite(html: str, replace) -> tuple[str, list[str]]:
    parser = _Spans(replace)
    parser.feed(html or "")
    parser.close()
    if parser.depth:  # an unclosed span: everything after it counts as marked
        parser.found.append("".join(parser.text))
        if replacement := replace("".join(parser.text)):
            parser.out.append(escape(replacement, quote=False))
    return "".join(parser.out), parser.found


def marked_texts(html: str) -> list[str]:
    """The text of every marked span, in order."""
    return [text for text in _rewrite(html, lambda _text: None)[1] if text.strip()]


def without_marked(html: str) -> str:
    """The HTML with every marked span left out (what search engines may index)."""
    return _rewrite(html, lambda _text: None)[0]


def redacted(html: str) -> str:
    """The HTML with every marked span replaced by the neutral marker."""
    return _rewrite(html, lambda _text: marker())[0]
