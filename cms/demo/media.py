"""Images and documents for demo content, drawn with Pillow and written as minimal PDFs.

Everything is generated from a seed, so the same demo looks the same on every machine and
no binary files need to live in the repository.
"""

from __future__ import annotations

import io
import random
import zlib

from PIL import Image, ImageDraw

# Palettes per motif: sky top, sky bottom, water, far land, near land, sun.
PALETTES = {
    "lake": ((74, 138, 201), (208, 228, 244), (38, 96, 150), (112, 150, 140), (34, 88, 58)),
    "winter": ((128, 160, 200), (232, 240, 250), (196, 212, 230), (170, 186, 204), (88, 110, 120)),
    "sunset": ((48, 40, 104), (248, 168, 96), (64, 52, 108), (112, 70, 110), (36, 30, 56)),
    "city": ((96, 150, 206), (220, 234, 246), (46, 92, 140), (150, 170, 186), (62, 84, 104)),
    "forest": ((110, 170, 214), (222, 238, 230), (44, 96, 108), (96, 140, 110), (24, 74, 42)),
    "harbour": ((84, 146, 204), (216, 232, 246), (30, 86, 140), (130, 160, 170), (70, 80, 92)),
    "market": ((120, 172, 220), (232, 240, 248), (60, 104, 146), (170, 176, 180), (120, 96, 80)),
    "park": ((100, 164, 214), (226, 240, 236), (52, 110, 120), (120, 168, 110), (52, 120, 60)),
}
SUN = {"sunset": (255, 214, 140), "winter": (255, 246, 220)}
SCALE = 2  # drawn at twice the size and scaled down: smooth edges


def _lerp(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _ridge(draw, rng, width, base, amplitude, colour, step) -> None:
    """A line of hills: a smooth random walk filled down to the bottom."""
    points, y = [(0, base)], base
    for x in range(0, width + step, step):
        y = min(base, max(base - amplitude, y + rng.uniform(-amplitude, amplitude) / 3))
        points.append((x, y))
    draw.polygon([*points, (width, base), (0, base)], fill=colour)


def _spruces(draw, rng, width, ground, low, high, colour, gap=(4, 12)) -> None:
    x = -20
    while x < width:
        w, h = rng.randint(low // 3, low // 2 + 8), rng.randint(low, high)
        draw.polygon([(x, ground), (x + w / 2, ground - h), (x + w, ground)], fill=colour)
        x += w - rng.randint(*gap)


def _town(draw, rng, width, ground, colour, lit) -> None:
    """Blocks of buildings with rows of windows, and a church with its spire."""
    x = int(width * rng.uniform(0.08, 0.18))
    while x < width * 0.86:
        w, h = rng.randint(70, 150), rng.randint(90, 260)
        draw.rectangle([x, ground - h, x + w, ground], fill=colour)
        for wy in range(ground - h + 16, ground - 20, 26):
            for wx in range(x + 12, x + w - 16, 22):
                draw.rectangle([wx, wy, wx + 10, wy + 14], fill=lit)
        x += w + rng.randint(6, 40)
    cx = int(width * rng.uniform(0.3, 0.7))
    draw.rectangle([cx, ground - 200, cx + 60, ground], fill=colour)
    draw.polygon(
        [(cx - 4, ground - 200), (cx + 30, ground - 330), (cx + 64, ground - 200)], fill=colour
    )


def _boats(draw, rng, width, water_top, colour) -> None:
    for _ in range(4):
        x, y = rng.randint(80, width - 200), water_top + rng.randint(30, 140)
        draw.polygon([(x, y), (x + 130, y), (x + 110, y + 26), (x + 20, y + 26)], fill=colour)
        draw.line([(x + 60, y), (x + 60, y - 120)], fill=colour, width=5)
        draw.polygon([(x + 64, y - 112), (x + 64, y - 10), (x + 120, y - 10)], fill=(250, 250, 246))


def _stalls(draw, rng, width, ground) -> None:
    colours = [(200, 60, 50), (240, 190, 70), (40, 120, 90), (50, 100, 170)]
    x = 60
    while x < width - 160:
        w = rng.randint(150, 220)
        awning = colours[rng.randrange(len(colours))]
        draw.rectangle([x + 8, ground - 120, x + w - 8, ground], fill=(120, 90, 66))
        for stripe in range(0, w, 30):
            fill = awning if (stripe // 30) % 2 == 0 else (250, 246, 236)
            draw.polygon(
                [
                    (x + stripe, ground - 160),
                    (x + stripe + 30, ground - 160),
                    (x + stripe + 30, ground - 120),
                    (x + stripe, ground - 120),
                ],
                fill=fill,
            )
        x += w + rng.randint(20, 60)


def _broadleaves(draw, rng, width, ground, colour) -> None:
    for _ in range(7):
        x, r = rng.randint(40, width - 40), rng.randint(50, 90)
        draw.rectangle([x - 8, ground - r - 40, x + 8, ground], fill=(92, 70, 52))
        draw.ellipse([x - r, ground - 2 * r - 60, x + r, ground - 40], fill=colour)


def landscape_jpeg(motif: str, *, seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A composed Finnish scene (sky and sun, far hills, forest or town, lake, foreground)
    as JPEG bytes. The sun is always wholly in the sky, away from the edges."""
    rng = random.Random(seed)
    sky_top, sky_bottom, water, far, near = PALETTES[motif]
    big_w, big_h = width * SCALE, height * SCALE
    image = Image.new("RGB", (big_w, big_h))
    draw = ImageDraw.Draw(image)
    horizon = int(big_h * rng.uniform(0.55, 0.62))
    for y in range(horizon):
        draw.line([(0, y), (big_w, y)], fill=_lerp(sky_top, sky_bottom, y / horizon))
    sun_r = big_h // 14
    sun_x = rng.randint(big_w // 5, 4 * big_w // 5)
    sun_y = rng.randint(3 * sun_r, max(3 * sun_r + 1, horizon // 2))
    sun = SUN.get(motif, (255, 238, 176))
    glow = _lerp(sky_bottom, sun, 0.35)
    draw.ellipse(
        [sun_x - 2 * sun_r, sun_y - 2 * sun_r, sun_x + 2 * sun_r, sun_y + 2 * sun_r], fill=glow
    )
    draw.ellipse([sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r], fill=sun)
    # Water first, then the land over it: far hills, then the near shore.
    for y in range(horizon, big_h):
        t = (y - horizon) / max(1, big_h - horizon)
        draw.line([(0, y), (big_w, y)], fill=_lerp(_lerp(water, sky_bottom, 0.25), water, t))
    for y in range(horizon + 12, big_h, 18):  # the sun's glitter on the water
        half = int(sun_r * (1.2 - (y - horizon) / big_h))
        draw.line([(sun_x - half, y), (sun_x + half, y)], fill=_lerp(water, sun, 0.45), width=4)
    _ridge(draw, rng, big_w, horizon, 60 * SCALE, far, 40 * SCALE)
    if motif in {"city", "harbour"}:
        _town(draw, rng, big_w, horizon, _lerp(far, near, 0.6), _lerp(sky_bottom, sun, 0.5))
    if motif in {"lake", "forest", "winter", "sunset", "park"}:
        _spruces(draw, rng, big_w, horizon + 4, 60 * SCALE // 2, 150 * SCALE // 2, near)
    if motif == "harbour":
        _boats(draw, rng, big_w, horizon, near)
    ground = int(big_h * 0.9)
    if motif in {"market", "park"}:
        draw.rectangle([0, horizon + 40, big_w, big_h], fill=_lerp(near, sky_bottom, 0.55))
        if motif == "market":
            _town(draw, rng, big_w, horizon + 40, far, _lerp(sky_bottom, sun, 0.5))
            _stalls(draw, rng, big_w, ground)
        else:
            _broadleaves(draw, rng, big_w, ground, near)
    image = image.resize((width, height), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=84, optimize=True)
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
