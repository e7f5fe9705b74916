"""Pictures, charts and tables: native, accessible, valid, and inside their slides."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from support import libreoffice
from support.audit import audit

from deck import package
from deck.build import build
from deck.errors import DeckError
from deck.layout.columns import column_widths
from deck.layout.kinds.chart import number_format
from deck.layout.kinds.image import place_picture
from deck.look.theme import MARGIN_X, SLIDE_W
from deck.options import BuildOptions
from deck.plan import Box

EVIDENCE = FIXTURES / "valid" / "evidence.yaml"


@pytest.fixture(scope="module")
def deck(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("evidence") / "evidence.pptx"
    build(EVIDENCE, out)
    return out


def shapes_of(deck: Path, kind):
    for number, slide in enumerate(Presentation(str(deck)).slides, start=1):
        for shape in slide.shapes:
            if shape.shape_type == kind:
                yield number, slide, shape


def test_pictures_carry_alt_text_never_a_file_name(deck):
    pictures = [shape for _, _, shape in shapes_of(deck, MSO_SHAPE_TYPE.PICTURE)]
    assert len(pictures) == 2
    described, decorative = (p._element.nvPicPr.cNvPr for p in pictures)
    assert described.get("descr") == "Three circles of different sizes in blue, grey and orange"
    assert decorative.get("descr") == ""
    flag = decorative.find(".//{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative")
    assert flag is not None and flag.get("val") == "1"
    for p in pictures:
        descr = p._element.nvPicPr.cNvPr.get("descr")
        assert not any(part in descr for part in (".png", ".jpg", "assets", "/")) and "/" not in p.name


def test_contain_keeps_the_proportions_and_cover_crops():
    box, crop = place_picture(640, 360, Box(0, 0, 400, 400), "contain")
    assert (box.w, round(box.h, 3), crop) == (400, 225.0, (0, 0, 0, 0))
    assert box.y == pytest.approx((400 - 225) / 2)
    box, crop = place_picture(640, 360, Box(0, 0, 400, 400), "cover")
    assert box == Box(0, 0, 400, 400)
    visible = 1 - crop[0] - crop[2]  # the shown share of the width keeps the frame square
    assert 640 * visible / 360 == pytest.approx(1.0) and crop[1] == crop[3] == 0


def test_charts_are_native_without_title_and_in_the_decks_number_format(deck):
    charts = [shape.chart for _, _, shape in shapes_of(deck, MSO_SHAPE_TYPE.CHART)]
    assert len(charts) == 4
    for chart in charts:
        assert not chart.has_title
        for series in chart.series:
            assert series.data_labels.number_format.startswith("[$-413]")
    column = charts[0]
    assert list(column.plots[0].categories) == ["Noord", "Zuid"]
    assert [s.name for s in column.series] == ["2012", "2013"]
    assert list(column.series[1].values) == [1500, 350.5]


def test_number_formats_follow_the_language_and_the_data():
    assert number_format([1850, 16], "nl") == "[$-413]#,##0"
    assert number_format([1.5, 2], "en") == "[$-409]#,##0.0"
    assert number_format([0.125], "en-GB") == "[$-809]#,##0.00"
    assert number_format([75], "nl", suffix=" %") == '[$-413]#,##0" %"'
    assert number_format([3], "tlh", prefix="$") == '"$"#,##0'


def test_chart_axis_ids_are_valid(deck):
    assert package.check(deck.read_bytes()) == []
    assert audit(deck) == []


def test_a_long_table_continues_with_its_header(deck):
    tables = [(n, shape) for n, _, shape in shapes_of(deck, MSO_SHAPE_TYPE.TABLE)]
    assert len(tables) == 2
    rows = []
    for _, shape in tables:
        table = shape.table
        assert [c.text for c in table.rows[0].cells] == ["Valkuil", "Wat je ziet", "Wat helpt"]
        assert sum(c.width for c in table.columns) == pytest.approx((SLIDE_W - 2 * MARGIN_X) * 12700,
                                                                    abs=len(table.columns))
        rows += [r.cells[0].text for r in list(table.rows)[1:]]
    assert len(rows) == 10 and len(set(rows)) == 10  # nothing lost, nothing repeated
    titles = [Presentation(str(deck)).slides[n - 1].shapes.title.text_frame.text for n, _ in tables]
    assert titles[1] == titles[0] + " (vervolg)"


def test_column_widths_follow_the_content():
    widths = column_widths([["Kort", "Een veel langere kolom met tekst"], ["a", "b"]], "Calibri", 20, 600, 6.0)
    assert sum(widths) == pytest.approx(600) and widths[1] > 2 * widths[0]


@pytest.fixture
def outline_with_picture(tmp_path):
    def make(image_line: str, extra: str = "") -> Path:
        outline = tmp_path / "outline.yaml"
        outline.write_text("title: T\nsections:\n- id: a\n  title: A\n  slides:\n  - kind: image\n"
                           f"    title: A picture\n    {image_line}\n    alt: Something{extra}\n")
        return outline
    return make


def _error(outline: Path, tmp_path: Path) -> str:
    out = tmp_path / "out.pptx"
    with pytest.raises(DeckError) as caught:
        build(outline, out)
    assert not out.exists()
    return str(caught.value)


def test_missing_picture(outline_with_picture, tmp_path):
    message = _error(outline_with_picture("image: nowhere.png"), tmp_path)
    assert "outline.yaml:8: sections[0].slides[0].image:" in message


def test_picture_outside_the_outline_folder(outline_with_picture, tmp_path):
    inside = tmp_path / "talk"
    inside.mkdir()
    shutil.copy(FIXTURES / "valid" / "assets" / "circles.png", tmp_path / "outside.png")
    outline = outline_with_picture("image: ../outside.png")
    moved = inside / "outline.yaml"
    outline.rename(moved)
    message = _error(moved, tmp_path)
    assert "sections[0].slides[0].image" in message and "--allow-outside" in message
    build(moved, tmp_path / "ok.pptx", options=BuildOptions(allow_outside=True))


@pytest.mark.parametrize("name, content, problem", [
    ("notes.png", b"this is text, not a picture", "is not a picture deck can read"),
    ("broken.png", None, "is not a picture deck can read"),
    ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "SVG pictures are not supported"),
])
def test_files_that_are_not_pictures(outline_with_picture, tmp_path, name, content, problem):
    if content is None:  # a PNG cut off half-way
        content = (FIXTURES / "valid" / "assets" / "circles.png").read_bytes()[:600]
    (tmp_path / name).write_bytes(content)
    message = _error(outline_with_picture(f"image: {name}"), tmp_path)
    assert problem in message and "outline.yaml:8: sections[0].slides[0].image:" in message


def test_enormous_pictures_are_refused(outline_with_picture, tmp_path):
    from PIL import Image

    Image.new("1", (8000, 7000)).save(tmp_path / "huge.png")
    message = _error(outline_with_picture("image: huge.png"), tmp_path)
    assert "more than 50 megapixels" in message


@pytest.mark.render
def test_evidence_renders_inside_the_slides(deck, tmp_path):
    result = libreoffice.render(deck, tmp_path)
    assert result.pages == result.slides
    assert result.outside == [] and result.undrawn == []
