"""The built deck, structurally: golden dumps, the design rules that are facts, validity."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu
from support.audit import audit
from support.dump import compare_with_golden

from deck import package
from deck.build import build
from deck.outline.model import SLIDE_KINDS

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("every") / "every.pptx"
    build(FIXTURES / "valid" / "every-kind.yaml", out)
    return out


def test_every_kind_matches_golden(every_kind, update_golden):
    compare_with_golden(every_kind, GOLDEN / "every-kind.json", update_golden)


def test_shipped_deck_matches_golden(shipped_deck, update_golden):
    compare_with_golden(shipped_deck, GOLDEN / "social-enterprise.json", update_golden)


def test_shipped_deck_has_the_whole_argument(shipped_deck):
    prs = Presentation(str(shipped_deck))
    slides = list(prs.slides)
    assert len(slides) >= 20
    assert prs.slide_width == Emu(12192000) and prs.slide_height == Emu(6858000)  # 16:9
    titles = [s.shapes.title.text_frame.text for s in slides]
    dividers = [t for t in titles if t in ("De belofte", "De noodzaak", "De impact", "De uitrol",
                                           "De valkuilen", "Leiderschap")]
    assert dividers == ["De belofte", "De noodzaak", "De impact", "De uitrol", "De valkuilen", "Leiderschap"]
    for slide in slides:
        assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip()


def test_every_slide_has_a_unique_real_title(every_kind, shipped_deck):
    for deck in (every_kind, shipped_deck):
        titles = []
        for slide in Presentation(str(deck)).slides:
            title = slide.shapes.title
            assert title is not None and title.is_placeholder and title.text_frame.text.strip()
            titles.append(title.text_frame.text)
        assert len(titles) == len(set(titles)), titles


def test_every_run_has_explicit_size_font_and_language(every_kind):
    prs = Presentation(str(every_kind))
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text:
                continue
            body = shape.text_frame._txBody.bodyPr
            assert body.find("{http://schemas.openxmlformats.org/drawingml/2006/main}noAutofit") is not None
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run.font.size is not None and run.font.name == "Calibri"
                    assert run._r.rPr.get("lang") == "en"


def test_text_sizes_respect_the_floors(shipped_deck):
    """Body text never under 24 pt, headlines never under 28, footers never under 12."""
    for slide in Presentation(str(shipped_deck)).slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            sizes = [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs]
            if shape.is_placeholder and shape.placeholder_format.idx == 0 and shape.name == "Title 1":
                continue  # a quote's kicker title is checked by the golden dump
            assert all(size >= 12 for size in sizes)
            if shape.name == "Body":
                assert all(size >= 24 for size in sizes), (slide.slide_id, sizes)


def test_core_properties(shipped_deck):
    props = Presentation(str(shipped_deck)).core_properties
    assert props.title == "Social enterprise" and props.language == "nl"
    assert props.subject
    # The shipped outline leaves `author:` to the presenter: no placeholder name in the file.
    assert props.author == ""


def test_validity(every_kind, shipped_deck, tmp_path):
    for deck in (every_kind, shipped_deck):
        data = deck.read_bytes()
        assert package.check(data) == []
        assert audit(deck) == []
        names = zipfile.ZipFile(deck).namelist()
        assert len(names) == len(set(names))


def test_same_outline_same_bytes(tmp_path):
    a, b = tmp_path / "a.pptx", tmp_path / "b.pptx"
    build(ROOT / "outline.yaml", a)
    build(ROOT / "outline.yaml", b)
    assert a.read_bytes() == b.read_bytes()


def test_fixtures_cover_every_kind():
    text = "".join((FIXTURES / "valid" / name).read_text() for name in ("every-kind.yaml", "evidence.yaml"))
    for kind in SLIDE_KINDS:
        assert kind == "bullets" or f"kind: {kind}" in text


def test_layouts_fit_the_wide_slide(shipped_deck):
    """A slide a presenter adds by hand in PowerPoint gets its placeholders from the layouts:
    stretched to 16:9 once, inside the slide, none of zero height."""
    prs = Presentation(str(shipped_deck))
    width, height = prs.slide_width, prs.slide_height
    assert width * 9 == height * 16
    assert prs.part._element.find("{*}sldSz").get("type") is None
    placeholders = [ph for layout in prs.slide_layouts for ph in layout.placeholders]
    assert len(placeholders) > 30
    for ph in placeholders:
        assert 0 <= ph.left and ph.left + ph.width <= width, (ph.part.partname, ph.name)
        assert 0 <= ph.top and ph.top + ph.height <= height and ph.height > 0, (ph.part.partname, ph.name)
    wide = [layout.placeholders[0] for layout in prs.slide_layouts if layout.name in ("Title Slide", "Title Only")]
    assert len(wide) == 2 and all(ph.width > width * 0.8 for ph in wide)  # stretched, not left at 4:3


def test_slides_added_by_hand_take_the_decks_headline_and_column(shipped_deck):
    """The master's headline is the deck's (left, bold, 36 pt, on the content column, where deck
    puts headlines), and no content placeholder of a layout sits under a two-line headline."""
    from deck.look.theme import STYLES

    prs = Presentation(str(shipped_deck))
    ours = next(s for s in prs.slides if s.slide_layout.name == "Title Only").shapes.title
    master = prs.slide_master
    style = master._element.find(".//{*}titleStyle/{*}lvl1pPr")
    assert style.get("algn") == "l"
    run = style.find("{*}defRPr")
    assert run.get("sz") == str(STYLES["title"].size * 100) and run.get("b") == "1"
    footer_row = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
    checked = 0
    for layout in prs.slide_layouts:
        title = next((ph for ph in layout.placeholders if ph.placeholder_format.idx == 0), None)
        if title is None or title._element.find(".//{*}xfrm") is not None:
            continue  # no title, or a title of its own (title slide, section header, captions)
        assert (title.left, title.top, title.width) == (ours.left, ours.top, ours.width), layout.name
        for ph in layout.placeholders:
            if ph.placeholder_format.idx != 0 and ph.placeholder_format.type not in footer_row:
                assert ph.top >= title.top + title.height, (layout.name, ph.name)
        checked += 1
    assert checked >= 5  # title and content, two content, comparison, title only, vertical text
