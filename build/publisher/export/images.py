"""Responsive images for the static sites: AVIF and WebP with a JPEG fallback, in a few widths.

Renditions are made (and cached) by Wagtail; the export only records which files a page
needs, and the release step copies them into the site's ``media/`` folder.

A full build makes missing renditions as it goes. An incremental build, the path from an
editor's "publish" to the live site, never does: one huge image would hold every other
change for as long as it takes (half a minute for a 64-megapixel PNG). A page whose
image has no renditions yet is published without it, the image is handed to the
``make_renditions`` task (its own "media" queue, its own worker), and that task republishes
the pages using it when the renditions exist; saving an image queues the task at once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from types import MappingProxyType

from wagtail.images.models import AbstractImage, Filter

logger = logging.getLogger(__name__)
WIDTHS = (480, 960, 1600)
FORMATS = (("avif", "image/avif"), ("webp", "image/webp"), ("jpeg", "image/jpeg"))
# Quality per format: AVIF and WebP look the same as JPEG 80 at much smaller sizes.
QUALITY = MappingProxyType({"avif": 55, "webp": 72, "jpeg": 80})


@dataclass
class MediaFiles:
    """Files under MEDIA_ROOT that a site's release must contain."""

    paths: set[str] = field(default_factory=set)
    # The files of the record being exported, so each record knows what it uses.
    current: set[str] | None = None
    # False: never make a rendition, note the image in ``awaiting`` instead.
    make: bool = True
    awaiting: set[int] = field(default_factory=set)

    def add(self, name: str) -> str:
        self.paths.add(name)
        if self.current is not None:
            self.current.add(name)
        return "/media/" + name


MAX_WIDTHS = (960, 1600)  # body images, and hero images
# A page's main image as link previews (OpenGraph) and search results' rich results want
# it: 1200 x 630, cropped around the image's focal point (smaller only if the original is).
SHARE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"


def _specs(image: AbstractImage, max_width: int) -> tuple[list[int], dict[tuple, str]]:
    # The standard widths below the cap, then the cap itself (or the image's own width if
    # smaller): a 1600-pixel image shown at most 960 wide has a 960 rendition, not only 480.
    top = min(image.width, max_width)
    widths = [w for w in WIDTHS if w < top] + [top]
    spec = {
        (fmt, width): f"width-{width}|format-{fmt}|{fmt}quality-{QUALITY[fmt]}"
        for fmt, _mime in FORMATS
        for width in widths
    }
    return widths, spec


def all_specs(image: AbstractImage) -> list[str]:
    """Every rendition a page may ask of ``image``."""
    specs = {s for width in MAX_WIDTHS for s in _specs(image, width)[1].values()}
    return sorted(specs | {SHARE_SPEC})


def image_record(
    image: AbstractImage,
    alt: str,
    media: MediaFiles,
    *,
    max_width: int = 1600,
    share: bool = False,
) -> dict | None:
    """A picture as plain data: its sources per format and the fallback ``src``; with
    ``share``, also the ``share`` image of link previews. None when its renditions are
    still to be made and ``media`` may not make them."""
    widths, spec = _specs(image, max_width)
    if share:
        spec[("share", 0)] = SHARE_SPEC
    if media.make:
        try:
            renditions = image.get_renditions(*spec.values())
        except Exception:
            # An image no rendition can be made of (stored before uploads were checked):
            # its pages go live without it, as they do while renditions are awaited; one
            # bad file never stops a build.
            logger.exception("Image %s: its renditions cannot be made; left out", image.pk)
            return None
    else:
        found = image.find_existing_renditions(*(Filter(spec=s) for s in spec.values()))
        renditions = {f.spec: rendition for f, rendition in found.items()}
        if len(renditions) < len(set(spec.values())):
            media.awaiting.add(image.pk)
            return None
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
    record = {
        "alt": alt,
        "src": fallback[0],
        "width": fallback[1],
        "height": fallback[2],
        "sources": sources,
    }
    if share:
        rendition = renditions[SHARE_SPEC]
        record["share"] = {
            "src": media.add(rendition.file.name),
            "width": rendition.width,
            "height": rendition.height,
        }
    return record
