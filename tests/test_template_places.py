"""A template's own places: an image slide's picture goes into the layout's picture placeholder
(or content placeholder), a chart or table into the content layout's content placeholder, and a
compare slide's columns into the two content placeholders of a two-content layout, laid out in
their boxes, so PowerPoint's "Change Picture" keeps the layout's frame, a chart or table is the
placeholder's content, and the outline view shows the columns.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from deck.build import build
from deck.look.template.load import failing
from deck.look.template.read import read
from deck.look.template.roles import choose_layouts
from deck.options import BuildOptions

TEMPLATES = FIXTURES / "templates"
EMU = 12700
PICTURES = """title: Pictures in places
language: en
sections:
  - id: pictures
    title: Pictures
    slides:
      - kind: image
        title: A picture keeps its proportions
        image: assets/circles.png
        alt: Three circles of different sizes in blue, grey and orange
        caption: Contain shows the whole picture inside the frame.
      - kind: image
        title: Cover fills the frame and crops the rest
        image: assets/circles.jpg
        decorative: true
        fit: cover
"""
COMPARE = """title: Columns in places
language: en
sections:
  - id: columns
    title: Columns
    slides:
      - kind: compare
        title: Old and new ways of working differ
        left: {heading: Old, bullets: [Slow decisions, Closed teams]}
        right: {heading: New, bullets: [Fast decisions, Open teams]}
      - kind: compare
        title: A long comparison continues on another slide
        left:
          heading: Before the change
          bullets: [OLD]
        right:
          heading: After the change
          bullets: [NEW]
""".replace("OLD", ", ".join(f"An old habit number {n} that takes a whole line or more to say" for n in range(1, 13))) \
    .replace("NEW", ", ".join(f"A new habit number {n} that takes a whole line or more to say" for n in range(1, 13)))


def _build(tmp_path: Path, outline: str, template: str | Path) -> Presentation:
    folder = tmp_path / "outline"
    folder.mkdir(exist_ok=True)
    shutil.copytree(FIXTURES / "valid" / "assets", folder / "assets", dirs_exist_ok=True)
    (folder / "outline.yaml").write_text(outline, encoding="utf-8")
    out = tmp_path / "deck.pptx"
    path = template if isinstance(template, Path) else TEMPLATES / template
    build(folder / "outline.yaml", out, options=BuildOptions(template=path))
    return Presentation(str(out))


def _layout_frame(slide, idx: int) -> tuple[int, int, int, int]:
    ph = next(p for p in slide.slide_layout.placeholders if p.placeholder_format.idx == idx)
    return ph.left, ph.top, ph.width, ph.height


def _pictures(slide) -> list:
    return [shape for shape in slide.shapes if shape._element.tag.endswith("}pic")]


def _inside(inner, outer: tuple[int, int, int, int], tolerance: int = EMU) -> bool:
    x, y, w, h = outer
    return (inner.left >= x - tolerance and inner.top >= y - tolerance
            and inner.left + inner.width <= x + w + tolerance and inner.top + inner.height <= y + h + tolerance)


def _filled(ph, picture) -> bool:
    """The picture itself, or a placeholder with text (none is left to show its prompt)."""
    return ph.shape_id == picture.shape_id or ph.has_text_frame and bool(ph.text_frame.text.strip())


# --- pictures ---------------------------------------------------------------------------------------

def test_an_image_slide_takes_a_picture_layout_shaped_like_a_content_layout():
    def image_layout(name: str) -> str:
        return choose_layouts(read(TEMPLATES / name, name, failing(name))).layout_for("image").name

    assert image_layout("picture-layout.pptx") == "Title and Picture"
    # a picture beside or under its title (PowerPoint's "Picture with Caption") would fight the headline
    assert image_layout("pptx-default.pptx") == "Title Only"


def test_the_picture_goes_into_the_layouts_picture_placeholder(tmp_path):
    prs = _build(tmp_path, PICTURES, "picture-layout.pptx")
    for slide in prs.slides:
        if slide.slide_layout.name != "Title and Picture":
            continue
        [picture] = _pictures(slide)
        # the picture is the placeholder's content: PowerPoint's Change Picture keeps to it
        assert picture.is_placeholder and picture.placeholder_format.idx == 1
        assert picture._element.xpath("./p:nvPicPr/p:cNvPicPr/a:picLocks/@noGrp") == ["1"]
        frame = _layout_frame(slide, 1)
        assert _inside(picture, frame)
        assert picture.top >= slide.shapes.title.top + slide.shapes.title.height  # under the headline
        # no placeholder is left empty (nor a second picture drawn beside it)
        assert all(_filled(ph, picture) for ph in slide.placeholders)
    cover = next(s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Cover fills"))
    [picture] = _pictures(cover)
    x, _, w, _ = _layout_frame(cover, 1)
    # cover fills the placeholder's width (cropped), the caption-less frame down to its foot
    assert abs(picture.left - x) <= EMU and abs(picture.width - w) <= EMU
    assert picture.crop_left + picture.crop_right + picture.crop_top + picture.crop_bottom > 0
    contain = next(s for s in prs.slides if s.shapes.title.text_frame.text.startswith("A picture keeps"))
    captions = [s for s in contain.shapes if s.has_text_frame and "Contain shows" in s.text_frame.text]
    assert captions and captions[0].top >= _pictures(contain)[0].top + _pictures(contain)[0].height


def test_on_a_content_layout_the_picture_goes_into_its_content_placeholder(tmp_path):
    prs = _build(tmp_path, PICTURES, "rstudio-rmarkdown.potx")
    images = [s for s in prs.slides if _pictures(s)]
    assert len(images) == 2
    for slide in images:
        [picture] = _pictures(slide)
        assert picture.is_placeholder and picture.placeholder_format.idx == 1
        assert _inside(picture, _layout_frame(slide, 1))


def test_a_picture_layout_named_in_the_outline_holds_the_picture_below_the_headline(tmp_path):
    outline = PICTURES.replace("language: en\n", "language: en\nlayouts: {image: Picture with Caption}\n")
    prs = _build(tmp_path, outline, "pptx-default.pptx")
    images = [s for s in prs.slides if s.slide_layout.name == "Picture with Caption"]
    assert len(images) == 2
    for slide in images:
        [picture] = _pictures(slide)
        assert picture.is_placeholder and picture.placeholder_format.type == 18  # PICTURE
        x, y, w, h = _layout_frame(slide, 1)
        title = slide.shapes.title
        assert picture.top >= title.top + title.height
        assert picture.left >= x - EMU and picture.left + picture.width <= x + w + EMU
        assert all(_filled(ph, picture) for ph in slide.placeholders)


# --- charts and tables -----------------------------------------------------------------------------

EVIDENCE = (FIXTURES / "valid" / "evidence.yaml").read_text(encoding="utf-8")


def _frames(slide) -> list:
    return [shape for shape in slide.shapes if shape._element.tag.endswith("}graphicFrame")]


def _layout(name: str, kind: str) -> str:
    return choose_layouts(read(TEMPLATES / name, name, failing(name))).layout_for(kind).name


@pytest.mark.parametrize("name, content", [("pptx-default.pptx", "Title and Content"),
                                           ("dutch-layouts.pptx", "Titel en object"),
                                           ("consulting-ja.potx", "目次")])
def test_chart_and_table_slides_take_the_content_layout(name, content):
    # as a PowerPoint user puts a chart or a table: into the content layout, not under a title only
    assert _layout(name, "chart") == _layout(name, "table") == _layout(name, "bullets") == content
    assert _layout(name, "stats") != content  # what deck draws itself still takes the title layout


def test_a_content_layout_whose_headline_stands_elsewhere_leaves_charts_on_the_title_layout():
    from dataclasses import replace

    from deck.look.template.model import Master

    name = "pptx-default.pptx"
    template = read(TEMPLATES / name, name, failing(name))

    def lowered(layout):
        if layout.name != "Title and Content":
            return layout
        moved = tuple(replace(p, box=p.box._replace(y=p.box.y + 40)) if p.is_title and p.box else p
                      for p in layout.placeholders)
        return replace(layout, placeholders=moved)

    masters = tuple(Master(m.name, tuple(lowered(layout) for layout in m.layouts)) for m in template.masters)
    chosen = choose_layouts(replace(template, masters=masters))
    assert chosen.layout_for("bullets").name == "Title and Content"
    # the chart slides keep their headline where every other slide drawn under one has it
    assert chosen.layout_for("chart").name == chosen.layout_for("table").name == "Title Only"


@pytest.mark.parametrize("name", ["pptx-default.pptx", "martin-template.pptx", "rstudio-rmarkdown.potx"])
def test_a_chart_or_table_is_the_content_placeholders_own_content(tmp_path, name):
    prs = _build(tmp_path, EVIDENCE, name)
    framed = [slide for slide in prs.slides if _frames(slide)]
    assert len(framed) == 6  # four charts, a table that continues once
    for slide in framed:
        [frame] = _frames(slide)
        # the frame carries the placeholder's reference, as PowerPoint's Insert Chart and Insert Table make it
        assert frame.is_placeholder and frame.placeholder_format.idx == 1
        assert frame._element.xpath("./p:nvGraphicFramePr/p:cNvGraphicFramePr/a:graphicFrameLocks/@noGrp") == ["1"]
        assert _inside(frame, _layout_frame(slide, 1))
        assert frame.top >= slide.shapes.title.top + slide.shapes.title.height  # under the headline
        # no placeholder is left empty (the content placeholder is the frame itself)
        for ph in slide.placeholders:
            assert ph.shape_id == frame.shape_id or ph.has_text_frame and (
                ph.text_frame.text.strip() or ph._element.xpath(".//a:fld")), ph.name
        assert not [ph for ph in slide.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.OBJECT
                    and ph.shape_id != frame.shape_id]


def test_the_frame_keeps_the_size_deck_measured(tmp_path):
    """A frame in a placeholder is as big as deck laid it out: the same as drawn on a title-only
    layout (a table as wide as its columns, not the placeholder)."""
    for folder in ("placed", "drawn"):
        (tmp_path / folder).mkdir()
    placed = _build(tmp_path / "placed", EVIDENCE, "pptx-default.pptx")
    drawn = _build(tmp_path / "drawn", EVIDENCE.replace("source: The test suite\n", "source: The test suite\n"
                                                        "layouts: {chart: Title Only, table: Title Only}\n"),
                   "pptx-default.pptx")

    def boxes(prs) -> list[tuple]:
        return [(f.name, f.left, f.top, f.width, f.height) for slide in prs.slides for f in _frames(slide)]

    assert [s.slide_layout.name for s in drawn.slides if _frames(s)] == ["Title Only"] * 6
    assert not any(f.is_placeholder for s in drawn.slides for f in _frames(s))
    assert boxes(placed) == boxes(drawn)
    table = next(f for s in placed.slides for f in _frames(s) if f.has_table)
    assert table.width == sum(column.width for column in table.table.columns)
    assert table.width < _layout_frame(placed.slides[11], 1)[2]


def test_a_text_only_body_placeholder_takes_no_chart(tmp_path):
    """A content layout whose body is a text placeholder (type body): PowerPoint puts no chart in
    one, so deck draws the chart under the headline and removes the empty placeholder."""
    prs = _build(tmp_path, EVIDENCE, "consulting-ja.potx")
    framed = [slide for slide in prs.slides if _frames(slide)]
    assert len(framed) == 6 and {slide.slide_layout.name for slide in framed} == {"目次"}
    for slide in framed:
        assert not any(frame.is_placeholder for frame in _frames(slide))
        assert all(ph.has_text_frame and ph.text_frame.text.strip() for ph in slide.placeholders)


# --- compare ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["pptx-default.pptx", "rstudio-rmarkdown.potx", "dutch-layouts.pptx"])
def test_compare_columns_stand_in_the_two_content_placeholders(tmp_path, name):
    prs = _build(tmp_path, COMPARE, name)
    compares = [s for s in prs.slides if s.shapes.title.text_frame.text.startswith(("Old and new", "A long"))]
    assert len(compares) >= 3  # the long comparison continues
    for slide in compares:
        columns = sorted((ph for ph in slide.placeholders if ph.placeholder_format.type == 7),  # OBJECT
                         key=lambda ph: ph.left)
        assert len(columns) == 2, [ph.name for ph in slide.placeholders]
        left, right = (ph.text_frame.text.split("\n") for ph in columns)
        # each column's heading leads its own placeholder's text, its bullets follow
        assert left[0] in ("Old", "Before the change") and right[0] in ("New", "After the change")
        assert len(left) > 1 and len(right) > 1
        # laid out in the layout's boxes: the placeholders keep the layout's frames across
        for ph in columns:
            x, y, w, h = _layout_frame(slide, ph.placeholder_format.idx)
            assert abs(ph.left - x) <= EMU and abs(ph.width - w) <= EMU
            assert ph.top >= y - EMU and ph.top + ph.height <= y + h + EMU
        # no column text is drawn beside the placeholders; each heading keeps its rule
        assert not [s for s in slide.shapes if not s.is_placeholder and s.has_text_frame and s.text_frame.text
                    and s.name in ("Heading", "Column")]
        assert len([s for s in slide.shapes if s.name == "Rule"]) == 2


def test_compare_on_a_layout_without_two_columns_draws_its_own(tmp_path):
    prs = _build(tmp_path, COMPARE, "iltci-libreoffice.pptx")
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Old and new"))
    assert {s.name for s in slide.shapes if not s.is_placeholder} >= {"Heading", "Column", "Rule"}


def test_a_comparison_prefers_columns_of_equal_width():
    from deck.look.template.capability import judge
    from deck.look.template.model import Layout, Placeholder
    from deck.plan import Box

    def layout(left: float, right: float) -> Layout:
        title = Placeholder("title", 0, "Title", Box(36, 20, 648, 60))
        columns = (Placeholder("obj", 1, "Left", Box(36, 120, left, 300)),
                   Placeholder("obj", 2, "Right", Box(684 - right, 120, right, 300)))
        return Layout(0, 0, "two", (title, *columns), "FFFFFF")

    def two(found: Layout) -> float:
        return next(fit.score for fit in judge(found, 720, 540)[0] if fit.role == "two")

    # both sides weigh the same: a 2:1 split counts its narrower column twice
    assert two(layout(316, 316)) > two(layout(420, 212))
