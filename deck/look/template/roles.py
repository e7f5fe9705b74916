"""A corporate template as plain data, which of its layouts each slide kind uses, and the
theme (canvas, boxes, type, colours) the layout engine takes from it. Pure: reading the file
is deck.look.template.read's job.

Layouts are chosen by what they contain, never by their names (which are localised: "Titeldia",
"Titel en object") or their order:

    cover     a title and a subtitle                 -> title slide, closing (and dividers, failing a section layout)
    section   a title and one text body no taller than the title -> section dividers
    content   a title and one body/content placeholder -> bullets
    two       a title and two content placeholders side by side (or a heading over each) -> compare
    picture   a title and a picture placeholder      -> image, failing a title-only layout
    title     a title and nothing else               -> every other kind (and image)

An outline's `layouts:` mapping (slide kind -> layout name) overrides the choice.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from deck.errors import DeckError, Problem
from deck.outline.model import SLIDE_KINDS
from deck.plan import Box
from deck.look.theme import (
    BODY_CONTRAST, GUTTER, KICKER_H, MIN_CONTRAST, NUMBER_W, STYLES, SLIDE_H, Covers, Geometry, Palette,
    Style, Theme, accent_roles, contrast, luminance, mix, passing_shade,
)

GENERATED_KINDS = ("title", "agenda", "divider", "recap", "closing")
KINDS = GENERATED_KINDS + tuple(SLIDE_KINDS)
FOOTER_TYPES = ("dt", "ftr", "sldNum", "hdr")
TITLE_TYPES = ("title", "ctrTitle")
# Placeholders that hold content (PowerPoint's "obj" is a placeholder without a type).
CONTENT_TYPES = ("body", "obj", "chart", "tbl", "dgm", "media", "clipArt")

# Which layout roles serve a slide kind, best first; any layout with a title is the last resort.
_PREFERENCES = {
    "title": ("cover", "section", "title", "content"),
    "closing": ("cover", "section", "title", "content"),
    "divider": ("section", "cover", "title", "content"),
    "bullets": ("content", "title", "two"),
    "compare": ("two", "comparison", "title", "content"),
    # deck sizes and crops a picture itself, in the body area under the headline: a layout
    # that puts its title beside a picture placeholder would fight that, so it comes second.
    "image": ("title", "picture", "content"),
}
_DEFAULT_PREFERENCE = ("title", "content", "two", "section", "cover")


@dataclass(frozen=True)
class Placeholder:
    type: str  # OOXML ph type: title, ctrTitle, subTitle, body, obj, pic, dt, ftr, sldNum, ...
    idx: int
    name: str
    box: Box | None  # points; None when neither the layout nor its master places it
    size: float | None = None  # first-level font size the template gives it, points
    colour: str | None = None  # its text colour, resolved to RRGGBB
    font: str | None = None  # its typeface, theme fonts resolved
    anchor: str = "t"  # t, ctr, b
    align: str = "l"  # l, ctr, r
    bold: bool = False
    vertical: bool = False
    text: str = ""  # text the layout itself shows (a fixed footer)

    @property
    def is_title(self) -> bool:
        return self.type in TITLE_TYPES

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

    @property
    def title(self) -> Placeholder | None:
        return next((p for p in self.placeholders if p.is_title), None)

    def of_type(self, *types: str) -> list[Placeholder]:
        return [p for p in self.placeholders if p.type in types]

    @property
    def contents(self) -> list[Placeholder]:
        return [p for p in self.placeholders if p.is_content]

    @property
    def role(self) -> str | None:
        """What the layout is for, judged by its placeholders (see the module docstring)."""
        title = self.title
        if title is None:
            return None
        others = [p for p in self.placeholders if not p.is_title and p.type not in FOOTER_TYPES]
        contents = self.contents
        subtitles = self.of_type("subTitle")
        pictures = self.of_type("pic")
        if subtitles and len(others) == len(subtitles) == 1:
            return "cover"
        if pictures and len(pictures) == 1 and len(others) <= 2:
            return "picture"
        if not others:
            return "title"
        if len(others) == 1 and len(contents) == 1:
            body = contents[0]
            # A section header has a text body about as tall as its title; a content layout's
            # body is the big area.
            if body.type == "body" and title.box and body.box and body.box.h <= 1.5 * title.box.h:
                return "section"
            return "content"
        if len(others) == len(contents) == 2 and _side_by_side(contents):
            return "two"
        if len(others) == len(contents) == 4 and len(self.two_columns() or ()) == 2:
            return "comparison"  # a heading and a content placeholder per side
        return None

    def two_columns(self) -> tuple[Placeholder, Placeholder] | None:
        """The two side-by-side content placeholders (the larger of each side), left first."""
        contents = [p for p in self.contents if p.box]
        if len(contents) == 2 and _side_by_side(contents):
            return tuple(sorted(contents, key=lambda p: p.box.x))
        if len(contents) == 4:
            tallest = sorted(contents, key=lambda p: p.box.h, reverse=True)[:2]
            if _side_by_side(tallest):
                return tuple(sorted(tallest, key=lambda p: p.box.x))
        return None


def _side_by_side(pair: list[Placeholder]) -> bool:
    a, b = sorted(pair, key=lambda p: p.box.x if p.box else 0)
    return bool(a.box and b.box and a.box.right <= b.box.x + 1 and abs(a.box.y - b.box.y) < 24)


@dataclass(frozen=True)
class Master:
    name: str
    layouts: tuple[Layout, ...]


@dataclass(frozen=True)
class Template:
    """What deck knows of a template file: read once by deck.look.template.read."""

    file: str  # the resolved path
    shown: str  # the path as the user wrote it
    format: str  # pptx or potx
    width: float
    height: float
    masters: tuple[Master, ...]
    major_font: str | None  # the theme's heading and body typefaces
    minor_font: str | None
    scheme: dict[str, str]  # dk1, lt1, dk2, lt2, accent1..6 -> RRGGBB
    mapping: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (master, index)

    @property
    def layouts(self) -> list[Layout]:
        return [layout for master in self.masters for layout in master.layouts]

    def layout(self, ref: tuple[int, int]) -> Layout:
        return self.masters[ref[0]].layouts[ref[1]]

    def layout_for(self, kind: str) -> Layout:
        return self.layout(self.mapping[kind])


def choose_layouts(template: Template, overrides: dict[str, str] | None = None,
                   problem=None) -> Template:
    """The template with every slide kind mapped to a layout: by role, or by the outline's
    `layouts:` names. `problem(path, message, hint)` makes the Problem for an override."""
    problem = problem or (lambda path, message, hint: Problem(template.shown, None, path, message, hint))
    titled = [layout for layout in template.layouts if layout.title is not None]
    if not titled:
        raise DeckError(Problem(template.shown, None, (), "has no slide layout with a title placeholder",
                                "every slide needs a real title: add a layout with a title in PowerPoint's "
                                "Slide Master view, or use another template"))
    # A template with several masters (LibreOffice saves one per page style) keeps its content
    # slides on the master whose content layout gives the most room; its layouts come first.
    main = _main_master(titled)
    titled.sort(key=lambda layout: (layout.master != main, layout.master, layout.index))
    by_role: dict[str, Layout] = {}
    for layout in titled:
        by_role.setdefault(layout.role, layout)
    mapping = {}
    for kind in KINDS:
        roles = _PREFERENCES.get(kind, _DEFAULT_PREFERENCE)
        chosen = next((by_role[r] for r in roles if r in by_role), titled[0])
        mapping[kind] = (chosen.master, chosen.index)
    problems = []
    for kind, name in (overrides or {}).items():
        path = ("layouts", kind)
        if kind not in KINDS:
            problems.append(problem(path, f"'{kind}' is not a slide kind",
                                    f"use one of: {', '.join(KINDS)}"))
            continue
        named = [layout for layout in template.layouts if layout.name == name]
        if not named:
            names = ", ".join(f"'{n}'" for n in dict.fromkeys(layout.name for layout in template.layouts))
            problems.append(problem(path, f"the template has no layout named '{name}'",
                                    f"its layouts: {names} (`deck template inspect` lists them)"))
            continue
        with_title = [layout for layout in named if layout.title is not None]
        if not with_title:
            problems.append(problem(path, f"layout '{name}' has no title placeholder",
                                    "every slide needs a real title: choose a layout with a title"))
            continue
        mapping[kind] = (with_title[0].master, with_title[0].index)
    if problems:
        raise DeckError(problems)
    return replace(template, mapping=mapping)


def _main_master(titled: list[Layout]) -> int:
    def room(layout: Layout) -> float:
        return max((p.box.w * p.box.h for p in layout.contents if p.box), default=0.0)

    contents = [layout for layout in titled if layout.role == "content"]
    return max(contents, key=room).master if contents else titled[0].master


# --- the theme a template gives ---------------------------------------------------------------

def theme_from(template: Template) -> Theme:
    """Canvas, boxes, type and colours from the template's mapped layouts."""
    content = template.layout_for("bullets")
    geometry = _geometry(template, content)
    s = geometry.scale
    title_ph = content.title
    font = _first(_placeholder_fonts(content, "body", "obj"), template.minor_font, "Calibri")
    heading = _first([title_ph.font] if title_ph else [], template.major_font, font)
    palette = _palette(template, content)
    styles = _styles(template, s)
    return Theme(
        name=f"template {template.shown}",
        palette=palette,
        font=font,
        heading_font=heading,
        styles=styles,
        geometry=geometry,
        paint_covers=False,
        template=template,
        description=f"the corporate template {template.shown}",
    )


def _first(*candidates):
    for candidate in candidates:
        if isinstance(candidate, list):
            candidate = next((c for c in candidate if c), None)
        if candidate:
            return candidate
    return None


def _placeholder_fonts(layout: Layout, *types: str) -> list[str | None]:
    return [p.font for p in layout.of_type(*types)]


def _geometry(template: Template, content: Layout) -> Geometry:
    width, height = template.width, template.height
    s = height / SLIDE_H
    title = content.title
    body = next(iter(sorted((p for p in content.contents if p.box), key=lambda p: -p.box.h)), None)
    footers = {p.type: p for p in content.placeholders if p.type in FOOTER_TYPES and p.box}
    tbox = title.box or Box(48 * s, 36 * s, width - 96 * s, 60 * s)
    area = body.box if body else None
    left = area.x if area else tbox.x
    content_w = area.w if area else tbox.w
    footer_top = min((p.box.y for p in footers.values()), default=height - 36 * s)
    bottom = min(height - 18 * s, footer_top + max((p.box.h for p in footers.values()), default=0))
    body_bottom = min(area.bottom if area else footer_top - 14 * s, footer_top - 6 * s)
    top = min(36 * s, tbox.y)
    kicker_h = KICKER_H * s
    kicker = Box(left, top, content_w, kicker_h) if tbox.y - top >= kicker_h + 6 * s else None
    number_w = NUMBER_W * s
    number = footers["sldNum"].box if "sldNum" in footers else Box(left + content_w - number_w,
                                                                     height - 36 * s - 17 * s, number_w, 17 * s)
    if "ftr" in footers:
        source = footers["ftr"].box
    else:
        source = Box(left, number.y, max(0.0, number.x - GUTTER * s - left), number.h)
    date = footers["dt"].box if "dt" in footers else None
    two = template.layout_for("compare").two_columns()
    return Geometry(
        width=width, height=height, left=left, content_w=content_w, top=top, bottom=bottom,
        gutter=GUTTER * s, title=tbox, title_anchor=_anchor(title.anchor) if title else "t",
        title_align=_align(title.align) if title else "l", title_gap=12 * s, kicker=kicker, body_top=area.y if area else 0.0, body_bottom=body_bottom,
        source=source, source_align=_align(footers["ftr"].align) if "ftr" in footers else "l",
        number=number, number_align=_align(footers["sldNum"].align) if "sldNum" in footers else "r",
        date=date, date_align=_align(footers["dt"].align) if date else "l",
        covers=_covers(template, s), two=tuple(p.box for p in two) if two else None,
    )


def _covers(template: Template, s: float) -> Covers:
    cover = template.layout_for("title")
    divider = template.layout_for("divider")
    fallback = Box(48 * s, 150 * s, template.width - 96 * s, 120 * s)

    def parts(layout: Layout) -> tuple[Box, str, str, Box | None, str, str]:
        title = layout.title
        below = [p for p in layout.placeholders if p.type in ("subTitle",) + CONTENT_TYPES and p.box
                 and not p.is_title]
        second = min(below, key=lambda p: p.box.y) if below else None
        return ((title.box if title and title.box else fallback), _anchor(title.anchor if title else "b"),
                _align(title.align if title else "l"), second.box if second else None,
                _align(second.align if second else "l"), _anchor(second.anchor if second else "t"))

    t_box, t_anchor, t_align, t_sub, t_sub_align, _ = parts(cover)
    d_box, d_anchor, d_align, d_body, d_body_align, d_body_anchor = parts(divider)
    return Covers(title=t_box, title_anchor=t_anchor, subtitle=t_sub, divider_title=d_box,
                  divider_anchor=d_anchor, divider_body=d_body, title_align=t_align, subtitle_align=t_sub_align,
                  divider_align=d_align, divider_body_align=d_body_align, divider_body_anchor=d_body_anchor)


def _anchor(value: str) -> str:
    return {"ctr": "m", "b": "b"}.get(value, "t")


def _align(value: str) -> str:
    return {"ctr": "c", "r": "r"}.get(value, "l")


def _styles(template: Template, s: float) -> dict[str, Style]:
    """deck's type scale on the template's canvas, headlines at the template's own sizes, never
    under deck's floors (scaled with the canvas)."""
    def scaled(style: Style) -> Style:
        return replace(style, size=round(style.size * s, 1), floor=round(style.floor * s, 1))

    styles = {role: scaled(style) for role, style in STYLES.items()}

    def at_template(role: str, placeholder: Placeholder | None, ceiling: float) -> None:
        if placeholder is None:
            return
        base = styles[role]
        size = max(base.floor, min(placeholder.size or base.size, ceiling * s))
        styles[role] = replace(base, size=size, bold=placeholder.bold)

    at_template("title", template.layout_for("bullets").title, 44)
    at_template("deck-title", template.layout_for("title").title, 60)
    at_template("divider-title", template.layout_for("divider").title, 54)
    # Big numbers stand in grid columns: on a narrower canvas (4:3) they shrink with its width.
    narrow = min(1.0, template.width / 960 / s)
    for role in ("big", "hero"):
        styles[role] = replace(styles[role], size=round(styles[role].size * narrow, 1),
                               floor=round(styles[role].floor * narrow, 1))
    footer = next((p.size for p in template.layout_for("bullets").placeholders if p.type == "ftr" and p.size), None)
    if footer:
        styles["footer"] = replace(styles["footer"], size=min(14.0, max(12.0, footer)), floor=12.0)
    # Text in placeholders takes the template's colours: the title's, and the covers' title colour.
    styles["deck-meta"] = replace(styles["deck-meta"], color="cover_muted")
    return styles


def _palette(template: Template, content: Layout) -> Palette:
    """The template's colours, each moved just far enough to pass deck's contrast rules."""
    scheme = template.scheme
    background = content.background
    body = next((p.colour for p in content.placeholders if p.is_content and p.colour), None)
    ink = _readable(body or scheme.get("dk1", "000000"), background, BODY_CONTRAST)
    title = content.title.colour if content.title and content.title.colour else ink
    heading = _readable(title, background, MIN_CONTRAST)
    accent, on_accent, on_accent_muted, soft = _accent_roles(scheme.get("accent1", "1D4E89"), background, ink)
    highlight = _readable(scheme.get("accent2", accent), background, MIN_CONTRAST)
    muted = _readable(mix(ink, background, 0.35), soft, MIN_CONTRAST)
    muted = _readable(muted, background, MIN_CONTRAST)
    cover = template.layout_for("title")
    cover_bg = cover.background
    cover_title = cover.title.colour if cover.title and cover.title.colour else ink
    cover_ink = _readable(cover_title, cover_bg, BODY_CONTRAST)
    cover_muted = _readable(mix(cover_ink, cover_bg, 0.3), cover_bg, MIN_CONTRAST)
    # The footer row keeps the template's own colour: it often sits on a band of its own.
    footer = next((p.colour for p in content.placeholders if p.type == "ftr" and p.colour), muted)
    return Palette(background=background, ink=ink, muted=muted, accent=accent, highlight=highlight, soft=soft,
                   on_accent=on_accent, on_accent_muted=on_accent_muted, rule=mix(ink, background, 0.75),
                   heading=heading, cover_bg=cover_bg, cover_ink=cover_ink, cover_muted=cover_muted,
                   footer=footer)


def _readable(colour: str, background: str, minimum: float) -> str:
    if contrast(colour, background) >= minimum:
        return colour
    return passing_shade(colour, background, minimum) or ("000000" if luminance(background) > 0.18 else "FFFFFF")


def _accent_roles(accent: str, background: str, ink: str) -> tuple[str, str, str, str]:
    """The template's accent, deepened only as far as text on it and it as text need."""
    accent = _readable(accent, background, MIN_CONTRAST)
    if max(contrast("FFFFFF", accent), contrast("000000", accent)) < BODY_CONTRAST:
        # deeper on a light background (white text on it), lighter on a dark one (black text)
        text = "FFFFFF" if luminance(background) > 0.18 else "000000"
        accent = passing_shade(accent, text, BODY_CONTRAST) or accent
    return (accent, *accent_roles(accent, background, ink))


# --- for `deck template inspect` -----------------------------------------------------------

def describe(template: Template) -> list[str]:
    """Masters, layouts and placeholders, and the layout each slide kind gets."""
    out = [f"{template.shown}: {template.format}, {template.width:g} x {template.height:g} pt "
           f"({_ratio(template.width, template.height)}), fonts: headings {template.major_font or '-'}, "
           f"body {template.minor_font or '-'}"]
    for m, master in enumerate(template.masters):
        out.append(f"master {m + 1}: {master.name or '(unnamed)'}")
        for layout in master.layouts:
            role = layout.role or "-"
            out.append(f"  layout '{layout.name}'  [{role}]  background #{layout.background}")
            for p in layout.placeholders:
                box = (f"{p.box.x:g},{p.box.y:g} {p.box.w:g} x {p.box.h:g} pt" if p.box else "inherits no box")
                size = f", {p.size:g} pt" if p.size else ""
                out.append(f"    {p.type:<8} idx {p.idx:<3} {box}{size}")
    if template.mapping:
        out.append("slide kinds -> layouts:")
        for kind in KINDS:
            layout = template.layout_for(kind)
            where = f" (master {layout.master + 1})" if len(template.masters) > 1 else ""
            out.append(f"  {kind:<10} {layout.name}{where}")
    return out


def _ratio(width: float, height: float) -> str:
    for name, value in (("16:9", 16 / 9), ("16:10", 16 / 10), ("4:3", 4 / 3)):
        if abs(width / height - value) < 0.01:
            return name
    return f"{width / height:.2f}:1"
