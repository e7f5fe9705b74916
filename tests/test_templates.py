"""Corporate templates: real files of different origin (tests/fixtures/templates/README.md).

The shipped outline builds on each; every output passes the validity checks and keeps the
template's canvas, masters and footer; a golden dump per template records which layout each
slide used. tests/test_template_outlines.py proves more outlines on each, and draws them.
"""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from support.audit import audit

from deck import package
from deck.build import build
from deck.errors import DeckError
from deck.look.template.load import failing
from deck.look.template.read import read
from deck.look.template.roles import KINDS, choose_layouts
from deck.options import BuildOptions

TEMPLATES = FIXTURES / "templates"
GOLDEN = Path(__file__).resolve().parent / "golden" / "templates"
NAMES = sorted(p.name for p in TEMPLATES.iterdir() if p.suffix in (".pptx", ".potx"))
SAMPLE_TEXTS = ("Voorbeelddia", "Verwijder mij", "Notities bij het voorbeeld")


@pytest.fixture(params=NAMES)
def built(request, template_decks) -> tuple[str, Path]:
    return request.param, template_decks.deck(request.param, "shipped")


def _template(name: str):
    file = TEMPLATES / name
    return choose_layouts(read(file, name, failing(name)))


def _outline(tmp_path: Path, extra: str = "", theme: str | None = None) -> Path:
    text = (ROOT / "tests" / "fixtures" / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    if theme:
        text = f"theme: {theme}\n" + text
    path = tmp_path / "outline.yaml"
    path.write_text(text + extra, encoding="utf-8")
    return path


# --- every template: the shipped deck on it ------------------------------------------------------

def test_the_deck_passes_every_validity_check(built):
    name, deck = built
    data = deck.read_bytes()
    assert package.check(data) == []
    assert audit(deck) == []
    prs = Presentation(str(deck))
    with zipfile.ZipFile(deck) as z:
        slide_parts = [n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
        notes_parts = [n for n in z.namelist() if re.fullmatch(r"ppt/notesSlides/notesSlide\d+\.xml", n)]
        everything = b"".join(z.read(n) for n in z.namelist() if n.endswith(".xml"))
    # the template's sample slides are gone without a trace: parts, notes, shows, sections
    assert len(slide_parts) == len(notes_parts) == len(prs.slides)
    for text in SAMPLE_TEXTS:
        assert text.encode() not in everything
    presentation = prs.part._element
    assert presentation.find("{http://schemas.openxmlformats.org/presentationml/2006/main}custShowLst") is None
    assert b"p14:sectionLst" not in everything


# Templates on which the shipped deck does not yet keep every promise of the test below.


def test_the_deck_keeps_the_templates_canvas_masters_and_titles(built):
    name, deck = built
    template = Presentation(str(TEMPLATES / name)) if name.endswith(".pptx") else None
    prs = Presentation(str(deck))
    if template is not None:
        assert (prs.slide_width, prs.slide_height) == (template.slide_width, template.slide_height)
        assert [m.name for m in prs.slide_layouts] == [m.name for m in template.slide_layouts]
    width, height = prs.slide_width, prs.slide_height
    titles = []
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder and title.text_frame.text.strip()
        titles.append(title.text_frame.text)
        for shape in slide.shapes:
            # everything lies on the slide, whatever its size (a 4:3 template has a 4:3 grid)
            assert shape.left >= 0 and shape.top >= 0, (shape.name, title.text_frame.text)
            assert shape.left + shape.width <= width + 12700 and shape.top + shape.height <= height + 12700, \
                (name, title.text_frame.text, shape.name)
            if shape.is_placeholder and shape.has_text_frame:
                # no empty placeholder left to say "Click to add text"
                assert shape.text_frame.text.strip(), (title.text_frame.text, shape.name)
    assert len(titles) == len(set(titles))


def test_content_slides_carry_the_layouts_footer_and_slide_number(built):
    name, deck = built
    prs = Presentation(str(deck))
    content = prs.slides[1]  # the agenda
    layout_types = {ph.placeholder_format.type for ph in content.slide_layout.placeholders}
    slide_types = {ph.placeholder_format.type: ph for ph in content.placeholders}
    # a master that numbers its slides in a text box of its own keeps that number alone
    if PP_PLACEHOLDER.SLIDE_NUMBER in layout_types and "sldNum" not in _template(name).layout_for("agenda").draws:
        number = slide_types[PP_PLACEHOLDER.SLIDE_NUMBER]
        assert number._element.xpath(".//a:fld[@type='slidenum']")
        assert number.text_frame.text == "2"
    if PP_PLACEHOLDER.FOOTER in layout_types:
        assert "Rosman" in slide_types[PP_PLACEHOLDER.FOOTER].text_frame.text


def test_which_layout_each_slide_used_matches_golden(built, update_golden):
    name, deck = built
    prs = Presentation(str(deck))
    template = _template(name)
    actual = {
        "template": name,
        "size": [round(prs.slide_width / 12700, 2), round(prs.slide_height / 12700, 2)],
        "roles": {kind: template.layout_for(kind).name for kind in KINDS},
        "slides": [f"{s.slide_layout.name} | {s.shapes.title.text_frame.text}" for s in prs.slides],
    }
    golden = GOLDEN / f"{Path(name).stem}-{Path(name).suffix[1:]}.json"
    if update_golden or not golden.exists():
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{golden.name} did not exist; written now: review it and run again")
    assert actual == json.loads(golden.read_text(encoding="utf-8")), \
        f"{golden.name} differs (pytest --update-golden rewrites it)"


# --- choosing layouts ------------------------------------------------------------------------------

def test_layouts_are_chosen_by_their_contents_not_names_or_order():
    template = _template("dutch-layouts.pptx")  # Dutch names, in reverse order
    chosen = {kind: template.layout_for(kind).name for kind in KINDS}
    assert chosen["title"] == chosen["closing"] == "Titeldia"
    assert chosen["divider"] == "Sectiekop"
    assert chosen["bullets"] == "Titel en object"
    assert chosen["compare"] == "Twee objecten"
    assert chosen["stats"] == chosen["agenda"] == chosen["quote"] == "Alleen titel"


def test_a_layout_made_for_a_role_comes_first_among_those_that_qualify():
    """A Google Slides export: its BIG_NUMBER layout also qualifies as a section, with more room,
    but the layout its author typed as a section header is the section; the same for its cover."""
    template = _template("gslides-export.pptx")
    assert template.layout_for("divider").name == "SECTION_HEADER"
    assert template.layout_for("title").name == "TITLE"


def test_without_a_section_layout_dividers_take_another_cover_than_the_title_slide():
    """A university template with a clean and a filled variant of its cover and no section layout:
    the title slide takes the clean one, dividers the filled one, so a new section looks like one."""
    template = _template("ufrj-mecanon-pt.potx")
    title, divider = template.layout_for("title"), template.layout_for("divider")
    assert divider is not title
    assert "Limpo" in title.name and "Preenchido" in divider.name
    # with one cover only, dividers share it
    single = _template("consulting-ja.potx")
    assert single.layout_for("divider") is single.layout_for("title")


def test_layouts_with_extra_placeholders_still_serve_their_roles():
    """A cover with places for author, organisation and date (its subtitle a body placeholder) and
    a content layout with a small source line are cover and content all the same."""
    template = _template("extra-placeholders.pptx")
    assert template.layout_for("title").name == template.layout_for("closing").name == "Title Slide"
    assert template.layout_for("bullets").name == "Title and Content"
    assert template.layout_for("divider").name == "Section Header"
    assert template.layout_for("compare").name == "Two Content"


def test_the_layout_whose_content_area_gets_most_of_the_slide_wins():
    from deck.look.template.capability import judge

    template = _template("pptx-default.pptx")
    two = [layout for layout in template.layouts if layout.name in ("Two Content", "Comparison")]
    scores = {layout.name: judge(layout, template.width, template.height)[0][0] for layout in two}
    assert scores["Two Content"].role == scores["Comparison"].role == "two"
    assert scores["Two Content"].score > scores["Comparison"].score
    assert template.layout_for("compare").name == "Two Content"


def test_the_cover_fills_the_templates_own_places_and_leaves_no_placeholder_empty(tmp_path):
    outline = _outline(tmp_path).read_text(encoding="utf-8").replace(
        "language: nl\n", "language: nl\nsubtitle: Wat het belooft\nauthor: Anna de Vries\n"
        "organization: Acme\ndate: 1 maart 2026\n")
    (tmp_path / "outline.yaml").write_text(outline, encoding="utf-8")
    out = tmp_path / "deck.pptx"
    build(tmp_path / "outline.yaml", out, options=BuildOptions(template=TEMPLATES / "extra-placeholders.pptx"))
    prs = Presentation(str(out))
    cover = {ph.placeholder_format.idx: ph.text_frame.text for ph in prs.slides[0].placeholders}
    assert cover == {0: "Social enterprise", 10: "Wat het belooft", 11: "Anna de Vries", 12: "Acme",
                     13: "1 maart 2026"}
    for slide in prs.slides:
        for ph in slide.placeholders:
            assert ph.text_frame.text.strip() or ph._element.xpath(".//a:fld"), (slide.slide_layout.name, ph.name)
    # the source line's place on content slides is removed, not left to show its prompt
    bullets = next(s for s in prs.slides if s.slide_layout.name == "Title and Content")
    assert 13 not in {ph.placeholder_format.idx for ph in bullets.placeholders}


def test_a_subtitle_too_long_for_its_small_place_takes_the_room_under_the_title(tmp_path):
    outline = _outline(tmp_path).read_text(encoding="utf-8").replace(
        "language: nl\n", "language: nl\nsubtitle: " + "Een lange ondertitel die meer dan een regel nodig heeft " * 2
        + "\nauthor: Anna de Vries\n")
    (tmp_path / "outline.yaml").write_text(outline, encoding="utf-8")
    out = tmp_path / "deck.pptx"
    build(tmp_path / "outline.yaml", out, options=BuildOptions(template=TEMPLATES / "extra-placeholders.pptx"))
    texts = [ph.text_frame.text for ph in Presentation(str(out)).slides[0].placeholders]
    assert len(texts) == 2 and "Anna de Vries" in texts[1] and texts[1].startswith("Een lange")


def test_a_potx_reads_like_its_pptx():
    potx, pptx = _template("martin-template.potx"), _template("martin-template.pptx")
    assert potx.format == "potx" and pptx.format == "pptx"
    assert potx.mapping == pptx.mapping and potx.masters == pptx.masters


def test_the_outline_can_name_layouts(tmp_path):
    shutil_copy(TEMPLATES / "dutch-layouts.pptx", tmp_path / "huisstijl.pptx")
    outline = _outline(tmp_path, "layouts:\n  bullets: Alleen titel\n  title: Sectiekop\n", "huisstijl.pptx")
    out = tmp_path / "deck.pptx"
    build(outline, out)
    used = [s.slide_layout.name for s in Presentation(str(out)).slides]
    assert used[0] == "Sectiekop"
    assert "Titel en object" not in used


@pytest.mark.parametrize("mapping, message", [
    ("bullets: Titel en tekst", r"layouts\.bullets: the template has no layout named 'Titel en tekst'"),
    ("slides: Leeg", r"layouts\.slides: 'slides' is not a slide kind"),
    ("bullets: Leeg", r"layouts\.bullets: layout 'Leeg' has no title placeholder"),
])
def test_a_wrong_layout_name_is_an_error_at_its_line(tmp_path, mapping, message):
    shutil_copy(TEMPLATES / "dutch-layouts.pptx", tmp_path / "huisstijl.pptx")
    outline = _outline(tmp_path, f"layouts:\n  {mapping}\n", "huisstijl.pptx")
    with pytest.raises(DeckError, match=r"outline\.yaml:\d+: " + message) as err:
        build(outline, tmp_path / "deck.pptx")
    assert err.value.problems[0].hint
    assert not (tmp_path / "deck.pptx").exists()


def test_the_template_measures_with_its_own_placeholder_sizes(tmp_path):
    template = _template("rmd-bank.pptx")  # 4:3, 44 pt titles in a 648 pt wide placeholder
    from deck.look.template.theme import theme_from

    theme = theme_from(template)
    content = template.layout_for("bullets")
    assert theme.geometry.width == 720 and theme.geometry.height == 540
    assert theme.geometry.title == content.title.box
    assert theme.style("title").size == 44
    assert theme.geometry.content_w == content.contents[0].box.w


# --- templates that cannot serve ---------------------------------------------------------------------

def _no_titles(path: Path) -> None:
    prs = Presentation()
    for layout in prs.slide_layouts:
        for shape in list(layout.placeholders):
            if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                shape._element.getparent().remove(shape._element)
    prs.save(path)


def _no_layouts(path: Path) -> None:
    prs = Presentation()
    for layout in list(prs.slide_layouts):
        prs.slide_layouts.remove(layout)
    prs.save(path)


def test_a_template_without_any_title_placeholder_gets_one_on_each_layout(tmp_path):
    """A Keynote export may have one blank layout: deck adds a title placeholder at the top of each
    layout (in the master's title style), says so, and every slide has a real title."""
    _no_titles(tmp_path / "untitled.pptx")
    out = tmp_path / "deck.pptx"
    result = build(_outline(tmp_path), out, options=BuildOptions(template=tmp_path / "untitled.pptx"))
    assert any("has no layout with a title placeholder: deck added one" in n.message for n in result.notices)
    prs = Presentation(str(out))
    for slide in prs.slides:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder and title.text_frame.text.strip()
        assert title.top < prs.slide_height / 4
    for layout in prs.slide_layouts:
        assert any(ph.placeholder_format.type == PP_PLACEHOLDER.TITLE for ph in layout.placeholders)


def _ole(path: Path, encrypted: bool) -> None:
    # An OLE compound file: the header, and for a password-protected OOXML file the stream
    # names PowerPoint writes in its directory.
    body = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    names = ("EncryptionInfo", "EncryptedPackage") if encrypted else ("PowerPoint Document", "Current User")
    for stream in names:
        body += stream.encode("utf-16-le").ljust(128, b"\0")
    path.write_bytes(body)


@pytest.mark.parametrize("name, make, message", [
    ("missing.pptx", None, "no such file"),
    ("old.ppt", lambda p: _ole(p, encrypted=False), r"is a PowerPoint 97-2003 file"),
    ("locked.pptx", lambda p: _ole(p, encrypted=True), r"is password-protected"),
    ("damaged.pptx", lambda p: p.write_bytes((TEMPLATES / "pptx-default.pptx").read_bytes()[:5000]),
     r"is not a PowerPoint file, or it is damaged"),
    ("notes.pptx", lambda p: p.write_text("just text"), r"is not a PowerPoint file, or it is damaged"),
    ("untitled.pptx", _no_layouts, r"has no slide layout with a title placeholder"),
])
def test_a_template_that_cannot_serve_is_a_clear_error_and_nothing_is_written(tmp_path, name, make, message):
    if make:
        make(tmp_path / name)
    outline = _outline(tmp_path, theme=name)
    out = tmp_path / "deck.pptx"
    out.write_bytes(b"the previous deck")
    with pytest.raises(DeckError, match=message) as err:
        build(outline, out)
    assert err.value.problems[0].hint
    assert out.read_bytes() == b"the previous deck"
    # the same through --template (a path from the command line, not the outline)
    if make:
        with pytest.raises(DeckError, match=message):
            build(_outline(tmp_path), out, options=BuildOptions(template=tmp_path / name))


def test_an_outline_theme_file_is_reported_at_its_line(tmp_path):
    outline = _outline(tmp_path, theme="missing.potx")
    with pytest.raises(DeckError, match=r"outline\.yaml:1: theme: no such file"):
        build(outline, tmp_path / "deck.pptx")


def test_inspect_lists_layouts_placeholders_and_the_mapping(tmp_path):
    from deck.look.template.read import inspect

    lines, error = inspect(TEMPLATES / "dutch-layouts.pptx")
    text = "\n".join(lines)
    assert error is None
    assert "layout 'Titeldia'  [cover]" in text
    assert "serves no role: no title placeholder" in text  # Leeg
    assert re.search(r"two +'Twee objecten' \d+%; then 'Vergelijking' \d+% \(less room\)", text)
    assert re.search(r"ctrTitle idx 0 +\d", text)
    assert re.search(r"bullets +Titel en object", text)
    _no_layouts(tmp_path / "empty.pptx")
    lines, error = inspect(tmp_path / "empty.pptx")
    assert lines and isinstance(error, DeckError)
    _no_titles(tmp_path / "untitled.pptx")
    lines, error = inspect(tmp_path / "untitled.pptx")
    assert error is None and any("deck added one at the top of each layout" in line for line in lines)


def shutil_copy(src: Path, dst: Path) -> None:
    dst.write_bytes(src.read_bytes())


def test_the_command_line_takes_a_template_and_inspects_one(tmp_path):
    from typer.testing import CliRunner

    from deck.cli import app

    runner = CliRunner()
    out = tmp_path / "deck.pptx"
    result = runner.invoke(app, ["build", str(ROOT / "tests" / "fixtures" / "valid" / "minimal.yaml"), "-o", str(out),
                                 "--template", str(TEMPLATES / "martin-template.potx")])
    assert result.exit_code == 0, result.output
    assert {s.slide_layout.name for s in Presentation(str(out)).slides} >= {"Title Slide", "Title and Content"}
    result = runner.invoke(app, ["check", str(ROOT / "outline.yaml"), "--template", str(TEMPLATES / "rmd-bank.pptx")])
    assert result.exit_code == 0, result.output
    outlines = [tmp_path / "acme.yaml", tmp_path / "globex.yaml"]
    for path in outlines:
        path.write_text((ROOT / "tests" / "fixtures" / "valid" / "minimal.yaml").read_text("utf-8")
                        + "        notes: Wat de klant ervan merkt.\n", "utf-8")  # clean for --strict
    result = runner.invoke(app, ["build", *map(str, outlines), "-o", str(tmp_path / "decks"), "--strict",
                                 "--jobs", "1", "--template", str(TEMPLATES / "martin-template.potx")])
    assert result.exit_code == 0, result.output
    for name in ("acme", "globex"):
        layouts = {s.slide_layout.name for s in Presentation(str(tmp_path / "decks" / f"{name}.pptx")).slides}
        assert layouts >= {"Title Slide", "Title and Content"}
    result = runner.invoke(app, ["template", "inspect", str(TEMPLATES / "martin-template.pptx")])
    assert result.exit_code == 0, result.output
    assert "layout 'Two Content'  [two]" in result.stdout and "what deck takes from it:" in result.stdout
    result = runner.invoke(app, ["template", "inspect", str(tmp_path / "nothing.pptx")])
    assert result.exit_code == 1 and "no such template file" in result.output


def test_a_title_placeholder_with_an_index_of_its_own_still_takes_the_title(tmp_path):
    """Layouts are chosen by placeholder type; a template may give its title an index other than
    0 (python-pptx finds a title by index 0 only)."""
    numbered = tmp_path / "numbered.pptx"
    with zipfile.ZipFile(TEMPLATES / "pptx-default.pptx") as src, zipfile.ZipFile(numbered, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("ppt/slideLayouts/slideLayout"):
                body = re.sub(rb'<p:ph type="(title|ctrTitle)"', rb'<p:ph type="\1" idx="13"', body)
            dst.writestr(info, body)
    out = tmp_path / "deck.pptx"
    build(FIXTURES / "valid" / "minimal.yaml", out, options=BuildOptions(template=numbered))
    slides = Presentation(str(out)).slides
    titles = [next(ph for ph in slide.placeholders if ph.placeholder_format.type in (PP_PLACEHOLDER.TITLE,
                                                                                    PP_PLACEHOLDER.CENTER_TITLE))
              for slide in slides]
    assert [t.placeholder_format.idx for t in titles] == [13] * len(slides)
    assert titles[0].text_frame.text == "Social enterprise"
    assert package.check(out.read_bytes()) == []


def test_a_notes_master_with_duplicate_shape_ids_still_builds(tmp_path):
    """Some writers (ONLYOFFICE) save a notes master whose shapes share an id; the notes pages are
    built on it, so deck renumbers it as it does masters and layouts."""
    prs = Presentation(str(TEMPLATES / "pptx-default.pptx"))
    ids = prs.notes_master._element.xpath(".//p:cNvPr")
    ids[1].set("id", ids[0].get("id"))
    prs.save(tmp_path / "notes.pptx")
    out = tmp_path / "deck.pptx"
    build(_outline(tmp_path), out, options=BuildOptions(template=tmp_path / "notes.pptx"))
    assert package.check(out.read_bytes()) == []


def test_a_slide_number_beside_the_title_does_not_cut_the_body_short(tmp_path):
    from pptx.util import Pt

    from deck.look.template.theme import theme_from

    prs = Presentation(str(TEMPLATES / "pptx-default.pptx"))
    for layout in prs.slide_layouts:
        for shape in layout.placeholders:
            if shape.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER:
                shape.left, shape.top, shape.width, shape.height = Pt(620), Pt(30), Pt(80), Pt(80)
    prs.save(tmp_path / "number-on-top.pptx")
    template = choose_layouts(read(tmp_path / "number-on-top.pptx", "number-on-top.pptx", failing("t")))
    geometry = theme_from(template).geometry
    body = template.layout_for("bullets").contents[0].box
    assert geometry.body_bottom == body.bottom


def test_a_source_follows_a_slide_number_that_stands_at_the_left():
    """A Google Slides export puts the number in the left margin: the source line stands to its
    right, across the content column, not in the sliver left of it."""
    from deck.look.template.theme import theme_from

    g = theme_from(_template("gslides-export.pptx")).geometry
    assert g.number.right < g.source.x and g.source.right == pytest.approx(g.left + g.content_w)
    assert g.source.w > g.content_w * 0.8
