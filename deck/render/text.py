"""Measured text into a pptx text frame: explicit size, font, colour, language on every run."""
from __future__ import annotations

from lxml import etree
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from deck.plan import Para, TextBox
from deck.theme import Theme

_ALIGN = {"l": PP_ALIGN.LEFT, "c": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}
_ANCHOR = {"t": MSO_ANCHOR.TOP, "m": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
# PowerPoint identifies a slide-number field by its type; the id only has to be a GUID.
_SLIDENUM_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_AUTOFIT = (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit"))


def pt(value: float) -> Emu:
    return Emu(int(round(value * 12700)))


def fill_text(frame, box: TextBox, theme: Theme, language: str) -> None:
    """Zero insets and noAutofit: the layout measured the box to the point, so nothing may shrink it."""
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Emu(0)
    frame.vertical_anchor = _ANCHOR[box.anchor]
    body_pr = frame._txBody.bodyPr
    for child in list(body_pr):
        if child.tag in _AUTOFIT:
            body_pr.remove(child)
    etree.SubElement(body_pr, qn("a:noAutofit"))
    fill_paragraphs(frame, box.paras, theme, language)


def fill_paragraphs(frame, paras, theme: Theme, language: str) -> None:
    for i, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        _fill_para(paragraph, para, theme, language)


def _fill_para(paragraph, para: Para, theme: Theme, language: str) -> None:
    paragraph.alignment = _ALIGN[para.align]
    paragraph.line_spacing = Pt(para.line)
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(para.after)
    p_pr = paragraph._p.get_or_add_pPr()
    if para.bullet:
        p_pr.set("marL", str(pt(para.indent)))
        p_pr.set("indent", str(-pt(para.hang)))
        colour = etree.SubElement(p_pr, qn("a:buClr"))
        etree.SubElement(colour, qn("a:srgbClr")).set("val", theme.palette.hex(para.bullet_color or para.color))
        etree.SubElement(p_pr, qn("a:buFont")).set("typeface", "Arial")
        etree.SubElement(p_pr, qn("a:buChar")).set("char", para.bullet)
    else:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        etree.SubElement(p_pr, qn("a:buNone"))
    if para.field == "slidenum":
        field = etree.SubElement(paragraph._p, qn("a:fld"))
        field.set("id", _SLIDENUM_ID)
        field.set("type", "slidenum")
        _run_props(etree.SubElement(field, qn("a:rPr")), para, theme, language)
        etree.SubElement(field, qn("a:t")).text = para.text
        return
    run = paragraph.add_run()
    run.text = para.text
    _run_props(run._r.get_or_add_rPr(), para, theme, language)


def _run_props(r_pr, para: Para, theme: Theme, language: str) -> None:
    r_pr.set("lang", language)
    r_pr.set("sz", str(int(round(para.size * 100))))
    r_pr.set("b", "1" if para.bold else "0")
    r_pr.set("i", "0")
    r_pr.set("dirty", "0")
    fill = etree.SubElement(r_pr, qn("a:solidFill"))
    etree.SubElement(fill, qn("a:srgbClr")).set("val", theme.palette.hex(para.color))
    for tag in ("a:latin", "a:cs"):
        etree.SubElement(r_pr, qn(tag)).set("typeface", theme.font)
