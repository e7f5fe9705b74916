"""Templates none of whose layouts has a title placeholder (a Keynote export may have a single
blank layout): deck gives each layout a title placeholder at the top, where its own grid puts the
headline, so that every slide still has a real title (PowerPoint's outline view, screen readers and
its "Reset" need one). The text keeps the master's title style: its font, colour and alignment.

Reading the template and opening it for a build both call `add_titles`, so the layouts deck
measures are the layouts it writes.
"""
from __future__ import annotations

from lxml import etree

from deck.look.theme import CONTENT_W, MARGIN_X, MARGIN_Y, SLIDE_W
from deck.ooxml import NS, TITLE_TYPES, qn
from deck.units import EMU_PER_POINT, emu

NOTE = ("has no layout with a title placeholder: deck added one at the top of each layout "
        "(add your own in PowerPoint's Slide Master view to place the headlines yourself)")
_LINES = 2  # the added title holds two lines of the master's title size
_LINE = 1.2
_INSETS = 7.2  # PowerPoint's default top and bottom insets together, points
_SIZE = 40.0  # a headline's size on a 960 pt slide when the master names none
_MOST = 0.3  # of the slide's height, at most


def add_titles(prs) -> bool:
    """Add a title placeholder to every layout when no layout has one; whether it did."""
    layouts = [layout for master in prs.slide_masters for layout in master.slide_layouts]
    if not layouts or any(_has_title(layout._element) for layout in layouts):
        return False
    scale = prs.slide_width / EMU_PER_POINT / SLIDE_W
    for layout in layouts:
        size = _title_size(layout.slide_master._element) or _SIZE * scale
        height = min(_LINES * _LINE * size + _INSETS, _MOST * prs.slide_height / EMU_PER_POINT)
        box = (MARGIN_X * scale, MARGIN_Y * scale, CONTENT_W * scale, height)
        tree = layout._element.find("p:cSld/p:spTree", NS)
        tree.append(_title(_free_id(tree), box))
    return True


def _has_title(element) -> bool:
    return any(ph.get("type") in TITLE_TYPES for ph in element.iterfind(".//p:nvPr/p:ph", NS))


def _title_size(master) -> float | None:
    """The first level's size of the master's title style, points."""
    rpr = master.find("p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr", NS)
    size = rpr.get("sz") if rpr is not None else None
    return int(size) / 100 if size else None


def _free_id(tree) -> int:
    ids = [int(el.get("id", "0")) for el in tree.iter(qn("p:cNvPr")) if el.get("id", "0").isdigit()]
    return max(ids, default=1) + 1


def _title(shape_id: int, box: tuple[float, float, float, float]):
    x, y, w, h = (emu(v) for v in box)
    return etree.fromstring(
        f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}">'
        f'<p:nvSpPr><p:cNvPr id="{shape_id}" name="Title {shape_id}"/>'
        '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm></p:spPr>'
        '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>')
