"""Responsive images for the static sites: AVIF and WebP with a JPEG fallback, in a few widths.

Renditions are made (and cached) by Wagtail; the export only records which files a page
needs, and the release step copies them into the site's ``media/`` folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.images.models import AbstractImage

WIDTHS = (480, 960, 1600)
FORMATS = (("avif", "image/avif"), ("webp", "image/webp"), ("jpeg", "image/jpeg"))
# Quality per format: AVIF and WebP look the same as JPEG 80 at much smaller sizes.
QUALITY = {"avif": 55, "webp": 72, "jpeg": 80}


@dataclass
class MediaFiles:
    """Files under MEDIA_ROOT that a site's release must contain."""

    paths: set[str] = field(default_factory=set)
    # The files of the record being exported, so each record knows what it uses.
    current: set[str] | None = None

    def add(self, name: str) -> str:
        self.paths.add(name)
        if self.current is not None:
            self.current.add(name)
        return "/media/" + name


def image_record(
    image: AbstractImage, alt: str, media: MediaFiles, *, max_width: int = 1600
) -> dict:
    """A picture as plain data: its sources per format and the fallback ``src``."""
    widths = [w for w in WIDTHS if w < min(image.width, max_width)] or [min(image.width, max_width)]
    if image.width <= max_width and image.width not in widths:
        widths.append(image.width)
    spec = {
        (fmt, width): f"width-{width}|format-{fmt}|{fmt}quality-{QUALITY[fmt]}"
        for fmt, _mime in FORMATS
        for width in widths
    }
    renditions = image.get_renditions(*spec.values())
    sources = []
    fallback = None
    for fmt, mime in FORMATS:
        srcset = []
        for width in widths:
            rendition = renditions[spec[(fmt, width)]]
            url = media.add(rendition.file.name)
            srcset.append((url, rendition.width))
            if fmt == "jpeg":
                fallback = (url, rendition.width, rendition.height)
        sources.append({"type": mime, "srcset": srcset})
    assert fallback is not None
    return {
        "alt": alt,
        "src": fallback[0],
        "width": fallback[1],
        "height": fallback[2],
        "sources": sources,
    }
