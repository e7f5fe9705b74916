"""Slide plans -> the parts of a .pptx package. Render is the stage that speaks pptx (besides
reading a template in look).

Render makes no decisions about size or place: the plan already holds every measured box.
Every run gets an explicit font, size, colour and language, and every text body `noAutofit`,
so PowerPoint and LibreOffice draw exactly what the layout measured.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from datetime import datetime
from itertools import groupby

from deck.look.theme import Theme
from deck.ooxml import TITLE_TYPES, qn
from deck.outline.model import Outline
from deck.plan import Chart, Item, Picture, Shape, SlidePlan, Table, TextBox
from deck.render import drawing, evidence
from deck.render.entries import save
from deck.render.parts import Parts, Warm

_PROPERTY_MAX = 255
# The plan's footer row goes into a template layout's own footer placeholders.
_FOOTER_PLACEHOLDERS = {"Footer": "ftr", "Slide number": "sldNum", "Date": "dt"}
# The main text of a slide goes into the layout's body placeholder, so it shows in the outline view.
_BODY_TEXTS = ("Body", "Message", "Meta")
# A picture goes into the layout's picture placeholder, or a content placeholder (which takes a
# picture too), so "Change Picture" keeps the layout's frame; a chart or a table into a content
# placeholder or one of its own type, as PowerPoint's "Insert Chart" and "Insert Table" put them.
# A body placeholder takes text only.
_PLACES = {"Picture": ("pic", "obj"), "Chart": ("obj", "chart"), "Table": ("obj", "tbl")}


class _Renderer:
    def __init__(self, outline: Outline, theme: Theme, warm: Warm | None = None):
        self.outline = outline
        self.theme = theme
        if warm is None:
            self.prs, self.layouts = self._open_base()
        else:  # a process that builds again: copy the base it opened before
            files = [x.file for x in (theme.template, theme.logo) if x is not None]
            base = (repr(theme), tuple(_stamp(file) for file in files))
            self.prs, self.layouts = warm.base(base, self._open_base)
        self.holders: dict[int, object] = {}  # a picture, chart or table (by id) -> its placeholder
        # part names and notes slides without whole-package walks; slides kept between warm builds
        self.parts = Parts(self.prs, warm, context=None if warm is None else (base, outline.language))

    def _open_base(self):
        if self.theme.template is not None:
            from deck.render import template

            # a corporate template: its masters and layouts, its sample slides removed; by slide kind
            return template.open_for_build(self.theme.template)
        from deck.render.base import open_base

        return open_base(self.theme)

    # -- slides ----------------------------------------------------------------------------------
    def add_slide(self, plan: SlidePlan) -> None:
        templated = self.theme.template is not None
        layout = self.layouts[plan.kind if templated else plan.layout]
        key = self.parts.key(plan)
        if self.parts.reuse(key, layout):  # the same slide as in the previous build
            return
        slide = self.parts.add_slide(layout)
        theme, language = self.theme, self.outline.language
        c_sld = slide._element.find(qn("p:cSld"))
        sp_tree = c_sld.find(qn("p:spTree"))
        if plan.background:
            drawing.background(c_sld, theme.palette.hex(plan.background))
        title = _title(sp_tree)
        drawing.place(title, plan.title, theme, language, theme.title_font,
                      _insets(title, layout) if templated else (0, 0, 0, 0))
        items: Sequence[Item] = plan.items
        if templated:
            _plain_runs(drawing.text_body(title), theme.title_font, _in_capitals(theme, plan.kind))
            items = self._into_placeholders(slide, layout, plan)
        else:
            subtitle = next((sp for sp in sp_tree if _ph_idx(sp) == "1"), None)
            if subtitle is not None:
                if plan.subtitle is not None:
                    drawing.place(subtitle, plan.subtitle, theme, language)
                else:
                    sp_tree.remove(subtitle)
        ids = drawing.ShapeIds(slide._element)
        for drawn, group in groupby(items, key=lambda item: isinstance(item, (Shape, TextBox))):
            if drawn:
                drawing.add_items(sp_tree, ids, group, theme, language)
            else:
                for item in group:
                    self._add_evidence(slide, sp_tree, ids, item)
        if plan.notes:
            notes = self.parts.notes_slide(slide)._element
            body = next(sp for sp in notes.iter(qn("p:sp")) if drawing.placeholder_type(sp) == "body")
            drawing.notes_text(drawing.text_body(body), plan.notes, language)
        self.parts.remember(key, slide)

    def _add_evidence(self, slide, sp_tree, ids: drawing.ShapeIds, item) -> None:
        """Pictures and charts through python-pptx, tables as XML, numbered on from the shapes before."""
        holder = self.holders.pop(id(item), None)  # the placeholder it takes the place of, if any
        if isinstance(item, Table):
            evidence.add_table(sp_tree, ids.next(), item, self.theme, self.outline.language, holder)
            return
        shapes = slide.shapes
        shapes._cached_max_shape_id = ids.last  # python-pptx's own counter ("turbo add")
        if isinstance(item, Picture):
            evidence.add_picture(slide, item, holder)
        elif isinstance(item, Chart):
            evidence.add_chart(slide, item, self.theme, self.outline.language, holder)
        ids.last = shapes._cached_max_shape_id

    def _into_placeholders(self, slide, layout, plan: SlidePlan) -> list[Item]:
        """On a template's layout: the subtitle, the main texts, the picture, chart or table and the
        footer row into the layout's placeholders (each into the one it was laid out in); every
        placeholder left empty removed (it would show "Click to add text"). Returns the items
        still to draw."""
        from deck.render import template

        kind = drawing.placeholder_type
        others = [ph for ph in slide.placeholders if kind(ph._element) not in TITLE_TYPES]
        texts = ([plan.subtitle] if plan.subtitle is not None else []) + \
            [item for item in plan.items if isinstance(item, TextBox) and item.name in _BODY_TEXTS]
        into = {}
        for text in texts:
            placeholder = template.laid_in(others, text.box)
            if placeholder is not None:
                others.remove(placeholder)
                into[id(text)] = placeholder
        for item in plan.items:
            if isinstance(item, (Picture, Chart, Table)) and item.name in _PLACES:
                placeholder = template.laid_in([ph for ph in others if kind(ph._element) in _PLACES[item.name]],
                                               item.box)
                if placeholder is not None:
                    others.remove(placeholder)
                    self.holders[id(item)] = placeholder._element
        rest: list[Item] = []
        everything: list[Item] = [plan.subtitle] if plan.subtitle is not None else []
        for item in everything + list(plan.items):
            if isinstance(item, TextBox) and id(item) in into:
                self._place(into[id(item)], item)
                continue
            if isinstance(item, TextBox) and item.name in _FOOTER_PLACEHOLDERS:
                placeholder = template.carry_placeholder(slide, layout, _FOOTER_PLACEHOLDERS[item.name])
                if placeholder is not None:
                    self._place(placeholder, item)
                    continue
            rest.append(item)
        for placeholder in others:
            placeholder._element.getparent().remove(placeholder._element)
        return rest

    def _place(self, placeholder, box: TextBox) -> None:
        """A template placeholder holding plan text, in the theme's plain font (see _plain_runs),
        within the template's insets."""
        drawing.place(placeholder._element, box, self.theme, self.outline.language,
                      insets=_insets(placeholder._element, placeholder.part.slide_layout))
        _plain_runs(drawing.text_body(placeholder._element), self.theme.font)

    def core_properties(self, modified: datetime) -> None:
        props = self.prs.core_properties
        outline = self.outline
        props.title = _property(outline.title)
        props.subject = _property(outline.subtitle or "")
        props.author = _property(outline.author or "")
        props.language = outline.language
        props.keywords = _property(", ".join(s.title for s in outline.sections), ", ")
        props.comments = _property(outline.source or "")
        props.last_modified_by = ""
        props.revision = 1
        props.created = modified
        props.modified = modified


def _title(sp_tree):
    """The slide's title placeholder: python-pptx's choice (index 0), or else the first of a title
    type (a template may number its title otherwise; its layouts were chosen by type)."""
    found = next((sp for sp in sp_tree if _ph_idx(sp) == "0"), None)
    return found if found is not None else next(sp for sp in sp_tree if drawing.placeholder_type(sp) in TITLE_TYPES)


def _insets(sp, layout) -> tuple[float, float, float, float]:
    """A slide placeholder's insets as its layout and master give them (the layout measured the
    text inside them: deck.look.template.read keeps placeholder boxes as text areas)."""
    from deck.look.template.read import insets_of, layout_counterparts

    return insets_of([sp, *layout_counterparts(layout, sp)])


def _ph_idx(shape) -> str | None:
    ph = drawing.placeholder(shape)
    return None if ph is None else ph.get("idx", "0")


def _in_capitals(theme: Theme, kind: str) -> bool:
    """Whether the layout measured this slide's title in the template's capitals (as
    deck.layout.furniture.in_capitals decides: by the title, divider or content layout)."""
    template = theme.template
    if template is None:
        return False
    title = template.layout_for({"closing": "title"}.get(kind, kind if kind in ("title", "divider")
                                                          else "bullets")).title
    return bool(title and title.caps)


def _plain_runs(tx_body, typeface: str, capitals: bool = False) -> None:
    """A template's placeholder may set capitals, letter spacing or another font for its text;
    the layout measured plain text in the theme's font (in capitals only where the template sets
    them on a title: `capitals`), so say so on every run."""
    for r_pr in tx_body.iter(qn("a:rPr")):
        if not capitals:
            r_pr.set("cap", "none")
        r_pr.set("spc", "0")
        for tag in ("a:latin", "a:cs"):
            face = r_pr.find(qn(tag))
            if face is not None:
                face.set("typeface", typeface)


def _stamp(path) -> tuple:
    """A file as it is now: an edited template or logo is read again."""
    stat = os.stat(path)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _property(text: str, separator: str = " ") -> str:
    """Document properties hold at most 255 characters (python-pptx raises beyond): a deck with
    many sections or a long source must still build, so cut at the last separator that fits."""
    if len(text) <= _PROPERTY_MAX:
        return text
    cut = text[: _PROPERTY_MAX - 1]
    head = cut.rpartition(separator)[0] or cut
    return head.rstrip(" ,") + "…"


def render(outline: Outline, theme: Theme, slides: list[SlidePlan], modified: datetime,
           warm: Warm | None = None) -> list[tuple[str, bytes]]:
    """The deck's parts as zip entries (name, bytes), for deck.package.seal; any warning
    python-pptx or lxml raises while drawing or saving is an error.

    `warm` (a process that builds again and again) keeps the base and the slides for the next build."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        renderer = _Renderer(outline, theme, warm)
        for plan in slides:
            renderer.add_slide(plan)
        renderer.core_properties(modified)
        return save(renderer.prs, renderer.parts)
