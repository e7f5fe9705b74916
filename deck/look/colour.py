"""Colour maths on RRGGBB hex strings: WCAG 2 luminance and contrast, mixing, the nearest shade
that reads, the mean of several colours. Pure."""
from __future__ import annotations


def luminance(hex_colour: str) -> float:
    """WCAG 2 relative luminance: 0 for black, 1 for white."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """`colour` moved `amount` (0..1) of the way towards `other`, channel by channel."""
    a = [int(colour[i:i + 2], 16) for i in (0, 2, 4)]
    b = [int(other[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


def passing_shade(colour: str, against: str, minimum: float) -> str | None:
    """The shade of `colour` nearest to it (towards black or white, whichever lies away from
    `against`) that reaches `minimum` contrast with `against`; None if even black or white fails."""
    target = "000000" if luminance(against) > 0.18 else "FFFFFF"
    for step in range(0, 101):
        shade = mix(colour, target, step / 100)
        if contrast(shade, against) >= minimum:
            return shade
    return None


def mean(colours: list[str]) -> str:
    """The mean colour, channel by channel."""
    channels = [[int(c[i:i + 2], 16) for c in colours] for i in (0, 2, 4)]
    return "".join(f"{round(sum(ch) / len(ch)):02X}" for ch in channels)


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(hex_colour[i:i + 2], 16)) for i in (0, 2, 4))
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def difference(a: str, b: str) -> float:
    """How far apart two colours look (CIE76 ΔE: about 2 is just noticeable, 100 black to white)."""
    return sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b), strict=True)) ** 0.5
