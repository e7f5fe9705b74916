"""A corporate template as plain data: its masters, their layouts and the placeholders on them,
each with what PowerPoint would show (boxes, type, colours). Reading the file is
deck.look.template.read's job; which layout serves what, deck.look.template.roles'.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from deck.look.template.backdrop import Region, behind
from deck.ooxml import TITLE_TYPES
from deck.plan import Box

FOOTER_TYPES = ("dt", "ftr", "sldNum", "hdr")
# Placeholders that hold content (PowerPoint's "obj" is a placeholder without a type).
CONTENT_TYPES = ("body", "obj", "chart", "tbl", "dgm", "media", "clipArt")


@dataclass(frozen=True)
class Placeholder:
    type: str  # OOXML ph type: title, ctrTitle, subTitle, body, obj, pic, dt, ftr, sldNum, ...
    idx: int
    name: str
    box: Box | None  # where its text stands (its frame less its insets), points; None when unplaced
    size: float | None = None  # first-level font size the template gives it, points
    colour: str | None = None  # its text colour, resolved to RRGGBB
    font: str | None = None  # its typeface, theme fonts resolved
    anchor: str = "t"  # t, ctr, b
    align: str = "l"  # l, ctr, r
    bold: bool = False
    vertical: bool = False
    text: str = ""  # text the layout itself shows (a fixed footer)
    fill: tuple[str, ...] = ()  # the colours it fills its own frame with (a title bar), if any
    caps: bool = False  # it sets its text in capitals (cap="all")
    insets: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom, points

    @property
    def is_title(self) -> bool:
        return self.type in TITLE_TYPES

    @property
    def frame(self) -> Box | None:
        """Its whole frame, insets included: where a picture in it stands."""
        if self.box is None:
            return None
        left, top, right, bottom = self.insets
        return Box(self.box.x - left, self.box.y - top, self.box.w + left + right, self.box.h + top + bottom)

    @property
    def is_content(self) -> bool:
        return self.type in CONTENT_TYPES and not self.vertical


@dataclass(frozen=True)
class Layout:
    master: int
    index: int  # position within its master
    name: str
    placeholders: tuple[Placeholder, ...]
    background: str  # the colour it shows behind text (estimated for pictures and gradients)
    regions: tuple[Region, ...] = ()  # the shapes and pictures drawn on its slides, bottom first
    draws: frozenset[str] = frozenset()  # "sldNum", "dt": what its own shapes (or its master's) show
    texts: tuple[Box, ...] = ()  # the frames of the texts its own shapes (or its master's) show
    declared: str = ""  # the type its author gave it (title, secHead, obj, twoObj, titleOnly, ...), if any

    def behind(self, box: Box | None, placeholder: Placeholder | None = None) -> list[str]:
        """The colours text in `box` stands on (in `placeholder`, whose own fill comes first)."""
        return behind(self.regions, self.background, box, placeholder.fill if placeholder else ())

    @property
    def title(self) -> Placeholder | None:
        return next((p for p in self.placeholders if p.is_title), None)

    def of_type(self, *types: str) -> list[Placeholder]:
        return [p for p in self.placeholders if p.type in types]

    @property
    def contents(self) -> list[Placeholder]:
        return [p for p in self.placeholders if p.is_content]


@dataclass(frozen=True)
class Master:
    name: str
    layouts: tuple[Layout, ...]


@dataclass(frozen=True)
class Template:
    """What deck knows of a template file: read once by deck.look.template.read, which keeps its
    bytes (`data`) for render to build on without reading the file again."""

    file: str  # the resolved path
    shown: str  # the path as the user wrote it
    format: str  # pptx or potx
    width: float
    height: float
    masters: tuple[Master, ...]
    major_font: str | None  # the theme's heading and body typefaces
    minor_font: str | None
    scheme: dict[str, str]  # dk1, lt1, dk2, lt2, accent1..6 -> RRGGBB
    data: bytes = field(repr=False, compare=False)  # the package as python-pptx opens it
    mapping: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (master, index)
    colour_notes: tuple[str, ...] = ()  # the template's colours deck had to change, and why
    notes: tuple[str, ...] = ()  # what deck had to add to the template's layouts, and why

    @property
    def layouts(self) -> list[Layout]:
        return [layout for master in self.masters for layout in master.layouts]

    def layout(self, ref: tuple[int, int]) -> Layout:
        return self.masters[ref[0]].layouts[ref[1]]

    def layout_for(self, kind: str) -> Layout:
        return self.layout(self.mapping[kind])
