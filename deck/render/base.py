"""The base presentation of a deck without a corporate template: python-pptx's default 4:3
template made the deck's 16:9 master, so that a slide a presenter adds by hand in PowerPoint
matches the slides deck draws (frames, colours, fonts, headline and text styles)."""
from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from deck.look.colour import luminance
from deck.look.theme import Theme
from deck.ooxml import NS, TITLE_TYPES, qn
from deck.plan import BULLET_HANG, Box
from deck.render import drawing
from deck.render.drawing import pt
from deck.units import emu, points

_LAYOUTS = {"title": "Title Slide", "content": "Title Only"}
_kind = drawing.placeholder_type


def open_base(theme: Theme):
    """(presentation, {"title": layout, "content": layout}) for a deck on `theme`."""
    prs = Presentation()
    _widen(prs, theme)
    _paint(prs, theme)
    _style(prs, theme)
    return prs, {key: _layout(prs, name) for key, name in _LAYOUTS.items()}


def _layout(prs, name: str):
    for layout in prs.slide_layouts:
        if layout.name == name:
            return layout
    raise LookupError(f"base template has no layout '{name}'")


def _widen(prs, theme: Theme) -> None:
    """The base template is 4:3; stretch its master and layouts to 16:9 so slides a
    presenter adds by hand in PowerPoint line up with ours.

    Only frames a shape sets itself are stretched: a layout placeholder without one inherits
    the master's, which is stretched already (stretching what it inherits would stretch twice
    and give it a frame of zero height)."""
    old_w = prs.slide_width
    prs.slide_width = pt(theme.geometry.width)
    prs.slide_height = pt(theme.geometry.height)
    # python-pptx keeps the template's "screen4x3"; the size is now a custom one
    prs.part._element.find(qn("p:sldSz")).attrib.pop("type", None)
    factor = prs.slide_width / old_w
    master = prs.slide_master
    for element in [master._element] + [layout._element for layout in master.slide_layouts]:
        for xfrm in element.iter(qn("a:xfrm"), qn("p:xfrm")):
            off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
            if off is not None and ext is not None:
                off.set("x", str(int(int(off.get("x")) * factor)))
                ext.set("cx", str(int(int(ext.get("cx")) * factor)))


def _paint(prs, theme: Theme) -> None:
    """The theme's background on the master and its colours and fonts in the master's theme,
    so a slide a presenter adds by hand in PowerPoint matches the deck."""
    palette = theme.palette
    master = prs.slide_master
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor.from_string(palette.hex("background"))
    dark = luminance(palette.background) < luminance(palette.ink)
    dk1, lt1 = (palette.background, palette.ink) if dark else (palette.ink, palette.background)
    dk2, lt2 = (palette.soft, palette.muted) if dark else (palette.hex("accent"), palette.soft)
    colours = {"dk1": dk1, "lt1": lt1, "dk2": dk2, "lt2": lt2, "accent1": palette.accent,
               "accent2": palette.highlight}
    theme_part = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme_part.blob)
    for name, value in colours.items():
        slot = _one(root, f".//a:clrScheme/a:{name}")
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr")).set("val", value)
    for scheme, face in (("majorFont", theme.title_font), ("minorFont", theme.font)):
        _one(root, f".//a:fontScheme/a:{scheme}/a:latin").set("typeface", face)
    theme_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if dark:
        clr_map = master._element.find(qn("p:clrMap"))
        clr_map.set("bg1", "dk1"), clr_map.set("tx1", "lt1"), clr_map.set("bg2", "dk2"), clr_map.set("tx2", "lt2")


def _one(root: etree._Element, path: str) -> etree._Element:
    found = root.find(path, NS)
    if found is None:
        raise LookupError(f"base theme has no {path}")
    return found


def _style(prs, theme: Theme) -> None:
    """A slide a presenter adds by hand in PowerPoint takes the deck's type: the master's
    headline and first-level text set as deck sets them (size, weight, left-aligned, the
    bullet's hang), its title and body frames on the deck's content column, and the layouts'
    own content frames moved below a two-line headline."""
    master = prs.slide_master
    geometry, styles = theme.geometry, theme.styles
    title, body = styles["title"], styles["body"]
    headline = master._element.find("p:txStyles/p:titleStyle/a:lvl1pPr", NS)
    headline.set("algn", "l")
    headline.find("a:defRPr", NS).set("sz", str(round(title.size * 100)))
    headline.find("a:defRPr", NS).set("b", "1" if title.bold else "0")
    text = master._element.find("p:txStyles/p:bodyStyle/a:lvl1pPr", NS)
    text.set("marL", str(emu(BULLET_HANG)))
    text.set("indent", str(-emu(BULLET_HANG)))
    text.find("a:defRPr", NS).set("sz", str(round(body.size * 100)))
    two_lines = 2 * title.size * title.leading
    top = geometry.title.y + two_lines + geometry.title_gap * 2 / 3
    frames = {"title": Box(geometry.left, geometry.title.y, geometry.content_w, two_lines),
              "body": Box(geometry.left, top, geometry.content_w, geometry.body_bottom - top)}
    for sp in _frames(master._element):
        if _kind(sp) in frames:
            _set_frame(sp, frames[_kind(sp)])
    for layout in master.slide_layouts:
        own = {sp: _frame_of(sp) for sp in _frames(layout._element)}
        if any(_kind(sp) == "ctrTitle" for sp in own):  # the title slide: left, as deck's cover
            for sp, box in own.items():
                if _kind(sp) in ("ctrTitle", "subTitle"):
                    _set_frame(sp, Box(geometry.left, box.y, geometry.content_w, box.h))
                    for level in sp.iterfind("p:txBody/a:lstStyle/a:lvl1pPr", NS):
                        level.set("algn", "l")
            continue
        if any(_kind(sp) in TITLE_TYPES for sp in own):
            continue  # a layout with a headline of its own (section header, captions)
        content = {sp: box for sp, box in own.items() if _kind(sp) not in ("dt", "ftr", "sldNum", "")}
        shift = top - min((box.y for box in content.values()), default=top)
        for sp, box in content.items():
            if shift > 0:
                _set_frame(sp, Box(box.x, box.y + shift, box.w, min(box.h, geometry.body_bottom - box.y - shift)))


def _frames(element):
    """The placeholders of a master or layout that set their own frame."""
    return [sp for sp in element.iter(qn("p:sp")) if sp.find("p:spPr/a:xfrm/a:off", NS) is not None]


def _frame_of(sp) -> Box:
    off, ext = sp.find("p:spPr/a:xfrm/a:off", NS), sp.find("p:spPr/a:xfrm/a:ext", NS)
    return Box(points(int(off.get("x"))), points(int(off.get("y"))), points(int(ext.get("cx"))),
               points(int(ext.get("cy"))))


def _set_frame(sp, box: Box) -> None:
    """A master's or layout's placeholder on `box`, its text on the frame's edge as deck sets text."""
    drawing.position(sp.find("p:spPr", NS), box)
    body_pr = sp.find("p:txBody/a:bodyPr", NS)
    if body_pr is not None:
        drawing.on_edge(body_pr)
