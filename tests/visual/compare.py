"""Screenshots against their references, within a budget of changed pixels.

References are kept as 256-colour PNGs (``docs/screenshots``, which the docs show): a new
screenshot is reduced the same way before it is compared, so an unchanged page matches
its reference exactly and a changed one differs in the pixels that changed. A pixel
counts as changed when a channel moved by more than ``TOLERANCE``; a page fails when more
than ``BUDGET`` of its pixels changed, or when its size did (the layout moved).
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops

TOLERANCE = 48
BUDGET = 0.001  # a tenth of a per cent of the page's pixels


def reduced(png: bytes) -> Image.Image:
    """A screenshot as references keep it: 256 colours, chosen from the picture itself."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def save(image: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, optimize=True)


def difference(shot: Image.Image, reference_path: Path, diff_path: Path) -> str | None:
    """None when ``shot`` is within the budget of its reference; else what changed (and
    a picture of the changed pixels in ``diff_path``)."""
    if not reference_path.exists():
        return f"no reference {reference_path} (make it with --update-screenshots)"
    reference = Image.open(reference_path).convert("RGB")
    shot = shot.convert("RGB")
    if shot.size != reference.size:
        save(shot, diff_path)
        return f"size {shot.size} is not the reference's {reference.size} ({diff_path})"
    red, green, blue = ImageChops.difference(shot, reference).split()
    delta = ImageChops.lighter(ImageChops.lighter(red, green), blue)  # the most moved channel
    mask = delta.point(lambda value: 255 if value > TOLERANCE else 0)
    changed = mask.histogram()[255]
    share = changed / (shot.width * shot.height)
    if share <= BUDGET:
        return None
    save(Image.composite(Image.new("RGB", shot.size, (255, 0, 255)), shot, mask), diff_path)
    return f"{changed} pixels ({share:.2%}) changed, over the {BUDGET:.1%} budget ({diff_path})"
