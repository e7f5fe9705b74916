"""Draws assets/olievlek.png: an organisation as a field of people, with three subcultures
spreading through it like oil stains (the "olievlekfase" of the rollout section).

Run: .venv/bin/python assets/olievlek.py  (needs only Pillow, which python-pptx brings along)
No text in the picture: the slide's headline, caption and alt text say what it shows.
"""
from pathlib import Path

from PIL import Image, ImageDraw

W, H, STEP = 1800, 700, 50
BACKGROUND, PERSON = "#FFFFFF", "#C7D1DD"
# (centre x, centre y, radius, colour): the stains in the theme's accent, highlight and muted colours
STAINS = [(430, 330, 250, "#1D4E89"), (1080, 260, 170, "#B83F12"), (1440, 470, 120, "#566070")]
RINGS = (1.0, 0.72, 0.45)  # each ring a step further from the stain's heart
TINTS = (0.12, 0.28, 0.5)  # how much of the stain's colour each ring carries


def mix(colour: str, share: float) -> tuple[int, int, int]:
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return tuple(round(255 + (c - 255) * share) for c in rgb)


def main() -> None:
    image = Image.new("RGB", (W, H), BACKGROUND)
    draw = ImageDraw.Draw(image)
    for cx, cy, radius, colour in STAINS:
        for ring, tint in zip(RINGS, TINTS):
            r = radius * ring
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=mix(colour, tint))
    for x in range(STEP // 2, W, STEP):
        for y in range(STEP // 2, H, STEP):
            inside = [(cx, cy, radius, colour) for cx, cy, radius, colour in STAINS
                      if (x - cx) ** 2 + (y - cy) ** 2 <= (radius * RINGS[1]) ** 2]
            fill = inside[0][3] if inside else PERSON
            draw.ellipse((x - 9, y - 9, x + 9, y + 9), fill=fill)
    image.save(Path(__file__).with_suffix(".png"), optimize=True)


if __name__ == "__main__":
    main()
