"""Tables are written as the XML python-pptx's table API wrote.

The renderer once drew a table through python-pptx, cell by cell; deck.render.drawing.table writes
the same graphic frame as one XML text. The oracle below is that python-pptx code: decks with
tables (on the built-in themes, and on templates, where a table goes into the layout's content
placeholder) are rendered both ways and every part compared byte for byte.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.shapes.shapetree import SlideShapes
from test_drawing import oracle_paragraphs

from deck.build import plan
from deck.look.theme import THEMES
from deck.ooxml import A, P
from deck.options import BuildOptions
from deck.package import normalise_part, w3cdtf
from deck.plan import Box, Para, Table
from deck.render import drawing, evidence, render
from deck.render.drawing import pt
from deck.starters import shipped_outline

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REAL = sorted(p for p in (FIXTURES / "real").glob("*.yaml") if "kind: table" in p.read_text(encoding="utf-8"))
TEMPLATES = sorted((FIXTURES / "templates").glob("*.p[ko]tx")) + sorted((FIXTURES / "templates").glob("*.pptx"))
MODIFIED = datetime(2024, 5, 1, 12, 0, 0)
# templates whose layouts offer no placeholder a table goes into: deck draws the table on its own
NO_TABLE_PLACE = {"consulting-ja", "gslides-export", "iltci-libreoffice", "keynote-blank", "libreoffice-blue-curve",
                  "libreoffice-metropolis", "poster-a0"}


# -- the oracle: python-pptx's table API, as the renderer used it ---------------------------------
def oracle_table(sp_tree, shape_id: int, item: Table, theme, language: str, placeholder=None) -> None:
    shapes = SlideShapes(sp_tree, None)
    shapes._cached_max_shape_id = shape_id - 1  # python-pptx's own counter ("turbo add")
    b = item.box
    rows, cols = len(item.cells), len(item.widths)
    frame = shapes.add_table(rows, cols, pt(b.x), pt(b.y), pt(b.w), pt(b.h))
    assert frame.shape_id == shape_id
    frame.name = item.name
    if placeholder is not None:
        evidence._into(frame._element, placeholder)
    table = frame.table
    style = table._tbl.tblPr.find(qn("a:tableStyleId"))
    if style is not None:
        table._tbl.tblPr.remove(style)
    table.first_row = True
    table.horz_banding = False
    for column, width in zip(table.columns, item.widths, strict=False):
        column.width = pt(width)
    for row, height in zip(table.rows, item.heights, strict=False):
        row.height = pt(height)
    for r, paras in enumerate(item.cells):
        fill = "accent" if r == 0 else ("soft" if r % 2 == 0 else "background")
        for c, para in enumerate(paras):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = cell.margin_top = cell.margin_bottom = pt(item.inset)
            cell.vertical_anchor = MSO_ANCHOR.TOP
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(theme.palette.hex(fill))
            frame_ = cell.text_frame
            frame_.word_wrap = True
            oracle_paragraphs(frame_, (para,), theme, language, item.widths[c] - 2 * item.inset)


# -- outlines with tables of every shape -----------------------------------------------------------
ODD = """title: Odd tables
language: en
sections:
  - id: odd
    title: Odd tables
    slides:
      - kind: table
        title: One row of special characters
        columns: ["A & B", "<tag>", "\\"quoted\\" and 'single'", "a > b < c"]
        rows:
          - ["Fish & chips", "<b>not bold</b>", "it's \\"so\\"", "tab\\there"]
      - kind: table
        title: Empty and long cells
        columns: [Item, Note]
        rows:
          - ["", "LONG"]
          - [Short, ""]
          - [Klantenservicemedewerkersopleidingstrajectcoördinatoren, Een lang woord breekt af]
      - kind: table
        title: Many columns
        columns: [C1, C2, C3, C4, C5, C6, C7, C8]
        rows:
          - ["1", "2", "3", "4", "5", "6", "7", "8"]
          - [a, b, c, d, e, f, g, h]
          - [a b c d e f, Mid, "", x, y, z, "100 %", "€ 1.000"]
""".replace("LONG", " ".join(["A cell that goes on for a long while, line after line,"] * 6))


@pytest.fixture(scope="module")
def odd_outline(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("odd") / "odd.yaml"
    path.write_text(ODD, encoding="utf-8")
    return path


def rendered_both_ways(monkeypatch, source: Path, template: Path | None = None):
    """The deck's parts rendered with deck's tables and with the oracle's; how many tables went into
    a placeholder."""
    loaded, planned = plan(source, options=BuildOptions(template=template))
    into = []

    def oracle(sp_tree, shape_id, item, theme, language, placeholder=None):
        into.append(placeholder is not None)
        oracle_table(sp_tree, shape_id, item, theme, language, placeholder)

    ours = render(loaded.outline, planned.theme, planned.slides, MODIFIED)
    with monkeypatch.context() as patch:
        patch.setattr(evidence, "add_table", oracle)
        theirs = render(loaded.outline, planned.theme, planned.slides, MODIFIED)
    return ours, theirs, into


def assert_same(ours, theirs) -> None:
    """Every part the same, as the deck's package holds it (made reproducible: a chart's workbook
    is stamped with the time it was made)."""
    stamp = w3cdtf(MODIFIED)
    assert [name for name, _ in ours] == [name for name, _ in theirs]
    for (name, mine), (_, expected) in zip(ours, theirs, strict=True):
        assert normalise_part(name, mine, stamp) == normalise_part(name, expected, stamp), name


SOURCES = {"shipped": shipped_outline(), "evidence": FIXTURES / "valid" / "evidence.yaml",
           **{p.stem: p for p in REAL}}


@pytest.mark.parametrize("name", list(SOURCES) + ["odd"])
def test_tables_are_what_python_pptx_writes(monkeypatch, name, odd_outline):
    ours, theirs, into = rendered_both_ways(monkeypatch, odd_outline if name == "odd" else SOURCES[name])
    assert into, "the outline has tables"
    assert_same(ours, theirs)


@pytest.mark.parametrize("template", TEMPLATES, ids=[t.name for t in TEMPLATES])
def test_tables_on_templates_are_what_python_pptx_writes(monkeypatch, template, odd_outline):
    compared = []
    for source in (SOURCES["evidence"], odd_outline):
        ours, theirs, into = rendered_both_ways(monkeypatch, source, template)
        assert into
        assert_same(ours, theirs)
        compared += into
    if template.stem not in NO_TABLE_PLACE:
        assert any(compared), "a table went into a layout's placeholder"


def test_control_characters_and_one_cell():
    theme = THEMES["light"]
    para = Para("bell\x07 & <tab>\t\"q\" 'a'", 14, 17, color="on_accent", bold=True)
    for cells, widths in ((((para,),), (200.0,)), (((para, para._replace(text="")),) * 3, (120.0, 80.0))):
        item = Table(Box(40, 100, sum(widths), 30 * len(cells)), widths, (30.0,) * len(cells), cells, 6.0,
                     name='Table "&"')
        sp_tree = parse_xml(f'<p:spTree xmlns:p="{P}" xmlns:a="{A}"/>')
        oracle_table(sp_tree, 7, item, theme, "nl")
        assert etree.tostring(drawing.table(7, item, theme, "nl")) == etree.tostring(sp_tree[-1])
        assert "bell_x0007_" in etree.tostring(sp_tree[-1], encoding="unicode")
