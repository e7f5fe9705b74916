"""What a slide will be, positioned and measured, before anything touches pptx.

Layout produces these; render draws them without making a single decision about size or place.
All lengths are points; colours are palette roles, resolved by render.

The records are named tuples (changed with `_replace`), as are the theme's: a frozen dataclass
has its methods compiled from source at every start (0.7 ms a class on Python 3.11, some 20 ms
for all of deck's) and is five times slower to make, and layout makes tens of
thousands of them for a long deck.
"""
from __future__ import annotations

from typing import NamedTuple

# Room for a bullet mark, the same at every size so lists align; render gives slides added by hand
# in PowerPoint the same hang.
BULLET_HANG = 26.0


class Box(NamedTuple):
    """A frame on the slide, in points from the top left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def overlap(self, other: Box) -> tuple[float, float]:
        """How far this frame and `other` reach into each other, across and down (zero or less:
        apart, or only touching)."""
        return (min(self.right, other.right) - max(self.x, other.x),
                min(self.bottom, other.bottom) - max(self.y, other.y))


class Para(NamedTuple):
    """One paragraph in one style; `line` is the exact line pitch it is set with."""

    text: str
    size: float
    line: float
    color: str = "ink"
    bold: bool = False
    align: str = "l"  # l, c, r
    after: float = 0.0  # space after, points
    bullet: str | None = None
    bullet_color: str | None = None
    indent: float = 0.0  # left margin of the text, points
    hang: float = 0.0  # the bullet hangs this far left of the text
    lines: int = 1  # how many lines the measurement found
    field: str | None = None  # "slidenum": the text is PowerPoint's slide-number field


class TextBox(NamedTuple):
    """Paragraphs in a frame, measured to fit it; `name` is the shape's name on the slide."""

    box: Box
    paras: tuple[Para, ...]
    anchor: str = "t"  # t, m, b
    name: str = "Text"

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paras)


class Shape(NamedTuple):
    """A filled or outlined geometric shape, with text inside it or none."""

    box: Box
    geometry: str  # rect, oval, line
    fill: str | None = None
    line: str | None = None
    line_width: float = 0.0
    text: TextBox | None = None  # text set inside the shape (e.g. a step's number)
    name: str = "Shape"


class SlidePlan(NamedTuple):
    """One slide as render draws it: its layout, title, items, background and notes."""

    kind: str  # title, agenda, divider, content kinds, recap, closing
    layout: str  # "title" (title slide layout) or "content" (title-only layout)
    title: TextBox  # goes into the real title placeholder
    subtitle: TextBox | None = None  # the title slide's subtitle placeholder
    items: tuple[Item, ...] = ()
    background: str | None = None  # palette role; None keeps the master's
    notes: str = ""
    footer: bool = True  # source line and slide number
    path: tuple = ()  # where in the outline the slide comes from


class Picture(NamedTuple):
    """A picture in its frame, cropped to it when it covers the frame."""

    box: Box  # the visible frame; a cover-fitted picture is cropped to it
    file: str
    alt: str
    decorative: bool = False
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom
    name: str = "Picture"


class Chart(NamedTuple):
    """A native chart: its type, data, colours, text size and which values carry labels."""

    box: Box
    type: str  # bar, column, line, pie, doughnut
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]  # None: no value (a gap)
    colours: tuple[str, ...]  # "#RRGGBB": per series, or per point for one series
    number_format: str  # the value axis's
    size: float  # the chart's text size
    legend: bool  # the chart's own legend (a doughnut's); other charts' legends are text boxes
    name: str = "Chart"
    formats: tuple[str, ...] = ()  # each series' number format for its labels; () the axis's
    # Which points carry their value, per series: the labels that can be read without colliding
    labelled: tuple[tuple[bool, ...], ...] = ()  # () every point
    axis: bool = False  # a value axis to read the numbers off where labels are left out
    ends: bool = False  # a line's label stands to the right of its last point, not above it


class Table(NamedTuple):
    """A table: its column widths, row heights and every cell's paragraph."""

    box: Box
    widths: tuple[float, ...]
    heights: tuple[float, ...]
    cells: tuple[tuple[Para, ...], ...]  # row by row, the first row is the header
    inset: float  # cell margin on every side, points
    name: str = "Table"


# Anything a slide carries besides its title: what layout places and render draws.
Item = TextBox | Shape | Picture | Chart | Table
