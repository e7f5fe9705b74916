"""Slide plans -> .pptx bytes. The only module that imports pptx.

Render makes no decisions about size or place: the plan already holds every measured box.
Every run gets an explicit font, size, colour and language, and every text body `noAutofit`,
so PowerPoint and LibreOffice draw exactly what the layout measured.
"""
from __future__ import annotations

import io
import warnings
from datetime import datetime

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Emu

from deck.model import Outline
from deck.plan import Shape, SlidePlan, TextBox
from deck.render.text import fill_text, pt
from deck.theme import SLIDE_H, SLIDE_W, Theme

_GEOMETRY = {"rect": MSO_SHAPE.RECTANGLE, "oval": MSO_SHAPE.OVAL}
_LAYOUTS = {"title": "Title Slide", "content": "Title Only"}


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
        self.prs.slide_width = pt(SLIDE_W)
        self.prs.slide_height = pt(SLIDE_H)
        factor = self.prs.slide_width / old_w
        master = self.prs.slide_master
        for shapes in [master.shapes] + [layout.shapes for layout in master.slide_layouts]:
            for shape in shapes:
                if shape.left is not None and shape.width is not None:
                    shape.left = Emu(int(shape.left * factor))
                    shape.width = Emu(int(shape.width * factor))

    def colour(self, role: str) -> RGBColor:
        return RGBColor.from_string(self.theme.palette.hex(role))

    # -- shapes ----------------------------------------------------------------------------------
    def add_text(self, slide, box: TextBox) -> None:
        shape = slide.shapes.add_textbox(pt(box.box.x), pt(box.box.y), pt(box.box.w), pt(box.box.h))
        shape.name = box.name
        fill_text(shape.text_frame, box, self.theme, self.outline.language)

    def add_shape(self, slide, item: Shape) -> None:
        b = item.box
        shape = slide.shapes.add_shape(_GEOMETRY[item.geometry], pt(b.x), pt(b.y), pt(b.w), pt(b.h))
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
            shape.line.width = pt(item.line_width)
        else:
            shape.line.fill.background()
        if item.text:
            fill_text(shape.text_frame, item.text, self.theme, self.outline.language)

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
        placeholder.left, placeholder.top = pt(box.box.x), pt(box.box.y)
        placeholder.width, placeholder.height = pt(box.box.w), pt(box.box.h)
        fill_text(placeholder.text_frame, box, self.theme, self.outline.language)

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
