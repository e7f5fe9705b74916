"""The look of a deck as numbers: canvas, grid, type scale, palette.

Every number here comes from the design rules; units are points (1/72 in).
A theme is pure data: the built-in ones below, or one derived from a corporate template
(deck.look.template.theme), with the outline's brand applied (deck.look.brand).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from deck.look.colour import contrast, mix
from deck.look.spacing import Spacing
from deck.plan import Box

if TYPE_CHECKING:  # a name for the annotation; deck's own themes never load a template's reading
    from deck.look.template.model import Template

# Canvas 16:9, 13.333 x 7.5 in.
SLIDE_W = 960.0
SLIDE_H = 540.0
# Margins and a 12-column grid of 50 pt columns with 24 pt gutters: 12*50 + 11*24 = 864 = 960 - 2*48.
MARGIN_X = 48.0
MARGIN_Y = 36.0
COLUMNS = 12
COLUMN = 50.0
GUTTER = 24.0
CONTENT_W = SLIDE_W - 2 * MARGIN_X
# A content slide: the section kicker on the top margin, the headline under it (the same place on
# every slide), 36 pt of air under the headline, the footer row on the bottom margin.
KICKER_H = 17.0
TITLE_Y = MARGIN_Y + 24
TITLE_GAP = 36.0
FOOTER_H = 17.0
FOOTER_Y = SLIDE_H - MARGIN_Y - FOOTER_H
BODY_BOTTOM = FOOTER_Y - 14
NUMBER_W = 60.0

# Contrast (WCAG 2): all text at least AA, body text aims at AAA.
MIN_CONTRAST = 4.5
BODY_CONTRAST = 7.0


class Style(NamedTuple):
    """One kind of text: its preferred size, the floor it may shrink to, and how it is set."""

    size: float
    floor: float
    bold: bool = False
    color: str = "ink"  # a palette role
    leading: float = 1.2  # line pitch as a multiple of the size
    after: float = 0.5  # space after a paragraph, in lines
    # On a template: the smallest size a room can still read, for text that cannot continue
    # once the floor is reached (deck.look.template.theme); None in deck's own themes.
    minimum: float | None = None

    @property
    def line(self) -> float:
        return self.size * self.leading

    def at(self, size: float) -> Style:
        return self._replace(size=size)


# Roles a palette may leave unset, and the role each then takes.
_FALLBACK = {"heading": "ink", "cover_bg": "accent", "cover_ink": "on_accent", "cover_muted": "on_accent_muted",
             "footer": "muted", "cover_title": "cover_ink", "divider_title": "cover_title",
             "divider_ink": "cover_ink", "divider_muted": "cover_muted"}


class Palette(NamedTuple):
    """A theme's colours (RRGGBB) by role: slides name roles, render resolves them."""

    background: str
    ink: str
    muted: str
    accent: str
    highlight: str
    soft: str  # a tint of the accent for panels behind text
    on_accent: str  # text on the accent colour
    on_accent_muted: str
    rule: str  # hairlines and connectors (not text)
    # Title, divider and closing slides ("covers") are the accent colour with on_accent text
    # unless a theme sets them apart; headlines are ink unless a theme says otherwise.
    heading: str | None = None
    cover_bg: str | None = None
    cover_ink: str | None = None
    cover_muted: str | None = None
    footer: str | None = None  # the source line and slide number (a template's footer colour)
    cover_title: str | None = None  # the title on covers, where it stands apart (a template's title bar)
    # A divider's title and texts, where they stand on other colours than the title slide's.
    divider_title: str | None = None
    divider_ink: str | None = None
    divider_muted: str | None = None

    def hex(self, role: str) -> str:
        """The colour of a role, or a colour given as itself ("#RRGGBB": a chart's series)."""
        if role.startswith("#"):
            return role[1:]
        value = getattr(self, role)
        return value if value is not None else self.hex(_FALLBACK[role])


class Covers(NamedTuple):
    """A template's own places for the title slide and the section dividers (its placeholders)."""

    title: Box
    title_anchor: str
    subtitle: Box | None
    divider_title: Box
    divider_anchor: str
    divider_body: Box | None
    title_align: str = "l"  # l, c, r
    subtitle_align: str = "l"
    divider_align: str = "l"
    divider_body_align: str = "l"
    divider_body_anchor: str = "t"
    # the title layout's further text places (author, organisation, date), in reading order
    meta: tuple[Box, ...] = ()
    meta_align: str = "l"
    bottom: float | None = None  # the title slide's texts end above what its layout draws along its foot


class Geometry(NamedTuple):
    """Where things sit on a slide. The defaults are the built-in 16:9 grid; a template gives
    its own canvas and takes the boxes from its placeholders."""

    width: float = SLIDE_W
    height: float = SLIDE_H
    left: float = MARGIN_X  # the content column
    content_w: float = CONTENT_W
    top: float = MARGIN_Y  # top and bottom margins
    bottom: float = SLIDE_H - MARGIN_Y
    columns: int = COLUMNS
    gutter: float = GUTTER
    title: Box = Box(MARGIN_X, TITLE_Y, CONTENT_W, 0.0)  # h: the least height of the headline box
    title_anchor: str = "t"
    title_align: str = "l"
    title_gap: float = TITLE_GAP
    kicker: Box | None = Box(MARGIN_X, MARGIN_Y, CONTENT_W, KICKER_H)  # None: no room above the title
    body_top: float = 0.0  # the body never starts above this (a template's body placeholder)
    body_bottom: float = BODY_BOTTOM
    source: Box = Box(MARGIN_X, FOOTER_Y, CONTENT_W - NUMBER_W - GUTTER, FOOTER_H)
    source_align: str = "l"
    number: Box = Box(SLIDE_W - MARGIN_X - NUMBER_W, FOOTER_Y, NUMBER_W, FOOTER_H)
    number_align: str = "r"
    date: Box | None = None  # a template's date placeholder, filled with the outline's date
    date_align: str = "l"
    covers: Covers | None = None  # None: deck's own full-bleed covers
    two: tuple[Box, Box] | None = None  # a template's two content placeholders, for compare
    picture: Box | None = None  # a template's picture placeholder (or content placeholder), for image
    space: Spacing = Spacing()  # distances inside slide kinds

    @property
    def column(self) -> float:
        return (self.content_w - (self.columns - 1) * self.gutter) / self.columns

    @property
    def right(self) -> float:
        return self.left + self.content_w

    def grid_x(self, column: int) -> float:
        """Left edge of a grid column (0-based)."""
        return self.left + column * (self.column + self.gutter)

    def grid_w(self, span: int) -> float:
        """Width of `span` columns with the gutters between them."""
        return span * self.column + (span - 1) * self.gutter

    @property
    def scale(self) -> float:
        """How large this canvas shows compared with deck's own: a slide is shown as high as the
        screen, so text sizes that read the same scale with the canvas height."""
        return self.height / SLIDE_H


class Logo(NamedTuple):
    """A brand's logo: its picture file, its pixel size and its alt text."""

    file: str
    width: int  # pixels: only the aspect ratio matters
    height: int
    alt: str


@dataclass(frozen=True)
class Theme:
    """A deck's look: colours, fonts, text styles, geometry, logo, or a corporate template."""

    name: str
    palette: Palette
    font: str = "Calibri"
    styles: dict[str, Style] = field(default_factory=dict)
    heading_font: str | None = None  # headlines and other titles; None: `font`
    geometry: Geometry = Geometry()
    paint_covers: bool = True  # False: title, divider and closing slides keep the layout's background
    logo_on_content: bool = False  # a small logo on content slides too, not only on the covers
    logo: Logo | None = None
    template: Template | None = None  # the corporate template the deck is built on
    description: str = ""

    def style(self, role: str) -> Style:
        return self.styles[role]

    @property
    def title_font(self) -> str:
        return self.heading_font or self.font


def grid_x(column: int) -> float:
    """Left edge of a grid column (0-based) on the built-in canvas."""
    return MARGIN_X + column * (COLUMN + GUTTER)


def grid_w(span: int) -> float:
    """Width of `span` columns with the gutters between them, on the built-in canvas."""
    return span * COLUMN + (span - 1) * GUTTER


STYLES = {
    # Headline: an assertion, 36 pt bold, never under 28, at most two lines, leading 1.1.
    "title": Style(36, 28, bold=True, color="heading", leading=1.1, after=0),
    "body": Style(28, 24, leading=1.2),
    "sub": Style(24, 22, leading=1.2),
    # Secondary text (stat context, step detail, agenda messages) stays readable from the back.
    "secondary": Style(20, 18, color="muted", leading=1.2, after=0.3),
    "kicker": Style(20, 18, bold=True, color="accent", leading=1.2, after=0.3),
    "footer": Style(14, 12, color="muted", leading=1.2, after=0),
    "big": Style(80, 60, bold=True, color="highlight", leading=1.05, after=0),
    "hero": Style(96, 60, bold=True, color="highlight", leading=1.05, after=0),  # a stats slide's only number
    "statement": Style(40, 28, bold=True, leading=1.15),
    "quote": Style(34, 24, leading=1.2),
    "question": Style(36, 28, bold=True, leading=1.15),
    "deck-title": Style(54, 36, bold=True, color="cover_ink", leading=1.05, after=0),
    "deck-subtitle": Style(28, 20, color="cover_ink", leading=1.2),
    "deck-meta": Style(18, 14, color="cover_muted", leading=1.2, after=0.2),
    "divider-number": Style(96, 72, bold=True, color="cover_muted", leading=1.0, after=0),
    "divider-title": Style(48, 32, bold=True, color="cover_ink", leading=1.05, after=0),
    "divider-message": Style(28, 24, color="cover_ink", leading=1.2),
    "entry-title": Style(26, 22, bold=True, leading=1.15, after=0.15),
    "step-number": Style(28, 24, bold=True, color="on_accent", leading=1.0, after=0),
    "step-title": Style(26, 22, bold=True, leading=1.15, after=0.25),
    # Tables and charts are evidence read at a glance, not prose: 20 pt, never under 18.
    "table": Style(20, 18, leading=1.15, after=0),
    "table-head": Style(20, 18, bold=True, color="on_accent", leading=1.15, after=0),
    "chart": Style(18, 18, color="ink", leading=1.2, after=0),
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
    description="white, ink and a deep blue; the default",
)

# For dark rooms and screens: near-white text on slate, a sky-blue accent that carries dark
# text, amber numbers; covers in a deep blue so they stand apart from the content slides.
DARK = Theme(
    name="dark",
    palette=Palette(
        background="0F172A",
        ink="F1F5F9",
        muted="A3AEC0",
        accent="60A5FA",
        highlight="FBBF24",
        soft="1C2740",
        on_accent="0B1220",
        on_accent_muted="1E3A5F",
        rule="334155",
        cover_bg="1E3A8A",
        cover_ink="FFFFFF",
        cover_muted="B4C6F0",
    ),
    styles=STYLES,
    description="light text on slate, a sky-blue accent, deep-blue covers",
)

# Editorial and warm: deep brown on cream, a terracotta accent, deep teal numbers, covers in
# the ink colour; Arial for a plainer, more typographic voice; the logo on every slide.
WARM = Theme(
    name="warm",
    palette=Palette(
        background="FBF7F0",
        ink="2A1E17",
        muted="6B584A",
        accent="8F3A1B",
        highlight="1F5E5A",
        soft="F3E7D7",
        on_accent="FFFFFF",
        on_accent_muted="F4DCCB",
        rule="D9C7B3",
        cover_bg="2A1E17",
        cover_ink="FBF7F0",
        cover_muted="D6C2AE",
    ),
    font="Arial",
    styles=STYLES,
    logo_on_content=True,
    description="deep brown on cream, a terracotta accent, Arial; the logo on every slide",
)

THEMES = {theme.name: theme for theme in (LIGHT, DARK, WARM)}

# Which text sits on which background, for the contrast check.
PAIRS = [
    ("ink", "background", BODY_CONTRAST),
    ("heading", "background", MIN_CONTRAST),
    ("muted", "background", MIN_CONTRAST),
    ("accent", "background", MIN_CONTRAST),
    ("highlight", "background", MIN_CONTRAST),
    ("ink", "soft", BODY_CONTRAST),
    ("muted", "soft", MIN_CONTRAST),
    ("accent", "soft", MIN_CONTRAST),
    ("on_accent", "accent", BODY_CONTRAST),
    ("on_accent_muted", "accent", MIN_CONTRAST),
    ("cover_ink", "cover_bg", BODY_CONTRAST),
    ("cover_muted", "cover_bg", MIN_CONTRAST),
]


def contrast_table(palette: Palette) -> list[tuple[str, str, float, float]]:
    """(text role, background role, ratio, minimum) for every pair the theme sets text on."""
    return [(fg, bg, contrast(palette.hex(fg), palette.hex(bg)), minimum) for fg, bg, minimum in PAIRS]


def contrast_problems(palette: Palette, skip: frozenset[str] = frozenset()) -> list[str]:
    """The pairs below their minimum, but those with a role in `skip` (judged elsewhere)."""
    return [f"{fg} on {bg} has contrast {ratio:.1f}:1, needs at least {minimum}:1"
            for fg, bg, ratio, minimum in contrast_table(palette) if ratio < minimum and not {fg, bg} & skip]


def accent_roles(accent: str, background: str, ink: str) -> tuple[str, str, str]:
    """(on_accent, on_accent_muted, soft) for an accent colour: black or white text on it,
    whichever reads better; a muted tint of that text that still reads; the faintest tint of
    the accent for panels that keeps ink and the accent readable on it."""
    on_accent = "FFFFFF" if contrast("FFFFFF", accent) >= contrast("000000", accent) else "000000"
    on_accent_muted = next((mix(on_accent, accent, t / 100) for t in range(30, -1, -2)
                            if contrast(mix(on_accent, accent, t / 100), accent) >= MIN_CONTRAST), on_accent)
    soft = next((mix(accent, background, t / 100) for t in range(92, 101, 2)
                 if contrast(ink, mix(accent, background, t / 100)) >= BODY_CONTRAST
                 and contrast(accent, mix(accent, background, t / 100)) >= MIN_CONTRAST), background)
    return on_accent, on_accent_muted, soft


def is_template(value: str) -> bool:
    """Whether an outline's `theme:` names a file (a corporate template) rather than a built-in theme."""
    lowered = value.lower()
    return "/" in value or "\\" in value or lowered.endswith((".pptx", ".potx", ".ppt", ".pot", ".pptm", ".potm"))


_ROLES = ("background", "ink", "muted", "accent", "highlight", "soft", "on_accent", "on_accent_muted", "rule",
          "heading", "cover_bg", "cover_ink", "cover_muted", "footer", "cover_title", "divider_title",
          "divider_ink", "divider_muted")


def describe_theme(theme: Theme) -> list[str]:
    """A theme for people: fonts, every colour role, every text/background pair with its ratio."""
    palette = theme.palette
    fonts = theme.font if theme.title_font == theme.font else f"{theme.font}, headings {theme.title_font}"
    out = [f"{theme.name}: {theme.description}" if theme.description else theme.name, f"  font      {fonts}"]
    colours = [f"{role} #{palette.hex(role)}" for role in _ROLES if role in _FALLBACK and getattr(palette, role)
               or role not in _FALLBACK]
    for start in range(0, len(colours), 4):
        out.append(("  colours   " if start == 0 else "            ") + "   ".join(colours[start:start + 4]))
    pairs = [f"{fg} on {bg} {ratio:.1f}:1{'' if ratio >= minimum else f' (needs {minimum:g}:1)'}"
             for fg, bg, ratio, minimum in contrast_table(palette)]
    for start in range(0, len(pairs), 3):
        out.append(("  contrast  " if start == 0 else "            ") + "   ".join(pairs[start:start + 3]))
    return out
