"""Draw the E2 Judge app icon and write every form the build needs into ``resources/icons/``.

The drawing below is the icon's one source: a rounded square in a calm blue with "E2" and a white
check mark. Small sizes (32 px and below) drop the letters, which would be an unreadable smudge,
and keep a larger check mark. Run ``python scripts/make_icons.py``; the outputs are committed so a
build never needs this script:

- ``e2judge.png`` (1024 px master), ``e2judge-<N>.png`` for N in 16…512
- ``e2judge.ico`` (Windows: 16, 20, 24, 32, 40, 48, 64, 128, 256)
- ``e2judge.icns`` (macOS: 32…1024)
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
MASTER = 1024
SUPERSAMPLE = 4
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)
SIMPLE_BELOW = 33  # sizes up to 32 px: check mark only

TOP = (58, 124, 196)  # calm blue, a little lighter at the top
BOTTOM = (31, 88, 158)
WHITE = (255, 255, 255, 255)
SHADOW = (8, 30, 64, 110)


def _font(size: int) -> ImageFont.FreeTypeFont:
    from fontpkg_be_vietnam_pro import ROOT as FONT_ROOT

    return ImageFont.truetype(str(Path(FONT_ROOT) / "files" / "BeVietnamPro-Bold.ttf"), size)


def _rounded_square(size: int, margin: float, radius: float) -> Image.Image:
    """The blue tile with a vertical gradient, on a transparent canvas of ``size`` px."""
    gradient = Image.new("RGBA", (1, size))
    for y in range(size):
        t = y / (size - 1)
        gradient.putpixel((0, y), (*(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM, strict=True)), 255))
    gradient = gradient.resize((size, size))
    mask = Image.new("L", (size, size), 0)
    m = round(size * margin)
    box = (m, m, size - 1 - m, size - 1 - m)
    ImageDraw.Draw(mask).rounded_rectangle(box, radius=round(size * radius), fill=255)
    tile = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    tile.paste(gradient, (0, 0), mask)
    return tile


def _check(
    draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], width: float, fill: tuple[int, ...]
) -> None:
    """A check mark drawn as a round pen moved along ``points`` (round ends and joint)."""
    r = width / 2
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        steps = max(2, round(max(abs(x1 - x0), abs(y1 - y0))))
        for i in range(steps + 1):
            x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def _with_shadow(tile: Image.Image, marks: Image.Image, offset: float) -> Image.Image:
    """``marks`` (white on transparent) over ``tile``, with a soft dark shadow below them."""
    alpha = marks.getchannel("A")
    shadow = Image.new("RGBA", tile.size, SHADOW)
    shadow.putalpha(alpha.point(lambda a: a * SHADOW[3] // 255))
    shadow = shadow.filter(ImageFilter.GaussianBlur(offset))
    moved = Image.new("RGBA", tile.size, (0, 0, 0, 0))
    moved.paste(shadow, (round(offset * 0.6), round(offset)))
    out = Image.alpha_composite(tile, _clip(moved, tile))
    return Image.alpha_composite(out, marks)


def _clip(layer: Image.Image, tile: Image.Image) -> Image.Image:
    """``layer`` limited to the tile's shape (no shadow on the transparent margin)."""
    alpha = ImageChops.multiply(layer.getchannel("A"), tile.getchannel("A"))
    layer.putalpha(alpha)
    return layer


def draw_full(size: int) -> Image.Image:
    """The icon with "E2" above a check mark (48 px and up)."""
    s = size * SUPERSAMPLE
    tile = _rounded_square(s, margin=0.06, radius=0.2)
    marks = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(marks)
    font = _font(round(s * 0.36))
    text = "E2"
    left, top, right, _bottom = draw.textbbox((0, 0), text, font=font)
    draw.text(((s - (right - left)) / 2 - left, s * 0.19 - top), text, font=font, fill=WHITE)
    _check(draw, [(0.36 * s, 0.685 * s), (0.465 * s, 0.78 * s), (0.665 * s, 0.585 * s)], s * 0.062, WHITE)
    return _with_shadow(tile, marks, s * 0.012).resize((size, size), Image.Resampling.LANCZOS)


def draw_simple(size: int) -> Image.Image:
    """The small-size icon: the tile and one large check mark."""
    big = size * SUPERSAMPLE
    img = _rounded_square(big, margin=0.03, radius=0.18)
    draw = ImageDraw.Draw(img)
    s = big
    _check(draw, [(0.24 * s, 0.53 * s), (0.43 * s, 0.71 * s), (0.77 * s, 0.32 * s)], s * 0.14, WHITE)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def draw(size: int) -> Image.Image:
    return draw_simple(size) if size < SIMPLE_BELOW else draw_full(size)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    master = draw(MASTER)
    master.save(OUT / "e2judge.png", optimize=True)
    for size in PNG_SIZES:
        draw(size).save(OUT / f"e2judge-{size}.png", optimize=True)
    ico = [draw(size) for size in ICO_SIZES]
    ico[-1].save(OUT / "e2judge.ico", sizes=[(s, s) for s in ICO_SIZES], append_images=ico[:-1])
    icns = [draw(size) for size in ICNS_SIZES]
    icns[-1].save(OUT / "e2judge.icns", append_images=icns[:-1])
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
