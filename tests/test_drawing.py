"""deck.render.drawing writes the XML python-pptx's own shape and text API writes.

The renderer once drew every text box, shape and note through python-pptx; drawing.py writes the
same elements with lxml directly, many times faster. The oracle below is that python-pptx code:
every text box, shape and note of real plans is drawn both ways and the XML compared.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from deck.build import plan
from deck.measure import fonts
from deck.plan import Shape, TextBox
from deck.render import drawing
from deck.render.drawing import pt
from deck.starters import shipped_outline

FIXTURES = Path(__file__).resolve().parent / "fixtures"


# -- the oracle: python-pptx's API, as the renderer used it ----------------------------------------
def oracle_text(frame, box: TextBox, theme, language: str, width: float) -> None:
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.vertical_anchor = {"t": MSO_ANCHOR.TOP, "m": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}[box.anchor]
    body_pr = frame._txBody.bodyPr
    for child in list(body_pr):
        if child.tag in (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit")):
            body_pr.remove(child)
    etree.SubElement(body_pr, qn("a:noAutofit"))
    oracle_paragraphs(frame, box.paras, theme, language, width)


def oracle_paragraphs(frame, paras, theme, language: str, width: float) -> None:
    for i, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.alignment = {"l": PP_ALIGN.LEFT, "c": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}[para.align]
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
        if para.field:
            field_pr = etree.SubElement(etree.SubElement(paragraph._p, qn("a:fld"), id=drawing._SLIDENUM_ID,
                                                         type=para.field), qn("a:rPr"))
            etree.SubElement(field_pr.getparent(), qn("a:t")).text = para.text
        else:
            # the lines the layout measured: the breaks deck makes are line breaks in the text
            r_prs = []
            text = fonts.drawn_text(para.text, theme.font, para.size, width - para.indent, para.bold)
            for k, part in enumerate(text.split("\v")):
                if k:
                    paragraph.add_line_break()
                    r_prs.append(etree.SubElement(paragraph._p[-1], qn("a:rPr")))
                if part:
                    run = paragraph.add_run()
                    run.text = part
                    r_prs.append(run._r.get_or_add_rPr())
        for r_pr in ([field_pr] if para.field else r_prs):
            for name, value in (("lang", language), ("sz", str(int(round(para.size * 100)))),
                                ("b", "1" if para.bold else "0"), ("i", "0"), ("dirty", "0")):
                r_pr.set(name, value)
            fill = etree.SubElement(r_pr, qn("a:solidFill"))
            etree.SubElement(fill, qn("a:srgbClr")).set("val", theme.palette.hex(para.color))
            for tag in ("a:latin", "a:cs"):
                etree.SubElement(r_pr, qn(tag)).set("typeface", theme.font)


def oracle_shape(slide, item, theme, language: str):
    b = item.box
    if isinstance(item, TextBox):
        shape = slide.shapes.add_textbox(pt(b.x), pt(b.y), pt(b.w), pt(b.h))
        shape.name = item.name
        oracle_text(shape.text_frame, item, theme, language, b.w)
        return shape._element
    geometry = {"rect": MSO_SHAPE.RECTANGLE, "oval": MSO_SHAPE.OVAL}[item.geometry]
    shape = slide.shapes.add_shape(geometry, pt(b.x), pt(b.y), pt(b.w), pt(b.h))
    shape.name = item.name
    shape._element.remove(shape._element.find(qn("p:style")))
    if item.fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = RGBColor.from_string(theme.palette.hex(item.fill))
    else:
        shape.fill.background()
    if item.line:
        shape.line.color.rgb = RGBColor.from_string(theme.palette.hex(item.line))
        shape.line.width = pt(item.line_width)
    else:
        shape.line.fill.background()
    if item.text:
        oracle_text(shape.text_frame, item.text, theme, language, item.text.box.w)
    return shape._element


# -- the comparison --------------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["shipped", "every-kind", "international", "long-texts"])
def planned(request):
    source = {"shipped": shipped_outline(), "every-kind": FIXTURES / "valid" / "every-kind.yaml",
              "international": FIXTURES / "stress" / "international.yaml",
              "long-texts": FIXTURES / "stress" / "long-texts.yaml"}[request.param]
    loaded, planned = plan(source)
    return loaded.outline.language, planned


def xml(element) -> bytes:
    return etree.tostring(element)


def test_text_boxes_and_shapes_are_what_python_pptx_writes(planned):
    language, planned = planned
    theme = planned.theme
    slide = Presentation().slides.add_slide(Presentation().slide_layouts[6])
    sp_tree = etree.Element(qn("p:spTree"), nsmap=slide.shapes._spTree.nsmap)
    compared = 0
    for plan_ in planned.slides:
        for item in (plan_.title, plan_.subtitle, *plan_.items):
            if not isinstance(item, (TextBox, Shape)):
                continue
            expected = oracle_shape(slide, item, theme, language)
            ids = drawing.ShapeIds(sp_tree)
            ids.last = int(expected[0][0].get("id")) - 1
            drawing.add_items(sp_tree, ids, [item], theme, language)
            assert xml(sp_tree[-1]) == xml(expected), item
            compared += 1
    assert compared >= 2 * len(planned.slides)  # titles and the items of every slide


def test_notes_are_what_python_pptx_writes(planned):
    language, planned = planned
    prs = Presentation()
    for plan_ in planned.slides:
        if not plan_.notes:
            continue
        frame = prs.slides.add_slide(prs.slide_layouts[6]).notes_slide.notes_text_frame
        blank = etree.fromstring(xml(frame._txBody))
        frame.text = plan_.notes
        for paragraph in frame.paragraphs:
            for run in paragraph.runs:
                run._r.get_or_add_rPr().set("lang", language)
        drawing.notes_text(blank, plan_.notes, language)
        assert xml(blank) == xml(frame._txBody)


def test_notes_keep_line_breaks_and_escape_control_characters():
    body = etree.Element(qn("p:txBody"))
    drawing.notes_text(body, "one\vtwo\n\nbell\x07", "en")
    texts = [[(child.tag.rpartition("}")[2], child.findtext(qn("a:t"))) for child in p] for p in body]
    assert texts == [[("r", "one"), ("br", None), ("r", "two")], [], [("r", "bell_x0007_")]]


def test_a_text_without_paragraphs_keeps_the_one_a_text_body_needs():
    from deck.look.theme import THEMES
    from deck.plan import Box

    theme, box = THEMES["light"], Box(10, 20, 300, 40)
    slide = Presentation().slides.add_slide(Presentation().slide_layouts[6])
    sp_tree = etree.Element(qn("p:spTree"), nsmap=slide.shapes._spTree.nsmap)
    for item in (TextBox(box, ()), Shape(box, "rect", fill="accent", text=TextBox(box, ()))):
        expected = oracle_shape(slide, item, theme, "en")
        ids = drawing.ShapeIds(sp_tree)
        ids.last = int(expected[0][0].get("id")) - 1
        drawing.add_items(sp_tree, ids, [item], theme, "en")
        assert xml(sp_tree[-1]) == xml(expected)
        assert sp_tree[-1].find(f"{qn('p:txBody')}/{qn('a:p')}") is not None


TEMPLATES = sorted((FIXTURES / "templates").glob("*.pptx"))


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.stem for t in TEMPLATES])
def test_placeholders_filled_as_python_pptx_fills_them(template):
    """Titles, subtitles, bodies and the footer row go into a template's placeholders, including
    the date, footer and slide-number ones deck copies from the layout."""
    loaded, planned = plan(shipped_outline())
    theme, language = planned.theme, loaded.outline.language
    boxes = [planned.slides[0].title, planned.slides[0].subtitle,
             next(i for s in planned.slides for i in s.items if isinstance(i, TextBox) and len(i.paras) > 1)]
    prs = Presentation(str(template))
    compared = 0
    for layout in prs.slide_layouts:
        slide = prs.slides.add_slide(layout)
        for ph in layout.placeholders:
            if ph.placeholder_format.type in (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
                slide.shapes.clone_placeholder(ph)
        for n, ph in enumerate(slide.placeholders):
            if ph._element.tag != qn("p:sp"):
                continue
            box = boxes[n % len(boxes)]
            ours = etree.fromstring(xml(ph._element))
            drawing.place(ours, box, theme, language)
            ph.left, ph.top, ph.width, ph.height = pt(box.box.x), pt(box.box.y), pt(box.box.w), pt(box.box.h)
            oracle_text(ph.text_frame, box, theme, language, box.box.w)
            assert xml(ours) == xml(ph._element), (layout.name, ph.name)
            compared += 1
    # a layout saved by LibreOffice may leave every placeholder to its master: nothing to clone
    assert compared >= sum(1 for layout in prs.slide_layouts if any(layout.iter_cloneable_placeholders()))


def test_table_cells_filled_as_python_pptx_fills_them(planned):
    language, planned = planned
    paras = [p for s in planned.slides for i in s.items if isinstance(i, TextBox) for p in i.paras][:12]
    frame = Presentation().slides.add_slide(Presentation().slide_layouts[6]).shapes.add_table(
        len(paras), 1, 0, 0, pt(400), pt(400))
    for row, para in enumerate(paras):
        cell = frame.table.cell(row, 0).text_frame
        ours = etree.fromstring(xml(cell._txBody))
        drawing.fill_paragraphs(ours, (para,), planned.theme, language, 1e6)
        oracle_paragraphs(cell, (para,), planned.theme, language, 1e6)
        assert xml(ours) == xml(cell._txBody)
