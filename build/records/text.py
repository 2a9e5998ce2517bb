"""Text of a record's HTML as search and the notices' forms read it: the visible words,
one line per block."""

from __future__ import annotations

from html.parser import HTMLParser


class _Text(HTMLParser):
    """Visible text of a body fragment, blocks separated by newlines."""

    BLOCKS = {"p", "li", "h2", "h3", "h4", "dt", "dd", "tr", "br", "div", "section", "figure"}
    SKIP = {"script", "style", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    if not html:
        return ""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
