"""Slide plans -> .pptx bytes. The only module that imports pptx.

Render makes no decisions about size or place: the plan already holds every measured box.
Every run gets an explicit font, size, colour and language, and every text body `noAutofit`,
so PowerPoint and LibreOffice draw exactly what the layout measured.
"""
from __future__ import annotations

import io
import warnings
from datetime import datetime

from lxml import etree
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from deck.model import Outline
from deck.plan import Para, Shape, SlidePlan, TextBox
from deck.theme import SLIDE_H, SLIDE_W, Theme

_ALIGN = {"l": PP_ALIGN.LEFT, "c": PP_ALIGN.CENTER, "r": PP_ALIGN.RIGHT}
_ANCHOR = {"t": MSO_ANCHOR.TOP, "m": MSO_ANCHOR.MIDDLE, "b": MSO_ANCHOR.BOTTOM}
_GEOMETRY = {"rect": MSO_SHAPE.RECTANGLE, "oval": MSO_SHAPE.OVAL}
# PowerPoint identifies a slide-number field by its type; the id only has to be a GUID.
_SLIDENUM_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
_LAYOUTS = {"title": "Title Slide", "content": "Title Only"}


def _pt(value: float) -> Emu:
    return Emu(int(round(value * 12700)))


class _Renderer:
    def __init__(self, outline: Outline, theme: Theme):
        self.outline = outline
        self.theme = theme
        self.prs = Presentation()
        self._widen_masters()
        self.layouts = {key: self._layout(name) for key, name in _LAYOUTS.items()}

    def _layout(self, name: str):
        for layout in self.prs.slide_layouts:
            if layout.name == name:
                return layout
        raise LookupError(f"base template has no layout '{name}'")

    def _widen_masters(self) -> None:
        """The base template is 4:3; stretch its master and layouts to 16:9 so slides a
        presenter adds by hand in PowerPoint line up with ours."""
        old_w = self.prs.slide_width
        self.prs.slide_width = _pt(SLIDE_W)
        self.prs.slide_height = _pt(SLIDE_H)
        factor = self.prs.slide_width / old_w
        master = self.prs.slide_master
        for shapes in [master.shapes] + [layout.shapes for layout in master.slide_layouts]:
            for shape in shapes:
                if shape.left is not None and shape.width is not None:
                    shape.left = Emu(int(shape.left * factor))
                    shape.width = Emu(int(shape.width * factor))

    def colour(self, role: str) -> RGBColor:
        return RGBColor.from_string(self.theme.palette.hex(role))

    # -- text ------------------------------------------------------------------------------------
    def fill_text(self, frame, box: TextBox) -> None:
        frame.word_wrap = True
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Emu(0)
        frame.vertical_anchor = _ANCHOR[box.anchor]
        body_pr = frame._txBody.bodyPr
        for child in list(body_pr):
            if child.tag in (qn("a:normAutofit"), qn("a:spAutoFit"), qn("a:noAutofit")):
                body_pr.remove(child)
        etree.SubElement(body_pr, qn("a:noAutofit"))
        for i, para in enumerate(box.paras):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            self.fill_para(paragraph, para)

    def fill_para(self, paragraph, para: Para) -> None:
        paragraph.alignment = _ALIGN[para.align]
        paragraph.line_spacing = Pt(para.line)
        paragraph.space_before = Pt(0)
        paragraph.space_after = Pt(para.after)
        p_pr = paragraph._p.get_or_add_pPr()
        if para.bullet:
            p_pr.set("marL", str(_pt(para.indent)))
            p_pr.set("indent", str(-_pt(para.hang)))
            colour = etree.SubElement(p_pr, qn("a:buClr"))
            etree.SubElement(colour, qn("a:srgbClr")).set("val", self.theme.palette.hex(para.bullet_color or para.color))
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
            r_pr = etree.SubElement(field, qn("a:rPr"))
            etree.SubElement(field, qn("a:t")).text = para.text
            self._run_props(r_pr, para)
            return
        run = paragraph.add_run()
        run.text = para.text
        self._run_props(run._r.get_or_add_rPr(), para)

    def _run_props(self, r_pr, para: Para) -> None:
        r_pr.set("lang", self.outline.language)
        r_pr.set("sz", str(int(round(para.size * 100))))
        r_pr.set("b", "1" if para.bold else "0")
        r_pr.set("i", "0")
        r_pr.set("dirty", "0")
        fill = etree.SubElement(r_pr, qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr")).set("val", self.theme.palette.hex(para.color))
        for tag in ("a:latin", "a:cs"):
            etree.SubElement(r_pr, qn(tag)).set("typeface", self.theme.font)

    # -- shapes ----------------------------------------------------------------------------------
    def add_text(self, slide, box: TextBox) -> None:
        shape = slide.shapes.add_textbox(_pt(box.box.x), _pt(box.box.y), _pt(box.box.w), _pt(box.box.h))
        shape.name = box.name
        self.fill_text(shape.text_frame, box)

    def add_shape(self, slide, item: Shape) -> None:
        b = item.box
        shape = slide.shapes.add_shape(_GEOMETRY[item.geometry], _pt(b.x), _pt(b.y), _pt(b.w), _pt(b.h))
        shape.name = item.name
        # python-pptx links new shapes to the theme's style (accent fill, outline, effects):
        # drop it so the shape is exactly what the plan says.
        style = shape._element.find(qn("p:style"))
        if style is not None:
            shape._element.remove(style)
        if item.fill:
            shape.fill.solid()
            shape.fill.fore_color.rgb = self.colour(item.fill)
        else:
            shape.fill.background()
        if item.line:
            shape.line.color.rgb = self.colour(item.line)
            shape.line.width = _pt(item.line_width)
        else:
            shape.line.fill.background()
        if item.text:
            self.fill_text(shape.text_frame, item.text)

    # -- slides ----------------------------------------------------------------------------------
    def add_slide(self, plan: SlidePlan) -> None:
        slide = self.prs.slides.add_slide(self.layouts[plan.layout])
        if plan.background:
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = self.colour(plan.background)
        title = slide.shapes.title
        self._place(title, plan.title)
        subtitle = next((ph for ph in slide.placeholders if ph.placeholder_format.idx == 1), None)
        if subtitle is not None:
            if plan.subtitle is not None:
                self._place(subtitle, plan.subtitle)
            else:
                subtitle._element.getparent().remove(subtitle._element)
        for item in plan.items:
            if isinstance(item, Shape):
                self.add_shape(slide, item)
            else:
                self.add_text(slide, item)
        if plan.notes:
            frame = slide.notes_slide.notes_text_frame
            frame.text = plan.notes
            for paragraph in frame.paragraphs:
                for run in paragraph.runs:
                    run._r.get_or_add_rPr().set("lang", self.outline.language)

    def _place(self, placeholder, box: TextBox) -> None:
        placeholder.left, placeholder.top = _pt(box.box.x), _pt(box.box.y)
        placeholder.width, placeholder.height = _pt(box.box.w), _pt(box.box.h)
        self.fill_text(placeholder.text_frame, box)

    def core_properties(self, modified: datetime) -> None:
        props = self.prs.core_properties
        outline = self.outline
        props.title = outline.title
        props.subject = outline.subtitle or ""
        props.author = outline.author or ""
        props.language = outline.language
        props.keywords = ", ".join(s.title for s in outline.sections)
        props.comments = outline.source or ""
        props.last_modified_by = ""
        props.revision = 1
        props.created = modified
        props.modified = modified


def render(outline: Outline, theme: Theme, slides: list[SlidePlan], modified: datetime) -> bytes:
    """The deck as bytes; any warning python-pptx or lxml raises while saving is an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        renderer = _Renderer(outline, theme)
        for plan in slides:
            renderer.add_slide(plan)
        renderer.core_properties(modified)
        out = io.BytesIO()
        renderer.prs.save(out)
    return out.getvalue()
