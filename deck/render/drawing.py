"""Plan items as slide XML, written straight from the plan.

python-pptx builds the same XML through a proxy object per element and per property, which was
most of a build's time. Here a slide's text boxes and shapes, a table, a text's paragraphs and a
slide's notes are written as one XML text each and parsed once. The result is exactly what
python-pptx's shape, table and text API wrote (the same elements, attribute order and shape ids),
so the deck's bytes are as they were: tests/test_drawing.py draws the items of real plans and
fills the placeholders of real templates both ways, and compares; tests/test_drawing_tables.py
does so for decks with tables.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from lxml import etree

from deck.look.theme import Theme
from deck.measure import fonts as measure
from deck.ooxml import NS, A, P, qn
from deck.plan import Para, Shape, Table, TextBox
from deck.units import centipoints, emu

_DECLARE = f'xmlns:a="{A}" xmlns:p="{P}"'
_ALIGN = {"l": "l", "c": "ctr", "r": "r"}
_ANCHOR = {"t": "t", "m": "ctr", "b": "b"}
_GEOMETRY = {"rect": "rect", "oval": "ellipse"}
# Compiled once: lxml's find and xpath compile a path again on every call, for every shape.
_PH = cast("Callable[[Any], list]", etree.XPath("*/p:nvPr/p:ph", namespaces=NS))
_IDS = cast("Callable[[Any], list[str]]", etree.XPath("//@id"))
_AUTOFIT = (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit"))
# PowerPoint identifies a slide-number field by its type; the id only has to be a GUID.
_SLIDENUM_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
# Control characters are not allowed in XML text; PowerPoint reads them back from this escape.
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def pt(points: float):
    """A length for python-pptx's API (its Emu type)."""
    from pptx.util import Emu

    return Emu(emu(points))


def _text(value: str) -> str:
    value = _CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            .replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;"))


def _parse(xml: str):
    """XML text of elements in the a: and p: namespaces -> a wrapper element holding them."""
    return etree.fromstring(f"<p:x {_DECLARE}>{xml}</p:x>", _PARSER)


# -- text ------------------------------------------------------------------------------------------
_INSETS = 'wrap="square" lIns="0" rIns="0" tIns="0" bIns="0"'
_CENTRED = '<a:p><a:pPr algn="ctr"/></a:p>'  # the paragraph of python-pptx's new shape


def paragraphs(paras, theme: Theme, language: str, width: float, font: str | None = None,
               empty: str = "<a:p/>") -> str:
    """The paragraphs, in a frame `width` points wide, in `font` (the theme's body font unless
    given); `empty` (a text body needs one paragraph) when there are none."""
    return "".join(_paragraph(para, theme, language, width, font or theme.font) for para in paras) or empty


def _paragraph(para: Para, theme: Theme, language: str, width: float, font: str) -> str:
    if para.bullet:
        bullet = (f'<a:buClr><a:srgbClr val="{theme.palette.hex(para.bullet_color or para.color)}"/></a:buClr>'
                  f'<a:buFont typeface="Arial"/><a:buChar char="{_attr(para.bullet)}"/>')
        margins = f'marL="{emu(para.indent)}" indent="{-emu(para.hang)}"'
    else:
        bullet, margins = "<a:buNone/>", 'marL="0" indent="0"'
    face = _attr(theme.font)
    r_pr = (f'<a:rPr lang="{_attr(language)}" sz="{int(round(para.size * 100))}" b="{1 if para.bold else 0}" '
            f'i="0" dirty="0"><a:solidFill><a:srgbClr val="{theme.palette.hex(para.color)}"/></a:solidFill>'
            f'<a:latin typeface="{face}"/><a:cs typeface="{face}"/></a:rPr>')
    if para.field == "slidenum":
        run = f'<a:fld id="{_SLIDENUM_ID}" type="slidenum">{r_pr}<a:t>{_text(para.text)}</a:t></a:fld>'
    else:
        # the breaks deck makes inside words (and at soft hyphens), written out as line breaks
        # so that PowerPoint and LibreOffice draw the lines the layout measured
        text = measure.drawn_text(para.text, font, para.size, width - para.indent, para.bold)
        run = f"<a:br>{r_pr}</a:br>".join(f"<a:r>{r_pr}<a:t>{_text(part)}</a:t></a:r>" if part else ""
                                          for part in text.split("\v"))
    return (f'<a:p><a:pPr algn="{_ALIGN[para.align]}" {margins}>'
            f'<a:lnSpc><a:spcPts val="{centipoints(para.line)}"/></a:lnSpc>'
            f'<a:spcBef><a:spcPts val="0"/></a:spcBef>'
            f'<a:spcAft><a:spcPts val="{centipoints(para.after)}"/></a:spcAft>{bullet}</a:pPr>{run}</a:p>')


def fill_body(tx_body, box: TextBox, theme: Theme, language: str, font: str | None = None,
              insets: tuple = (0, 0, 0, 0)) -> None:
    """A placeholder's text body: its insets (zero, or a template's own) and noAutofit (the layout
    measured the box to the point, so nothing may shrink it), then the paragraphs (set in `font`,
    the theme's body font unless given)."""
    body_pr = tx_body.find(qn("a:bodyPr"))
    body_pr.set("wrap", "square")
    on_edge(body_pr, box.anchor, insets)
    for child in list(body_pr):
        if child.tag in _AUTOFIT:
            body_pr.remove(child)
    etree.SubElement(body_pr, qn("a:noAutofit"))
    fill_paragraphs(tx_body, box.paras, theme, language, box.box.w, font)


def on_edge(body_pr, anchor: str = "t", insets: tuple = (0, 0, 0, 0)) -> None:
    """Text set on the frame's edge (no insets, or the given left, top, right, bottom insets),
    anchored as the plan says."""
    left, top, right, bottom = insets
    for inset, value in (("lIns", left), ("rIns", right), ("tIns", top), ("bIns", bottom)):
        body_pr.set(inset, str(emu(value)) if value else "0")
    body_pr.set("anchor", _ANCHOR[anchor])


def fill_paragraphs(tx_body, paras, theme: Theme, language: str, width: float,
                    font: str | None = None) -> None:
    """The paragraphs (in a frame `width` points wide) in place of the text body's first, empty
    paragraph."""
    if not paras:
        return
    first = tx_body.find(qn("a:p"))
    for p in _parse(paragraphs(paras, theme, language, width, font)):
        first.addprevious(p)
    tx_body.remove(first)


def notes_text(tx_body, text: str, language: str) -> None:
    """Speaker notes as plain paragraphs, one per line; a vertical tab is a line break."""
    for p in tx_body.findall(qn("a:p")):
        tx_body.remove(p)
    r_pr = f'<a:rPr lang="{_attr(language)}"/>'
    xml = "".join(
        "<a:p>" + "<a:br/>".join(f"<a:r>{r_pr}<a:t>{_text(part)}</a:t></a:r>" if part else ""
                                 for part in line.split("\v")) + "</a:p>"
        for line in text.split("\n"))
    tx_body.extend(_parse(xml))


# -- shapes ----------------------------------------------------------------------------------------
def _sp(shape_id: int, item, text_box: bool, geometry: str, fill: str, body: str) -> str:
    b = item.box
    c_nv_sp_pr = '<p:cNvSpPr txBox="1"/>' if text_box else "<p:cNvSpPr/>"
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{_attr(item.name)}"/>'
            f"{c_nv_sp_pr}<p:nvPr/></p:nvSpPr>"
            f'<p:spPr><a:xfrm><a:off x="{emu(b.x)}" y="{emu(b.y)}"/><a:ext cx="{emu(b.w)}" cy="{emu(b.h)}"/>'
            f'</a:xfrm><a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom>{fill}</p:spPr>'
            f"<p:txBody>{body}</p:txBody></p:sp>")


def _text_box(shape_id: int, item: TextBox, theme: Theme, language: str) -> str:
    body = (f'<a:bodyPr {_INSETS} anchor="{_ANCHOR[item.anchor]}"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
            + paragraphs(item.paras, theme, language, item.box.w))
    return _sp(shape_id, item, True, "rect", "<a:noFill/>", body)


def _shape(shape_id: int, item: Shape, theme: Theme, language: str) -> str:
    hex_of = theme.palette.hex
    fill = f'<a:solidFill><a:srgbClr val="{hex_of(item.fill)}"/></a:solidFill>' if item.fill else "<a:noFill/>"
    if item.line:
        fill += (f'<a:ln w="{emu(item.line_width)}"><a:solidFill><a:srgbClr val="{hex_of(item.line)}"/>'
                 "</a:solidFill></a:ln>")
    else:
        fill += "<a:ln><a:noFill/></a:ln>"
    if item.text:
        # the attributes of python-pptx's new shape body first, then the text box's
        body = (f'<a:bodyPr rtlCol="0" anchor="{_ANCHOR[item.text.anchor]}" {_INSETS}><a:noAutofit/></a:bodyPr>'
                "<a:lstStyle/>" + paragraphs(item.text.paras, theme, language, item.text.box.w, empty=_CENTRED))
    else:
        body = f'<a:bodyPr rtlCol="0" anchor="ctr"/><a:lstStyle/>{_CENTRED}'
    return _sp(shape_id, item, False, _GEOMETRY[item.geometry], fill, body)


_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"


def table(shape_id: int, item: Table, theme: Theme, language: str):
    """A table's graphic frame: one paragraph a cell, filled by row (the table style would recolour
    them in the template's accent, so there is none) and inset on every side; `firstRow` tells
    screen readers and PowerPoint the first row is the header. The frame is as wide and high as
    the whole columns and rows (python-pptx sized it so)."""
    b, inset, hex_of = item.box, emu(item.inset), theme.palette.hex
    margins = f'marL="{inset}" marR="{inset}" marT="{inset}" marB="{inset}" anchor="t"'
    columns, heights = [emu(w) for w in item.widths], [emu(h) for h in item.heights]
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in columns)
    widths = [w - 2 * item.inset for w in item.widths]
    rows = []
    for r, (paras, height) in enumerate(zip(item.cells, heights, strict=True)):
        role = "accent" if r == 0 else ("soft" if r % 2 == 0 else "background")  # the header, then bands
        fill = f'<a:solidFill><a:srgbClr val="{hex_of(role)}"/></a:solidFill>'
        cells = "".join(f'<a:tc><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/>'
                        f"{paragraphs((para,), theme, language, width)}</a:txBody>"
                        f"<a:tcPr {margins}>{fill}</a:tcPr></a:tc>"
                        for para, width in zip(paras, widths, strict=True))
        rows.append(f'<a:tr h="{height}">{cells}</a:tr>')
    return _parse(
        f'<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name="{_attr(item.name)}"/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm><a:off x="{emu(b.x)}" y="{emu(b.y)}"/><a:ext cx="{sum(columns)}" cy="{sum(heights)}"/></p:xfrm>'
        f'<a:graphic><a:graphicData uri="{_TABLE_URI}"><a:tbl><a:tblPr firstRow="1"/><a:tblGrid>{grid}</a:tblGrid>'
        f'{"".join(rows)}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>')[0]


def add_items(sp_tree, ids: ShapeIds, items, theme: Theme, language: str) -> None:
    """Text boxes and shapes onto the shape tree, in order, numbered on."""
    xml = "".join(_text_box(ids.next(), item, theme, language) if isinstance(item, TextBox)
                  else _shape(ids.next(), item, theme, language) for item in items)
    sp_tree.extend(_parse(xml))


def position(sp_pr, box) -> None:
    """The shape's frame, first in its properties; a placeholder may have one already."""
    xfrm = sp_pr.find(qn("a:xfrm"))
    if xfrm is None:
        xfrm = etree.Element(qn("a:xfrm"))
        sp_pr.insert(0, xfrm)
    off = xfrm.find(qn("a:off"))
    if off is None:
        off = etree.Element(qn("a:off"))
        xfrm.insert(0, off)
    ext = xfrm.find(qn("a:ext"))
    if ext is None:
        ext = etree.Element(qn("a:ext"))
        off.addnext(ext)
    off.set("x", str(emu(box.x)))
    off.set("y", str(emu(box.y)))
    ext.set("cx", str(emu(box.w)))
    ext.set("cy", str(emu(box.h)))


def place(sp, box: TextBox, theme: Theme, language: str, font: str | None = None,
          insets: tuple = (0, 0, 0, 0)) -> None:
    """A placeholder holding the plan's text (set in `font`, the theme's body font unless given) at
    the plan's box: its frame is the box, or with a template's insets the box grown by them (the
    text stands where the layout measured it)."""
    left, top, right, bottom = insets
    b = box.box
    frame = b if not any(insets) else type(b)(b.x - left, b.y - top, b.w + left + right, b.h + top + bottom)
    position(sp.find(qn("p:spPr")), frame)
    fill_body(text_body(sp), box, theme, language, font, insets)


def background(c_sld, hex_value: str) -> None:
    c_sld.insert(0, _parse(f'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="{hex_value}"/></a:solidFill>'
                           "<a:effectLst/></p:bgPr></p:bg>")[0])


class ShapeIds:
    """New shape ids, counting on from the highest on the slide, as python-pptx does."""

    def __init__(self, slide_element):
        self.last = max((int(v) for v in _IDS(slide_element) if v.isdigit()), default=0)

    def next(self) -> int:
        self.last += 1
        return self.last


def placeholder(shape):
    """The shape's placeholder element (`p:ph`), or None for a shape of its own."""
    found = _PH(shape)
    return found[0] if found else None


def placeholder_type(shape) -> str:
    """The shape's placeholder type ("obj" when it names none), or "" for a shape of its own."""
    ph = placeholder(shape)
    return ph.get("type", "obj") if ph is not None else ""


def text_body(sp):
    """The shape's text body; one with an empty paragraph (and, as python-pptx adds it, no list
    style) if it has none."""
    tx_body = sp.find(qn("p:txBody"))
    if tx_body is None:
        tx_body = etree.SubElement(sp, qn("p:txBody"))
        etree.SubElement(tx_body, qn("a:bodyPr"))
        etree.SubElement(tx_body, qn("a:p"))
    return tx_body
