"""Corporate templates on disk, read into a deck.look.template.model.Template.

Reading resolves what PowerPoint would show: every layout's placeholders with the boxes, sizes,
colours and fonts they inherit from their master, and the colour behind them (a solid fill, the
mean of a gradient, or the mean colour of a background picture). The Template keeps the package's
bytes, so a build opens the template from them (deck.render.template) without reading the file
again.
"""
from __future__ import annotations

import io
from pathlib import Path

from lxml import etree

from deck.errors import DeckError
from deck.look.colour import mean
from deck.look.template.backdrop import Region, fill_colours, furniture, picture_grid, regions
from deck.look.template.colours import Colours, picture_colour, theme_of
from deck.look.template.load import SAVE_AGAIN, Fail, failing, load_bytes
from deck.look.template.model import FOOTER_TYPES, Layout, Master, Placeholder, Template
from deck.look.template.roles import choose_layouts, describe
from deck.look.template.theme import theme_from
from deck.look.template.untitled import NOTE, add_titles
from deck.look.theme import describe_theme
from deck.measure import fonts
from deck.ooxml import NS
from deck.plan import Box
from deck.units import points


def read(file: Path, shown: str, fail: Fail) -> Template:
    """The template at `file` as data; `shown` is its path as the user wrote it."""
    data, fmt = load_bytes(file, fail)
    prs = open_presentation(data, fail)
    titled = add_titles(prs)
    try:
        masters = tuple(_master(prs, m, master) for m, master in enumerate(prs.slide_masters))
    except DeckError:
        raise
    except Exception as err:
        raise fail(f"is damaged: {type(err).__name__}: {str(err)[:120]}", SAVE_AGAIN) from None
    scheme, major, minor = theme_of(prs.slide_masters[0])
    return Template(file=str(file), shown=shown, format=fmt, width=points(prs.slide_width),
                    height=points(prs.slide_height), masters=masters, major_font=major, minor_font=minor,
                    scheme=scheme, data=data, notes=(NOTE,) if titled else ())


def open_presentation(data: bytes, fail: Fail):
    """A template's package (as load_bytes gives it) as a python-pptx Presentation."""
    from pptx import Presentation

    try:
        prs = Presentation(io.BytesIO(data))
        masters = list(prs.slide_masters)
    except Exception as err:  # python-pptx and lxml raise many kinds on a damaged package
        raise fail(f"is damaged: {type(err).__name__}: {str(err)[:120]}", SAVE_AGAIN) from None
    if not masters:
        raise fail("has no slide master", SAVE_AGAIN)
    return prs


def inspect(file: Path) -> tuple[list[str], DeckError | None]:
    """`deck template inspect`: the listing, and the problem that would stop a build, if any."""
    shown = str(file)
    template = read(file, shown, failing(shown))
    try:
        template = choose_layouts(template)
    except DeckError as err:
        return describe(template), err
    theme = theme_from(template)
    lines = describe_theme(theme)[1:]
    # A template's colours are judged against what stands behind each text, not one background.
    colours = lines[:next((i for i, line in enumerate(lines) if line.startswith("  contrast")), len(lines))]
    notes = theme.template.colour_notes if theme.template else ()
    judged = ["  contrast  every text colour reads on what stands behind it"
              + (": deck changed" if notes else " (WCAG AA): the template's own colours kept")]
    judged += [f"            {note}" for note in notes]
    measured = [f"  {where} font '{family}': {fonts.measure(family).how}"
                for where, family in (("body", theme.font), ("headline", theme.title_font))]
    measured += [f"  {role} {style.size:g} pt, smaller down to {style.floor:g} pt, and down to {style.minimum:g} pt "
                 "only for text that cannot continue on another slide" for role, style in
                 (("body text", theme.style("body")), ("headlines", theme.style("title"))) if style.minimum]
    added = [f"  note      {note}" for note in template.notes]
    return describe(template) + ["what deck takes from it:"] + colours + judged + measured + added, None


# --- masters and layouts ---------------------------------------------------------------------------

def _master(prs, m: int, master) -> Master:
    colours = Colours(master)
    area = prs.slide_width * prs.slide_height
    beneath = _fill_colour(master, colours) or colours.scheme_colour("bg1") or "FFFFFF"
    behind = _covering_colour(master, colours, area, beneath) or beneath
    slide = Box(0.0, 0.0, points(prs.slide_width), points(prs.slide_height))
    drawn = (slide, _background_region(master, colours, slide), regions(master, colours, beneath=beneath),
             furniture(master))
    layouts = tuple(_layout(m, i, layout, master, colours, area, behind, drawn)
                    for i, layout in enumerate(master.slide_layouts))
    name = master._element.find("p:cSld", NS).get("name", "")
    return Master(name=name, layouts=layouts)


def _layout(m: int, index: int, layout, master, colours: Colours, area: int, master_behind: str,
            master_drawn: tuple[Box, Region | None, list[Region], tuple[set[str], list[Box]]]) -> Layout:
    shows_master = layout._element.get("showMasterSp", "1") not in ("0", "false")
    own = _fill_colour(layout, colours)
    beneath = own or master_behind
    background = _covering_colour(layout, colours, area, beneath)
    if background is None:
        master_shapes = _covering_colour(master, colours, area, beneath) if shows_master else None
        background = master_shapes or beneath
    # What is drawn behind text, bottom first: the background picture or gradient, the master's
    # shapes (unless the layout hides them), the layout's own.
    slide, master_bg, master_shapes_drawn, master_furniture = master_drawn
    has_own_bg = layout._element.find("p:cSld/p:bg", NS) is not None
    bottom = _background_region(layout, colours, slide) if has_own_bg else master_bg
    drawn = ([bottom] if bottom else []) + (master_shapes_drawn if shows_master else []) \
        + regions(layout, colours, beneath=beneath)
    placeholders = tuple(_placeholder(shape, master, colours) for shape in layout.placeholders)
    draws, texts = furniture(layout)
    if shows_master:
        draws, texts = draws | master_furniture[0], master_furniture[1] + texts
    return Layout(master=m, index=index, name=layout.name, declared=layout._element.get("type", ""),
                  placeholders=placeholders, background=background,
                  regions=tuple(drawn), draws=frozenset(draws), texts=tuple(texts))


def _background_region(owner, colours: Colours, slide: Box) -> Region | None:
    """A background of many colours (a gradient, a picture) as a region over the whole slide, so
    what lies behind a box is read where the box is, not as the mean of the whole."""
    ref = owner._element.find("p:cSld/p:bg/p:bgRef", NS)
    if ref is not None:
        styled = colours.background(ref)
        return Region(slide, styled) if len(styled) > 1 else None
    props = owner._element.find("p:cSld/p:bg/p:bgPr", NS)
    if props is None:
        return None
    stops = [c for c in (colours.resolve(gs) for gs in props.iterfind("a:gradFill/a:gsLst/a:gs", NS)) if c]
    if stops:
        return Region(slide, tuple(stops))
    grid = picture_grid(owner.part, props.find("a:blipFill/a:blip", NS))
    return Region(slide, grid=grid) if grid else None


def _covering_colour(owner, colours: Colours, area: int, beneath: str) -> str | None:
    """The colour of a picture or rectangle that covers (nearly) the whole slide of a master or
    layout: it is drawn over the background, so text stands on it."""
    for el in owner._element.find("p:cSld/p:spTree", NS):
        tag = etree.QName(el).localname
        if tag not in ("pic", "sp") or el.find(".//p:nvPr/p:ph", NS) is not None:
            continue
        ext = el.find("p:spPr/a:xfrm/a:ext", NS)
        if ext is None or int(ext.get("cx", 0)) * int(ext.get("cy", 0)) < 0.9 * area:
            continue
        if tag == "pic":
            colour = picture_colour(owner.part, el.find("p:blipFill/a:blip", NS), beneath)
        else:
            colour = colours.resolve(el.find("p:spPr/a:solidFill", NS))
        if colour:
            return colour
    return None


def _fill_colour(owner, colours: Colours) -> str | None:
    """The background fill of a master or layout: a solid colour, the mean of a gradient, the mean
    colour of a picture."""
    bg = owner._element.find("p:cSld/p:bg", NS)
    if bg is None:
        return None
    ref = bg.find("p:bgRef", NS)
    if ref is not None:
        styled = colours.background(ref)
        return mean(list(styled)) if styled else None
    props = bg.find("p:bgPr", NS)
    if props is None:
        return None
    solid = props.find("a:solidFill", NS)
    if solid is not None:
        return colours.resolve(solid)
    resolved = [colours.resolve(gs) for gs in props.iterfind("a:gradFill/a:gsLst/a:gs", NS)]
    stops = [s for s in resolved if s]
    if stops:
        return mean(stops)
    blip = props.find("a:blipFill/a:blip", NS)
    if blip is not None:
        return picture_colour(owner.part, blip)
    return None


# --- placeholders ----------------------------------------------------------------------------------

def ph_type_of(element) -> tuple[str, int]:
    """A shape's placeholder type ("obj" when it names none) and index; ("", 0) for a shape of its own."""
    ph = element.find(".//p:nvPr/p:ph", NS)
    if ph is None:
        return "", 0
    return ph.get("type", "obj"), int(ph.get("idx", "0"))


def _placeholder(shape, master, colours: Colours) -> Placeholder:
    """A layout's placeholder with what it shows: what it sets itself, else what its master's
    placeholder of the same type sets, else the master's text style."""
    element = shape._element
    ph_type, idx = ph_type_of(element)
    shapes = [el for el in (element, _master_counterpart(master, ph_type)) if el is not None]
    fill = _own_fill(shapes, colours)
    style = _text_style(master, ph_type)
    runs = _run_properties(shapes, style)
    vertical = _body_attribute(shapes, "vert") or "horz"
    text = "".join(t.text or "" for t in element.iterfind(".//a:t", NS)) if ph_type in FOOTER_TYPES else ""
    insets = insets_of(shapes)
    return Placeholder(type=ph_type, idx=idx, name=shape.name, box=_text_area(_box(shape), insets), insets=insets,
                       size=_first(_size(rpr) for rpr in runs),
                       colour=_first(colours.resolve(rpr.find("a:solidFill", NS)) for rpr in runs),
                       font=_first(_typeface(rpr, colours) for rpr in runs),
                       anchor=_body_attribute(shapes, "anchor") or "t", align=_alignment(shapes, style) or "l",
                       vertical=vertical not in ("horz",), text=text,
                       bold=bool(_first(_bold(rpr) for rpr in runs)), fill=fill,
                       caps=_first(rpr.get("cap") for rpr in runs) == "all")


def _own_fill(shapes: list, colours: Colours) -> tuple[str, ...]:
    """The colours a placeholder fills its frame with, its own or its master's (a title bar drawn
    as the title placeholder's fill); none when the nearest that says anything says no fill."""
    for sp in shapes:
        props = sp.find("p:spPr", NS)
        if props is None:
            continue
        if props.find("a:noFill", NS) is not None:
            return ()
        found = fill_colours(sp, colours)
        if found is not None:
            return found[0] if found[1] >= 0.5 else ()
    return ()


def layout_counterparts(layout, element) -> list:
    """The layout placeholder a slide's placeholder inherits from (by index, else by type) and
    that one's master placeholder."""
    ph_type, idx = ph_type_of(element)
    shapes = [sp._element for sp in layout.placeholders]
    own = next((sp for sp in shapes if ph_type_of(sp)[1] == idx and ph_type_of(sp)[0] == ph_type), None)
    own = own if own is not None else next((sp for sp in shapes if ph_type_of(sp)[0] == ph_type), None)
    master = _master_counterpart(layout.slide_master, ph_type)
    return [el for el in (own, master) if el is not None]


def _master_counterpart(master, ph_type: str):
    """The master placeholder a layout placeholder inherits from (PowerPoint matches by type)."""
    wanted = {"ctrTitle": "title", "subTitle": "body", "obj": "body"}.get(ph_type, ph_type)
    for shape in master.placeholders:
        if ph_type_of(shape._element)[0] == wanted:
            return shape._element
    return None


def _text_style(master, ph_type: str):
    """The first level of the master's text style for this type of placeholder (a:lvl1pPr)."""
    styles = master._element.find("p:txStyles", NS)
    if styles is None:
        return None
    name = "titleStyle" if ph_type in ("title", "ctrTitle") else "otherStyle" if ph_type in FOOTER_TYPES \
        else "bodyStyle"
    return styles.find(f"p:{name}/a:lvl1pPr", NS)


def _run_properties(shapes: list, style) -> list:
    """Where the placeholder's first-level text is set, nearest first: for each shape its list
    style, then its sample text's runs; last the master's text style."""
    found = []
    for sp in shapes:
        found += [sp.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NS), sp.find("p:txBody/a:p/a:r/a:rPr", NS),
                  sp.find("p:txBody/a:p/a:endParaRPr", NS)]
    if style is not None:
        found.append(style.find("a:defRPr", NS))
    return [rpr for rpr in found if rpr is not None]


def _first(values):
    return next((value for value in values if value is not None), None)


def _size(rpr) -> float | None:
    return int(rpr.get("sz")) / 100 if rpr.get("sz") else None


def _bold(rpr) -> bool | None:
    return rpr.get("b") in ("1", "true") if rpr.get("b") else None


def _typeface(rpr, colours: Colours) -> str | None:
    latin = rpr.find("a:latin", NS)
    return colours.font(latin.get("typeface")) if latin is not None else None


def _body_attribute(shapes: list, name: str) -> str | None:
    """An attribute of the text body's properties (anchor, vert), from the nearest shape that sets it."""
    for sp in shapes:
        body = sp.find("p:txBody/a:bodyPr", NS)
        value = body.get(name) if body is not None else None
        if value is not None:
            return value
    return None


def _alignment(shapes: list, style) -> str | None:
    """The first-level paragraph alignment: the nearest shape's list style or sample paragraph,
    else the master's text style."""
    for sp in shapes:
        for ppr in (sp.find("p:txBody/a:lstStyle/a:lvl1pPr", NS), sp.find("p:txBody/a:p/a:pPr", NS)):
            if ppr is not None and ppr.get("algn"):
                return ppr.get("algn")
    return style.get("algn") if style is not None else None


DEFAULT_INSETS = (7.2, 3.6, 7.2, 3.6)  # PowerPoint's when a text body sets none: 0.1 in, 0.05 in


def insets_of(shapes: list) -> tuple[float, float, float, float]:
    """A placeholder's insets (left, top, right, bottom) in points, from the nearest shape that
    sets each: the slide's, its layout's, its master's; else PowerPoint's defaults."""
    found = []
    for name, default in zip(("lIns", "tIns", "rIns", "bIns"), DEFAULT_INSETS, strict=True):
        value = _body_attribute(shapes, name)
        found.append(points(int(value)) if value is not None and value.lstrip("-").isdigit() else default)
    return found[0], found[1], found[2], found[3]


def _text_area(box: Box | None, insets: tuple[float, float, float, float]) -> Box | None:
    """Where a placeholder's text stands: its frame less its insets (deck measures text to it and
    keeps the template's insets around it)."""
    if box is None:
        return None
    left, top, right, bottom = insets
    return Box(round(box.x + left, 2), round(box.y + top, 2), round(max(1.0, box.w - left - right), 2),
               round(max(1.0, box.h - top - bottom), 2))


def _box(shape) -> Box | None:
    """The placeholder's frame in points, its own or inherited; None when nothing places it."""
    try:
        if shape.width is not None and shape.height is not None:
            return Box(round(points(shape.left), 2), round(points(shape.top), 2),
                       round(points(shape.width), 2), round(points(shape.height), 2))
    except (AttributeError, TypeError):
        pass
    return None
