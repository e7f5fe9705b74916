"""The theme a corporate template gives: canvas, boxes, type and colours, taken from the layouts
its slide kinds use (deck.look.template.roles); its colours judged against what stands behind
the text (deck.look.template.palette)."""
from __future__ import annotations

from dataclasses import replace

from deck.look.colour import contrast
from deck.look.spacing import Spacing
from deck.look.template.capability import columns, main_area, picture_place, text_slots
from deck.look.template.model import FOOTER_TYPES, Layout, Placeholder, Template
from deck.look.template.palette import palette_from
from deck.look.theme import (
    FOOTER_H,
    GUTTER,
    KICKER_H,
    NUMBER_W,
    SLIDE_H,
    STYLES,
    Covers,
    Geometry,
    Style,
    Theme,
)
from deck.plan import Box


def theme_from(template: Template) -> Theme:
    """Canvas, boxes, type and colours from the template's mapped layouts."""
    content = template.layout_for("bullets")
    geometry = _geometry(template, content)
    s = geometry.scale
    title_ph = content.title
    font = _first(_placeholder_fonts(content, "body", "obj"), template.minor_font, "Calibri")
    heading = _first([title_ph.font] if title_ph else [], template.major_font, font)
    styles = _styles(template, s)
    palette, notes = palette_from(template, geometry, styles)
    return Theme(
        name=f"template {template.shown}",
        palette=palette,
        font=font,
        heading_font=heading,
        styles=styles,
        geometry=geometry,
        paint_covers=False,
        template=replace(template, colour_notes=notes),
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
    main = main_area(content, width, height)
    area = main.box if main else next(iter(sorted((p.box for p in content.contents if p.box),
                                                  key=lambda box: -box.h)), None)
    footers = {p.type: p for p in content.placeholders if p.type in FOOTER_TYPES and p.box}
    footer_boxes = {kind: p.box for kind, p in footers.items() if p.box}
    tbox = title.box if title and title.box else Box(48 * s, 36 * s, width - 96 * s, 60 * s)
    left = area.x if area else tbox.x
    content_w = area.w if area else tbox.w
    # the footer row is what stands in the lower half: a slide number placed beside the title
    # does not cut the body area short
    low = [box for box in footer_boxes.values() if box.y >= height / 2]
    # without footer placeholders deck draws its own footer row, as on its own themes
    footer_top = min((box.y for box in low), default=height - (36 + FOOTER_H) * s)
    bottom = min(height - 18 * s, footer_top + max((box.h for box in low), default=FOOTER_H * s),
                 _band_top(template, height, left, left + content_w) - 6 * s)
    body_bottom = min(area.bottom if area else footer_top - 14 * s, footer_top - 6 * s)
    top = min(36 * s, tbox.y)
    kicker_h = KICKER_H * s
    kicker = Box(left, top, content_w, kicker_h) if tbox.y - top >= kicker_h + 6 * s else None
    number_w = NUMBER_W * s
    number = footer_boxes["sldNum"] if "sldNum" in footer_boxes else Box(left + content_w - number_w,
                                                                          footer_top, number_w, FOOTER_H * s)
    if "ftr" in footer_boxes:
        source = footer_boxes["ftr"]
    elif number.x + number.w / 2 < left + content_w / 2:
        # a number at the left (Google Slides exports put it in the margin): the source follows it
        start = max(left, number.right + GUTTER * s)
        source = Box(start, number.y, max(0.0, left + content_w - start), number.h)
    else:
        # deck's own source line runs up to the number, or to the date placeholder in between
        date_box = footer_boxes.get("dt")
        stops = [box.x for box in (number, date_box) if box is not None and box.x > left]
        source = Box(left, number.y, max(0.0, min(stops, default=number.x) - GUTTER * s - left), number.h)
    date = footer_boxes.get("dt")
    pair = columns(template.layout_for("compare"), width, height)
    two = (pair[0].box, pair[1].box) if pair and pair[0].box and pair[1].box else None
    picture = picture_place(template.layout_for("image"), width, height)
    return Geometry(
        width=width, height=height, left=left, content_w=content_w, top=top, bottom=bottom,
        gutter=GUTTER * s, title=tbox, title_anchor=_anchor(title.anchor) if title else "t",
        title_align=_align(title.align) if title else "l", title_gap=12 * s, kicker=kicker,
        body_top=area.y if area else 0.0, body_bottom=body_bottom,
        source=source, source_align=_align(footers["ftr"].align) if "ftr" in footers else "l",
        number=number, number_align=_align(footers["sldNum"].align) if "sldNum" in footers else "r",
        date=date, date_align=_align(footers["dt"].align) if date else "l",
        covers=_covers(template, s), two=two, space=Spacing().scaled(s),
        picture=picture.frame if picture else None,
    )


def _band_top(template: Template, height: float, left: float, right: float, kind: str = "divider") -> float:
    """The top of what the template draws along the foot of its dividers (or another kind's
    layout) under the content column (a coloured band, a logo, a picture): deck's own texts there
    (the progress row, a closing text too long for its place) stay above it rather than on it."""
    layout = template.layout_for(kind)
    bands = [r.box.y for r in layout.regions if r.box.y >= 0.75 * height and r.box.x < right and r.box.right > left
             and (not r.colours or any(contrast(c, layout.background) >= 1.5 for c in r.colours))]
    return min(bands, default=height)


def _covers(template: Template, s: float) -> Covers:
    cover = template.layout_for("title")
    divider = template.layout_for("divider")
    fallback = Box(48 * s, 150 * s, template.width - 96 * s, 120 * s)

    def parts(layout: Layout) -> tuple[Box, str, str, Box | None, str, str]:
        title = layout.title
        below = [(p, p.box) for p in text_slots(layout, template.width, template.height) if p.box]
        second, second_box = min(below, key=lambda pb: pb[1].y) if below else (None, None)
        return ((title.box if title and title.box else fallback), _anchor(title.anchor if title else "b"),
                _align(title.align if title else "l"), second_box,
                _align(second.align if second else "l"), _anchor(second.anchor if second else "t"))

    t_box, t_anchor, t_align, t_sub, t_sub_align, _ = parts(cover)
    d_box, d_anchor, d_align, d_body, d_body_align, d_body_anchor = parts(divider)
    meta = [p for p in text_slots(cover, template.width, template.height) if p.box and p.box != t_sub]
    return Covers(title=t_box, title_anchor=t_anchor, subtitle=t_sub, divider_title=d_box,
                  divider_anchor=d_anchor, divider_body=d_body, title_align=t_align, subtitle_align=t_sub_align,
                  divider_align=d_align, divider_body_align=d_body_align, divider_body_anchor=d_body_anchor,
                  meta=tuple(p.box for p in meta if p.box), meta_align=_align(meta[0].align) if meta else "l",
                  bottom=_band_top(template, template.height, t_box.x, t_box.right, "title") - 6 * s)


def _anchor(value: str) -> str:
    return {"ctr": "m", "b": "b"}.get(value, "t")


def _align(value: str) -> str:
    return {"ctr": "c", "r": "r"}.get(value, "l")


# Text a room can still read, on a slide 960 pt wide (scaled with the slide's width): the least a
# template's text is set at, whatever its own sizes.
MIN_BODY = 14.0
MIN_HEADLINE = 18.0
# Roles set as headlines or display numbers; every other role but the footer is body text.
HEADLINE_ROLES = frozenset(("title", "deck-title", "divider-title", "divider-number", "question", "statement",
                            "big", "hero"))


def _styles(template: Template, s: float) -> dict[str, Style]:
    """deck's type scale on the template's canvas, set to the template's own scale: where its body
    or title text is smaller than deck's, every size and floor shrinks with it, down to the
    readable minimum (MIN_BODY, MIN_HEADLINE on a 960 pt slide), which a text that cannot continue
    may still reach. Headlines stand at the template's own sizes."""
    content = template.layout_for("bullets")
    body_ph = next((p for p in content.contents if p.size), None)
    body_scale = min(1.0, body_ph.size / (STYLES["body"].size * s)) if body_ph and body_ph.size else 1.0
    title_ph = content.title
    title_scale = min(1.0, title_ph.size / (STYLES["title"].size * s)) if title_ph and title_ph.size else 1.0
    width = template.width / 960

    def scaled(role: str, style: Style) -> Style:
        if role == "footer":
            floor = max(round(MIN_BODY * width, 1), round(style.floor * s, 1))
            return style._replace(size=max(floor, round(style.size * s, 1)), floor=floor, minimum=floor)
        headline = role in HEADLINE_ROLES
        k = title_scale if headline else body_scale
        minimum = round((MIN_HEADLINE if headline else MIN_BODY) * width, 1)
        floor = max(minimum, round(style.floor * s * k, 1))
        return style._replace(size=max(floor, round(style.size * s * k, 1)), floor=floor, minimum=min(minimum, floor))

    styles = {role: scaled(role, style) for role, style in STYLES.items()}

    def at_template(role: str, placeholder: Placeholder | None, ceiling: float) -> None:
        if placeholder is None:
            return
        base = styles[role]
        size = max(base.floor, min(placeholder.size or base.size, ceiling * s))
        styles[role] = base._replace(size=size, bold=placeholder.bold)

    at_template("title", template.layout_for("bullets").title, 44)
    at_template("deck-title", template.layout_for("title").title, 60)
    at_template("divider-title", template.layout_for("divider").title, 54)
    # Big numbers stand in grid columns: on a narrower canvas (4:3) they shrink with its width.
    narrow = min(1.0, template.width / 960 / s)
    for role in ("big", "hero"):
        style = styles[role]
        floor = max(style.minimum or 0.0, round(style.floor * narrow, 1))
        styles[role] = style._replace(size=max(floor, round(style.size * narrow, 1)), floor=floor)
    footer = next((p.size for p in template.layout_for("bullets").placeholders if p.type == "ftr" and p.size), None)
    if footer:
        # the template's footer size, but a source line is read too: not under the readable minimum
        least = round(MIN_BODY * width, 1)
        styles["footer"] = styles["footer"]._replace(size=max(least, min(14.0 * s, footer)),
                                                     floor=max(least, min(12.0 * s, footer)), minimum=least)
    # Text in placeholders takes the template's colours: the title's, and the covers' title colour.
    styles["deck-meta"] = styles["deck-meta"]._replace(color="cover_muted")
    # Cover titles (and a divider's number over its title) stand in the template's title
    # placeholders, perhaps on a bar of their own; a divider may stand on other colours than
    # the title slide.
    for role, colour in (("deck-title", "cover_title"), ("divider-title", "divider_title"),
                         ("divider-number", "divider_title"), ("divider-message", "divider_ink")):
        styles[role] = styles[role]._replace(color=colour)
    return styles
