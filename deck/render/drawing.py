"""Plan items as slide XML, written with lxml straight from the plan.

python-pptx builds the same XML through a proxy object per element and per property, which was
most of a build's time. These functions write exactly what its shape and text API wrote before
(the same elements, attribute order and shape ids), so the deck's bytes are as they were:
tests/test_drawing.py compares the two ways on every kind of slide.
"""
from __future__ import annotations

import re
from lxml import etree

from deck.plan import Para, Shape, TextBox
from deck.theme import Theme

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_ALIGN = {"l": "l", "c": "ctr", "r": "r"}
_ANCHOR = {"t": "t", "m": "ctr", "b": "b"}
_GEOMETRY = {"rect": "rect", "oval": "ellipse"}
_AUTOFIT = (A + "normAutofit", A + "spAutoFit", A + "noAutofit")
# PowerPoint identifies a slide-number field by its type; the id only has to be a GUID.
_SLIDENUM_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
# Control characters are not allowed in XML text; PowerPoint reads them back from this escape.
_CONTROL = re.compile(r"([\x00-\x08\x0B-\x1F])")

_sub = etree.SubElement


def emu(points: float) -> int:
    return int(round(points * 12700))


def pt(points: float):
    """A length for python-pptx's API (its Emu type)."""
    from pptx.util import Emu

    return Emu(emu(points))


def _centipoints(points: float) -> str:
    """A spacing in hundredths of a point, rounded as python-pptx's Pt() and centipoints do."""
    return str(int(points * 12700) // 127)


def _escape(text: str) -> str:
    return _CONTROL.sub(lambda m: "_x%04X_" % ord(m.group(1)), text)


def _colour(parent, hex_value: str) -> None:
    _sub(parent, A + "srgbClr").set("val", hex_value)


def _solid(parent, hex_value: str):
    fill = _sub(parent, A + "solidFill")
    _colour(fill, hex_value)
    return fill


# -- text ------------------------------------------------------------------------------------------
def fill_body(tx_body, box: TextBox, theme: Theme, language: str) -> None:
    """Zero insets and noAutofit: the layout measured the box to the point, so nothing may shrink it."""
    body_pr = tx_body.find(A + "bodyPr")
    body_pr.set("wrap", "square")
    for inset in ("lIns", "rIns", "tIns", "bIns"):
        body_pr.set(inset, "0")
    body_pr.set("anchor", _ANCHOR[box.anchor])
    for child in body_pr:
        if child.tag in _AUTOFIT:
            body_pr.remove(child)
    _sub(body_pr, A + "noAutofit")
    fill_paragraphs(tx_body, box.paras, theme, language)


def fill_paragraphs(tx_body, paras, theme: Theme, language: str) -> None:
    """The paragraphs into a text body whose first (empty) paragraph is there already."""
    for i, para in enumerate(paras):
        p = tx_body.find(A + "p") if i == 0 else _sub(tx_body, A + "p")
        _paragraph(p, para, theme, language)


def _paragraph(p, para: Para, theme: Theme, language: str) -> None:
    p_pr = p.find(A + "pPr")
    if p_pr is None:
        p_pr = etree.Element(A + "pPr")
        p.insert(0, p_pr)
    p_pr.set("algn", _ALIGN[para.align])
    _sub(_sub(p_pr, A + "lnSpc"), A + "spcPts").set("val", _centipoints(para.line))
    _sub(_sub(p_pr, A + "spcBef"), A + "spcPts").set("val", "0")
    _sub(_sub(p_pr, A + "spcAft"), A + "spcPts").set("val", _centipoints(para.after))
    if para.bullet:
        p_pr.set("marL", str(emu(para.indent)))
        p_pr.set("indent", str(-emu(para.hang)))
        _colour(_sub(p_pr, A + "buClr"), theme.palette.hex(para.bullet_color or para.color))
        _sub(p_pr, A + "buFont").set("typeface", "Arial")
        _sub(p_pr, A + "buChar").set("char", para.bullet)
    else:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        _sub(p_pr, A + "buNone")
    if para.field == "slidenum":
        field = _sub(p, A + "fld")
        field.set("id", _SLIDENUM_ID)
        field.set("type", "slidenum")
        _run_props(_sub(field, A + "rPr"), para, theme, language)
        _sub(field, A + "t").text = para.text
        return
    run = _sub(p, A + "r")
    _run_props(_sub(run, A + "rPr"), para, theme, language)
    _sub(run, A + "t").text = _escape(para.text)


def _run_props(r_pr, para: Para, theme: Theme, language: str) -> None:
    r_pr.set("lang", language)
    r_pr.set("sz", str(int(round(para.size * 100))))
    r_pr.set("b", "1" if para.bold else "0")
    r_pr.set("i", "0")
    r_pr.set("dirty", "0")
    _solid(r_pr, theme.palette.hex(para.color))
    for tag in ("latin", "cs"):
        _sub(r_pr, A + tag).set("typeface", theme.font)


def notes_text(tx_body, text: str, language: str) -> None:
    """Speaker notes as plain paragraphs, one per line; a vertical tab is a line break."""
    for p in tx_body.findall(A + "p"):
        tx_body.remove(p)
    for line in text.split("\n"):
        p = _sub(tx_body, A + "p")
        for i, part in enumerate(line.split("\v")):
            if i:
                _sub(p, A + "br")
            if part:
                run = _sub(p, A + "r")
                _sub(run, A + "rPr").set("lang", language)
                _sub(run, A + "t").text = _escape(part)


# -- shapes ----------------------------------------------------------------------------------------
def _position(sp_pr, box) -> None:
    """The shape's frame, first in its properties; a placeholder may have one already."""
    xfrm = sp_pr.find(A + "xfrm")
    if xfrm is None:
        xfrm = etree.Element(A + "xfrm")
        sp_pr.insert(0, xfrm)
    off = xfrm.find(A + "off")
    if off is None:
        off = etree.Element(A + "off")
        xfrm.insert(0, off)
    ext = xfrm.find(A + "ext")
    if ext is None:
        ext = etree.Element(A + "ext")
        off.addnext(ext)
    off.set("x", str(emu(box.x)))
    off.set("y", str(emu(box.y)))
    ext.set("cx", str(emu(box.w)))
    ext.set("cy", str(emu(box.h)))


def _shape(sp_tree, shape_id: int, name: str, text_box: bool, box, geometry: str):
    sp = _sub(sp_tree, P + "sp")
    nv = _sub(sp, P + "nvSpPr")
    c_nv_pr = _sub(nv, P + "cNvPr")
    c_nv_pr.set("id", str(shape_id))
    c_nv_pr.set("name", name)
    c_nv_sp_pr = _sub(nv, P + "cNvSpPr")
    if text_box:
        c_nv_sp_pr.set("txBox", "1")
    _sub(nv, P + "nvPr")
    sp_pr = _sub(sp, P + "spPr")
    _position(sp_pr, box)
    _sub(_sub(sp_pr, A + "prstGeom", prst=geometry), A + "avLst")
    return sp, sp_pr


def _tx_body(sp):
    tx_body = _sub(sp, P + "txBody")
    body_pr = _sub(tx_body, A + "bodyPr")
    _sub(tx_body, A + "lstStyle")
    return tx_body, body_pr


def add_text(sp_tree, shape_id: int, item: TextBox, theme: Theme, language: str) -> None:
    sp, sp_pr = _shape(sp_tree, shape_id, item.name, True, item.box, "rect")
    _sub(sp_pr, A + "noFill")
    tx_body, body_pr = _tx_body(sp)
    body_pr.set("wrap", "none")
    _sub(tx_body, A + "p")
    fill_body(tx_body, item, theme, language)


def add_shape(sp_tree, shape_id: int, item: Shape, theme: Theme, language: str) -> None:
    hex_of = theme.palette.hex
    sp, sp_pr = _shape(sp_tree, shape_id, item.name, False, item.box, _GEOMETRY[item.geometry])
    if item.fill:
        _solid(sp_pr, hex_of(item.fill))
    else:
        _sub(sp_pr, A + "noFill")
    line = _sub(sp_pr, A + "ln")
    if item.line:
        line.set("w", str(emu(item.line_width)))
        _solid(line, hex_of(item.line))
    else:
        _sub(line, A + "noFill")
    tx_body, body_pr = _tx_body(sp)
    body_pr.set("rtlCol", "0")
    body_pr.set("anchor", "ctr")
    _sub(_sub(tx_body, A + "p"), A + "pPr").set("algn", "ctr")
    if item.text:
        fill_body(tx_body, item.text, theme, language)


def place(sp, box: TextBox, theme: Theme, language: str) -> None:
    """A placeholder at the plan's box, holding the plan's text."""
    _position(sp.find(P + "spPr"), box.box)
    fill_body(text_body(sp), box, theme, language)


def background(c_sld, hex_value: str) -> None:
    bg = etree.Element(P + "bg")
    bg_pr = _sub(bg, P + "bgPr")
    _solid(bg_pr, hex_value)
    _sub(bg_pr, A + "effectLst")
    c_sld.insert(0, bg)


class ShapeIds:
    """New shape ids, counting on from the highest on the slide, as python-pptx does."""

    def __init__(self, slide_element):
        self.last = max((int(v) for v in slide_element.xpath("//@id") if v.isdigit()), default=0)

    def next(self) -> int:
        self.last += 1
        return self.last


def placeholder(shape):
    """The shape's placeholder element (`p:ph`), or None for a shape of its own."""
    return shape.find(f"*/{P}nvPr/{P}ph")


def text_body(sp):
    """The shape's text body; one with an empty paragraph (and, as python-pptx adds it, no list
    style) if it has none."""
    tx_body = sp.find(P + "txBody")
    if tx_body is None:
        tx_body = _sub(sp, P + "txBody")
        _sub(tx_body, A + "bodyPr")
        _sub(tx_body, A + "p")
    return tx_body
