"""Images and documents for demo content, drawn with Pillow and written as minimal PDFs.

Everything is generated from a seed, so the same demo looks the same on every machine and
no binary files need to live in the repository.
"""

from __future__ import annotations

import io
import random
import zlib

from PIL import Image, ImageDraw

# Palettes per motif: sky top, sky bottom, water, land.
PALETTES = {
    "lake": ((96, 152, 208), (214, 232, 246), (44, 98, 150), (52, 110, 64)),
    "winter": ((150, 176, 206), (236, 242, 250), (200, 214, 230), (240, 244, 248)),
    "sunset": ((62, 52, 120), (246, 166, 98), (70, 60, 110), (40, 58, 44)),
    "city": ((120, 168, 214), (226, 236, 246), (60, 104, 146), (150, 150, 156)),
    "forest": ((132, 186, 222), (226, 240, 232), (50, 100, 110), (30, 84, 46)),
}


def _lerp(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def landscape_jpeg(motif: str, *, seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A recognisable Finnish landscape (sky, treeline, lake) as JPEG bytes."""
    rng = random.Random(seed)
    sky_top, sky_bottom, water, land = PALETTES[motif]
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    horizon = int(height * rng.uniform(0.5, 0.62))
    for y in range(horizon):
        draw.line([(0, y), (width, y)], fill=_lerp(sky_top, sky_bottom, y / horizon))
    sun_x, sun_y, sun_r = rng.randint(width // 5, 4 * width // 5), horizon // 3, height // 12
    draw.ellipse([sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r], fill=(255, 236, 170))
    # Spruce treeline along the horizon.
    x = 0
    while x < width:
        tree_w = rng.randint(18, 42)
        tree_h = rng.randint(40, 130)
        draw.polygon(
            [(x, horizon), (x + tree_w // 2, horizon - tree_h), (x + tree_w, horizon)], fill=land
        )
        x += tree_w - rng.randint(4, 12)
    for y in range(horizon, height):
        t = (y - horizon) / max(1, height - horizon)
        draw.line([(0, y), (width, y)], fill=_lerp(water, sky_bottom, 0.15 * (1 - t)))
    if motif == "city":
        for _ in range(9):
            bx = rng.randint(0, width - 120)
            bh = rng.randint(80, 220)
            draw.rectangle(
                [bx, horizon - bh, bx + rng.randint(60, 120), horizon], fill=(176, 170, 164)
            )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page PDF with a title and lines of Latin-1 text."""
    commands = ["BT", "/F1 18 Tf", "72 770 Td", f"({_pdf_escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        commands += ["0 -18 Td", f"({_pdf_escape(line)}) Tj"]
    commands.append("ET")
    stream = zlib.compress("\n".join(commands).encode("latin-1", errors="replace"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()
