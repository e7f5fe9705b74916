"""The look of a deck as numbers: canvas, grid, type scale, palette.

Every number here comes from the design rules (DESIGN.md §3); units are points (1/72 in).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from deck.errors import DeckError

# Canvas 16:9, 13.333 x 7.5 in.
SLIDE_W = 960.0
SLIDE_H = 540.0
# Margins and a 12-column grid of 50 pt columns with 24 pt gutters: 12*50 + 11*24 = 864 = 960 - 2*48.
MARGIN_X = 48.0
MARGIN_Y = 36.0
COLUMNS = 12
COLUMN = 50.0
GUTTER = 24.0

# Contrast (WCAG 2): all text at least AA, body text aims at AAA.
MIN_CONTRAST = 4.5
BODY_CONTRAST = 7.0


@dataclass(frozen=True)
class Style:
    """One kind of text: its preferred size, the floor it may shrink to, and how it is set."""

    size: float
    floor: float
    bold: bool = False
    color: str = "ink"  # a palette role
    leading: float = 1.2  # line pitch as a multiple of the size
    after: float = 0.5  # space after a paragraph, in lines

    @property
    def line(self) -> float:
        return self.size * self.leading

    def at(self, size: float) -> Style:
        return replace(self, size=size)


@dataclass(frozen=True)
class Palette:
    background: str
    ink: str
    muted: str
    accent: str
    highlight: str
    soft: str  # a tint of the accent for panels behind text
    on_accent: str  # text on the accent colour
    on_accent_muted: str
    rule: str  # hairlines and connectors (not text)

    def hex(self, role: str) -> str:
        return getattr(self, role)


@dataclass(frozen=True)
class Theme:
    name: str
    palette: Palette
    font: str = "Calibri"
    styles: dict[str, Style] = field(default_factory=dict)

    def style(self, role: str) -> Style:
        return self.styles[role]


def grid_x(column: int) -> float:
    """Left edge of a grid column (0-based)."""
    return MARGIN_X + column * (COLUMN + GUTTER)


def grid_w(span: int) -> float:
    """Width of `span` columns with the gutters between them."""
    return span * COLUMN + (span - 1) * GUTTER


STYLES = {
    # Headline: an assertion, 36 pt bold, never under 28, at most two lines, leading 1.1.
    "title": Style(36, 28, bold=True, leading=1.1, after=0),
    "body": Style(28, 24, leading=1.2),
    "sub": Style(24, 22, leading=1.2),
    # Secondary text (stat context, step detail, agenda messages) stays readable from the back.
    "secondary": Style(20, 18, color="muted", leading=1.2, after=0.3),
    "kicker": Style(20, 18, bold=True, color="accent", leading=1.2, after=0.3),
    "footer": Style(14, 12, color="muted", leading=1.2, after=0),
    "big": Style(80, 60, bold=True, color="highlight", leading=1.05, after=0),
    "statement": Style(40, 28, bold=True, leading=1.15),
    "quote": Style(34, 24, leading=1.2),
    "question": Style(36, 28, bold=True, leading=1.15),
    "deck-title": Style(54, 36, bold=True, color="on_accent", leading=1.05, after=0),
    "deck-subtitle": Style(28, 20, color="on_accent", leading=1.2),
    "deck-meta": Style(18, 14, color="on_accent_muted", leading=1.2, after=0.2),
    "divider-number": Style(96, 72, bold=True, color="on_accent_muted", leading=1.0, after=0),
    "divider-title": Style(48, 32, bold=True, color="on_accent", leading=1.05, after=0),
    "divider-message": Style(28, 24, color="on_accent", leading=1.2),
    "entry-title": Style(26, 22, bold=True, leading=1.15, after=0.15),
    "step-number": Style(28, 24, bold=True, color="on_accent", leading=1.0, after=0),
    "step-title": Style(26, 22, bold=True, leading=1.15, after=0.25),
}

LIGHT = Theme(
    name="light",
    palette=Palette(
        background="FFFFFF",
        ink="1B2230",
        muted="566070",
        accent="1D4E89",
        highlight="B83F12",
        soft="EEF3F9",
        on_accent="FFFFFF",
        on_accent_muted="C9D8EC",
        rule="C7D1DD",
    ),
    styles=STYLES,
)

THEMES = {theme.name: theme for theme in (LIGHT,)}

# Which text sits on which background, for the contrast check.
_PAIRS = [
    ("ink", "background", BODY_CONTRAST),
    ("muted", "background", MIN_CONTRAST),
    ("accent", "background", MIN_CONTRAST),
    ("highlight", "background", MIN_CONTRAST),
    ("ink", "soft", BODY_CONTRAST),
    ("muted", "soft", MIN_CONTRAST),
    ("accent", "soft", MIN_CONTRAST),
    ("on_accent", "accent", BODY_CONTRAST),
    ("on_accent_muted", "accent", MIN_CONTRAST),
]


def luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def contrast_problems(palette: Palette) -> list[str]:
    out = []
    for fg, bg, minimum in _PAIRS:
        ratio = contrast(palette.hex(fg), palette.hex(bg))
        if ratio < minimum:
            out.append(f"{fg} on {bg} has contrast {ratio:.1f}:1, needs at least {minimum}:1")
    return out


def theme_named(name: str, file: str = "outline") -> Theme:
    if name not in THEMES:
        raise DeckError.simple(file, f"unknown theme '{name}'", f"built-in themes: {', '.join(THEMES)}")
    return THEMES[name]
