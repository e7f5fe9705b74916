"""Draws assets/olievlek.png: an organisation as a field of people, with three subcultures
spreading through it like oil stains (the "olievlekfase" of the rollout section).

Run: .venv/bin/python assets/olievlek.py  (needs only Pillow, which python-pptx brings along)
No text in the picture: the slide's headline, caption and alt text say what it shows.
"""
from pathlib import Path

from PIL import Image, ImageDraw

W, H, STEP = 1800, 700, 50
PERSON = "#A9B6C6"  # mid grey-blue: visible on the light, warm and dark themes alike
# (centre x, centre y, radius, colour): the stains in the theme's accent, highlight and muted colours
STAINS = [(430, 330, 250, "#1D4E89"), (1080, 260, 170, "#B83F12"), (1440, 470, 120, "#566070")]
RINGS = (1.0, 0.72, 0.45)  # each ring a step further from the stain's heart
TINTS = (0.15, 0.2, 0.3)  # opacity added by each ring, outermost first


def tint(colour: str, share: float) -> tuple[int, int, int, int]:
    """The colour at partial opacity: the slide's own background shows through the rings."""
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5)) + (round(255 * share),)


def main() -> None:
    image = Image.new("RGBA", (W, H), (0, 0, 0, 0))  # transparent: the picture suits every theme
    for cx, cy, radius, colour in STAINS:
        for ring, share in zip(RINGS, TINTS, strict=True):
            r = radius * ring
            layer = Image.new("RGBA", (W, H), (0, 0, 0, 0))
            ImageDraw.Draw(layer).ellipse((cx - r, cy - r, cx + r, cy + r), fill=tint(colour, share))
            image = Image.alpha_composite(image, layer)
    draw = ImageDraw.Draw(image)
    for x in range(STEP // 2, W, STEP):
        for y in range(STEP // 2, H, STEP):
            inside = [(cx, cy, radius, colour) for cx, cy, radius, colour in STAINS
                      if (x - cx) ** 2 + (y - cy) ** 2 <= (radius * RINGS[1]) ** 2]
            if inside:  # a white edge keeps the converted people visible on a dark theme too
                draw.ellipse((x - 11, y - 11, x + 11, y + 11), fill=inside[0][3], outline="#FFFFFF", width=3)
            else:
                draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=PERSON)
    image.save(Path(__file__).with_suffix(".png"), optimize=True)


if __name__ == "__main__":
    main()
