"""A site's icons, made from its theme's logo and brand colours: ``favicon.svg`` (the
logo itself), ``favicon.ico`` and ``apple-touch-icon.png`` for software that asks for
those addresses without reading the page, and ``logo.png`` (512 x 512), the organisation's
logo in its structured data (search engines want a raster image of at least 112 pixels).
"""

from __future__ import annotations

import io
import re
from functools import cache

from PIL import Image, ImageChops, ImageDraw

COLOUR_RE = re.compile(r"--(brand|accent):\s*(#[0-9a-fA-F]{6})")
SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def colours(brand_css: str) -> dict[str, str]:
    found = dict(COLOUR_RE.findall(brand_css))
    return {"brand": found.get("brand", "#0b5394"), "accent": found.get("accent", "#f1c232")}


def favicon_svg(logo_svg: str, palette: dict[str, str]) -> bytes:
    """The theme's inline logo as a standalone SVG file, its CSS variables resolved."""
    svg = logo_svg.strip()
    svg = re.sub(r'\s(class|aria-hidden|focusable)="[^"]*"', "", svg)
    svg = svg.replace("<svg", f"<svg {SVG_NS}", 1) if SVG_NS not in svg else svg
    for name, value in palette.items():
        svg = svg.replace(f"var(--{name})", value)
    return svg.encode("utf-8")


def _raster(size: int, palette: dict[str, str]) -> Image.Image:
    """The logo's shape (a disc in the brand colour, the shore below in white), drawn at
    ``size`` pixels: Pillow cannot read SVG, and the shape is simple."""
    scale = 2  # drawn larger, then reduced: smooth edges
    side = size * scale
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = side // 32
    draw.ellipse((margin, margin, side - margin, side - margin), fill=palette["brand"])
    mask = Image.new("L", (side, side), 0)
    ImageDraw.Draw(mask).ellipse((margin, margin, side - margin, side - margin), fill=255)
    shore = Image.new("L", (side, side), 0)
    ImageDraw.Draw(shore).rectangle((0, int(side * 0.66), side, side), fill=255)
    white = Image.new("RGBA", (side, side), (255, 255, 255, 255))
    image.paste(white, (0, 0), ImageChops.multiply(mask, shore))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


# Drawn once per logo and palette: every build of the site writes them again.
@cache
def site_icons(logo_svg: str, brand_css: str) -> dict[str, bytes]:
    palette = colours(brand_css)
    ico = io.BytesIO()
    _raster(64, palette).save(ico, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)])
    touch = Image.new("RGBA", (180, 180), (255, 255, 255, 255))
    touch.alpha_composite(_raster(150, palette), (15, 15))
    return {
        "favicon.svg": favicon_svg(logo_svg, palette),
        "favicon.ico": ico.getvalue(),
        "apple-touch-icon.png": _png(touch.convert("RGB")),
        "logo.png": _png(_raster(512, palette)),
    }
