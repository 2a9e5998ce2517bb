"""StreamField content rendered to the public HTML of the static sites.

Plain functions rather than Django templates: the export renders thousands of pages and
this is its hot path. Every text is escaped; rich text comes through ``richtext.expand_links``.
The markup needs no JavaScript: accordions are ``<details>`` elements.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import escape

from wagtail.rich_text import RichText


def picture_html(
    image: dict, *, sizes: str = "(min-width: 60rem) 48rem, 100vw", lazy: bool = True
) -> str:
    """A ``<picture>`` with AVIF and WebP sources and a JPEG ``<img>`` fallback."""
    sources = "".join(
        f'<source type="{source["type"]}" srcset="'
        + ", ".join(f"{escape(url)} {width}w" for url, width in source["srcset"])
        + f'" sizes="{sizes}">'
        for source in image["sources"]
        if source["type"] != "image/jpeg"
    )
    jpeg = next(s for s in image["sources"] if s["type"] == "image/jpeg")
    srcset = ", ".join(f"{escape(url)} {width}w" for url, width in jpeg["srcset"])
    loading = ' loading="lazy" decoding="async"' if lazy else ""

    return (
        f'<picture>{sources}<img src="{escape(image["src"])}" srcset="{srcset}" '
        f'sizes="{sizes}" width="{image["width"]}" height="{image["height"]}" '
        f'alt="{escape(image["alt"])}"{loading}></picture>'
    )


def rebased(image: dict, base_url: str) -> dict:
    """``image`` with every file at ``base_url`` (a card on another site's page: its
    media are in its own site's release)."""
    return {
        **image,
        "src": base_url + image["src"],
        "sources": [
            {**source, "srcset": [(base_url + url, width) for url, width in source["srcset"]]}
            for source in image["sources"]
        ],
    }


class BlockRenderer:
    """Renders one page's StreamField. ``rich`` expands stored rich text, ``picture``
    turns an image and its alt text into a picture record, ``link`` gives a page's URL."""

    def __init__(
        self,
        *,
        rich: Callable[[str], str],
        picture: Callable[[object, str], dict | None],
        link: Callable[[int], str | None],
        document: Callable[[object], str | None],
        labels: dict[str, str],
    ) -> None:
        self.rich = rich
        self.picture = picture
        self.link = link
        self.document = document
        self.labels = labels
        self.eager = False  # the next image is the page's main one (``stream``)

    def stream(self, value, *, eager_first: bool = False) -> str:
        """The blocks' HTML. With ``eager_first`` the first image is the page's main image:
        loaded at once, not lazily (it is what the page's largest paint usually waits for)."""
        self.eager = eager_first
        try:
            return "".join(self.block(child.block_type, child.value) for child in value)
        finally:
            self.eager = False

    def block(self, kind: str, value) -> str:
        method = getattr(self, f"render_{kind}", None)
        if method is None:
            raise ValueError(f"no public rendering for block type {kind!r}")
        return method(value)

    def render_heading(self, value) -> str:
        level = value["level"] if value["level"] in {"h2", "h3"} else "h2"
        return f"<{level}>{escape(value['text'])}</{level}>"

    def render_paragraph(self, value: RichText) -> str:
        return f'<div class="rich-text">{self.rich(value.source)}</div>'

    def render_image(self, value) -> str:
        image = value["image"]
        if image is None:  # the image was deleted after the page was published
            return ""
        picture = self.picture(image, value["alt_text"])
        if picture is None:  # its renditions are being made: the page follows when they are
            return ""
        caption = value.get("caption")
        figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
        lazy, self.eager = not self.eager, False
        return f"<figure>{picture_html(picture, lazy=lazy)}{figcaption}</figure>"

    def render_quote(self, value) -> str:
        who = ", ".join(
            escape(part) for part in (value.get("attribution"), value.get("role")) if part
        )
        cite = f"<figcaption>{who}</figcaption>" if who else ""
        quote = f"<blockquote><p>{escape(value['quote'])}</p></blockquote>"
        return f'<figure class="quote">{quote}{cite}</figure>'

    def render_call_to_action(self, value) -> str:
        page = value.get("page")
        url = self.link(page.pk) if page is not None else value.get("url")
        if not url:
            return ""
        text = f"<p>{escape(value['text'])}</p>" if value.get("text") else ""
        button = f'<a class="button" href="{escape(url)}">{escape(value["label"])}</a>'
        return f'<div class="cta">{text}{button}</div>'

    def render_accordion(self, value) -> str:
        heading = f"<h2>{escape(value['heading'])}</h2>" if value.get("heading") else ""
        items = "".join(
            f"<details><summary>{escape(item['title'])}</summary>"
            f'<div class="rich-text">{self.rich(item["content"].source)}</div></details>'
            for item in value["items"]
        )
        return f'<div class="accordion">{heading}{items}</div>'

    def render_document(self, value) -> str:
        document = value["document"]
        url = self.document(document) if document is not None else None
        if not url:
            return ""
        label = value.get("label") or document.title
        ext = document.file_extension.upper()
        link = f'<a href="{escape(url)}">{escape(label)}</a>'
        return f'<p class="document">{link} <span>({escape(ext)})</span></p>'

    def render_contact(self, value) -> str:
        rows = []
        for key in ("job_title", "organisation"):
            if value.get(key):
                rows.append(f"<p>{escape(value[key])}</p>")
        if value.get("phone"):
            tel = "".join(ch for ch in value["phone"] if ch.isdigit() or ch == "+")
            link = f'<a href="tel:{tel}">{escape(value["phone"])}</a>'
            rows.append(f"<p>{escape(self.labels['phone'])}: {link}</p>")
        if value.get("email"):
            rows.append(
                f"<p>{escape(self.labels['email'])}: "
                f'<a href="mailto:{escape(value["email"])}">{escape(value["email"])}</a></p>'
            )
        if value.get("address"):
            rows.append(f"<p>{escape(value['address'])}</p>")
        return (
            f'<div class="contact-card"><p class="contact-name">{escape(value["name"])}</p>'
            f"{''.join(rows)}</div>"
        )
