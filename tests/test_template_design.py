"""A template's own design on real decks: its colours judged against what really stands behind
each text (title bars, bands, pictures, placeholder fills), its insets and capitals kept, no
second slide number or date where its master draws one, a number box wide enough."""
from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from lxml import etree
from pptx import Presentation
from pptx.util import Pt

from deck.build import build
from deck.look.colour import contrast
from deck.look.template.backdrop import GRID, Region, behind
from deck.look.template.load import failing
from deck.look.template.palette import worst
from deck.look.template.read import read
from deck.look.template.roles import choose_layouts
from deck.look.template.theme import theme_from
from deck.measure import fonts
from deck.ooxml import NS, qn
from deck.options import BuildOptions
from deck.plan import Box

TEMPLATES = FIXTURES / "templates"
NAMES = sorted(p.name for p in TEMPLATES.iterdir() if p.suffix in (".pptx", ".potx"))


def _template(name: str):
    return choose_layouts(read(TEMPLATES / name, name, failing(name)))


def _build(tmp_path: Path, name: str, template: Path | None = None) -> Path:
    out = tmp_path / f"{Path(name).stem}.pptx"
    build(ROOT / "outline.yaml", out, options=BuildOptions(template=template or TEMPLATES / name))
    return out


def _runs(shape) -> list:
    return list(shape._element.iter(qn("a:rPr")))


def _colour(r_pr) -> str:
    return r_pr.find("a:solidFill/a:srgbClr", NS).get("val")


# --- what stands behind a box ---------------------------------------------------------------------

def test_the_topmost_region_that_covers_a_box_hides_what_is_under_it():
    regions = (Region(Box(0, 0, 100, 100), ("FFFFFF",)), Region(Box(0, 0, 100, 20), ("595959",)))
    assert behind(regions, "EEEEEE", Box(10, 2, 80, 16)) == ["595959"]
    # a box half on the bar, half off it stands on both
    assert behind(regions, "EEEEEE", Box(10, 10, 80, 20)) == ["595959", "FFFFFF"]
    # a region behind a small corner of a box does not count; the background does
    assert behind(regions[1:], "EEEEEE", Box(0, 18, 100, 50)) == ["EEEEEE"]
    # a placeholder's own fill is what its text stands on
    assert behind(regions, "EEEEEE", Box(10, 2, 80, 16), ("1F3864",)) == ["1F3864"]


def test_a_picture_is_read_where_the_text_stands():
    # the top half black, the bottom half white
    grid = tuple("000000" if row < GRID // 2 else "FFFFFF" for row in range(GRID) for _ in range(GRID))
    picture = Region(Box(0, 0, 960, 540), grid=grid)
    assert behind((picture,), "808080", Box(100, 20, 500, 60)) == ["000000"]
    assert behind((picture,), "808080", Box(100, 400, 500, 60)) == ["FFFFFF"]
    # a picture whose colour cannot be read (a vector picture) leaves the background to judge
    assert behind((Region(Box(0, 0, 960, 540)),), "808080", Box(100, 400, 500, 60)) == ["808080"]


def test_the_title_bar_fixture_is_read_with_its_bars_and_bands():
    template = _template("title-bar.pptx")
    content = template.layout_for("bullets")
    assert content.behind(content.title.box, content.title) == ["595959"]
    cover = template.layout_for("title")
    assert cover.behind(cover.title.box, cover.title) == ["1F3864"]
    number = next(p for p in content.placeholders if p.type == "sldNum")
    assert content.behind(number.box, number) == ["1F3864"]


# --- colours: kept where they read, changed (and said) where they do not ----------------------------

def test_white_headlines_on_a_title_bar_stay_white(tmp_path):
    theme = theme_from(_template("title-bar.pptx"))
    assert theme.palette.heading == "FFFFFF"
    assert theme.palette.cover_title == "FFFFFF"  # on the title slide's navy panel
    deck = Presentation(str(_build(tmp_path, "title-bar.pptx")))
    titles = [_colour(r) for slide in deck.slides if slide.slide_layout.name in ("Title Only", "Title and Content")
              for r in _runs(slide.shapes.title)]
    assert titles and set(titles) == {"FFFFFF"}


def test_a_colour_that_does_not_read_is_changed_and_said(tmp_path):
    theme = theme_from(_template("title-bar.pptx"))
    notes = theme.template.colour_notes
    # dark footer text on the navy band, and the section header's white title on white
    assert any("footer colour #404040" in note and "#1F3864" in note for note in notes)
    assert any("divider's title colour #FFFFFF" in note for note in notes)
    assert contrast(theme.palette.footer, "1F3864") >= 4.5
    assert contrast(theme.palette.hex("divider_title"), "FFFFFF") >= 3
    # the headline colour is not mentioned: it reads on its bar
    assert not any("headline" in note for note in notes)
    # `deck check` says so too
    shutil.copy(TEMPLATES / "title-bar.pptx", tmp_path / "title-bar.pptx")
    outline = tmp_path / "outline.yaml"
    outline.write_text("theme: title-bar.pptx\n" + (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8"),
                       encoding="utf-8")
    checked = subprocess.run([sys.executable, "-m", "deck", "check", str(outline)], capture_output=True, text=True,
                             cwd=ROOT)
    assert "footer colour #404040" in checked.stdout, checked.stdout + checked.stderr


@pytest.mark.parametrize("name", NAMES)
def test_every_text_colour_reads_on_what_stands_behind_it(name):
    """The headline on the title placeholders of the content layouts (3:1 at 24 pt and more),
    the footer on the footer row, the body on the body area, the covers' titles and texts on
    theirs: never below WCAG's minimum against the real backdrop."""
    template = _template(name)
    theme = theme_from(template)
    p, g = theme.palette, theme.geometry
    content = template.layout_for("bullets")
    large = 3.0 if theme.style("title").size >= 24 else 4.5
    assert worst(p.hex("heading"), content.behind(g.title, content.title)) >= large
    for box in (g.source, g.number):
        assert worst(p.hex("footer"), content.behind(box)) >= 4.5
    body = Box(g.left, g.body_top, g.content_w, g.body_bottom - g.body_top)
    for role in ("ink", "muted", "accent"):
        assert worst(p.hex(role), content.behind(body)) >= 4.5, role
    cover, divider = template.layout_for("title"), template.layout_for("divider")
    assert worst(p.hex("cover_title"), cover.behind(g.covers.title, cover.title)) >= 3.0
    assert worst(p.hex("divider_title"), divider.behind(g.covers.divider_title, divider.title)) >= 3.0


# --- furniture the master draws itself ----------------------------------------------------------

def test_no_second_number_or_date_where_the_master_draws_them(tmp_path):
    template = _template("master-number.pptx")
    assert template.layout_for("bullets").draws == {"sldNum", "dt"}
    outline = tmp_path / "dated.yaml"
    outline.write_text("date: 1 December 2026\nsource: Quarterly review, finance team\n"
                       + (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "numbered.pptx"
    build(outline, out, options=BuildOptions(template=TEMPLATES / "master-number.pptx"))
    deck = Presentation(str(out))
    for slide in list(deck.slides)[1:]:  # the title slide names the date among author and organisation
        assert not slide._element.xpath(".//a:fld[@type='slidenum']"), slide.shapes.title.text_frame.text
        assert "1 December 2026" not in "".join(t.text or "" for t in slide._element.iter(qn("a:t")))
    master = deck.slide_master._element
    assert master.xpath(".//p:sp[not(.//p:ph)]//a:fld[@type='slidenum']")
    # the deck's source line keeps clear of the master's file name along the foot
    name = next(sp for sp in master.iter(qn("p:sp")) if sp.find(".//p:cNvPr", NS).get("name") == "File name")
    off = name.find(".//a:off", NS)
    left, right = int(off.get("x")), int(off.get("x")) + int(name.find(".//a:ext", NS).get("cx"))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.name.startswith("Footer") or shape.is_placeholder and shape.placeholder_format.type == 15:
                assert shape.left >= right or shape.left + shape.width <= left


def test_the_source_line_keeps_clear_of_a_logo_and_a_date_along_the_foot(tmp_path):
    """A template without a footer placeholder, with its logo along the foot beside its date and
    number placeholders: deck's own source line takes the room they leave."""
    import io

    from PIL import Image

    prs = Presentation(str(TEMPLATES / "pptx-default.pptx"))
    logo = io.BytesIO()
    Image.new("RGB", (160, 40), (0, 80, 120)).save(logo, "PNG")
    for layout in prs.slide_layouts:
        for ph in list(layout.placeholders):
            if ph.placeholder_format.type == 15:  # the footer placeholder
                ph._element.getparent().remove(ph._element)
        if layout.name == "Title and Content":
            logo.seek(0)
            _, rid = layout.part.get_or_add_image_part(logo)
            layout._element.find("p:cSld/p:spTree", NS).append(etree.fromstring(
                f'<p:pic xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}" xmlns:r="{NS["r"]}"><p:nvPicPr>'
                '<p:cNvPr id="90" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
                f'<p:blipFill><a:blip r:embed="{rid}"/><a:stretch/></p:blipFill><p:spPr><a:xfrm>'
                f'<a:off x="{Pt(220)}" y="{Pt(495)}"/><a:ext cx="{Pt(100)}" cy="{Pt(40)}"/></a:xfrm>'
                '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'))
    template = tmp_path / "logo.pptx"
    prs.save(template)
    outline = tmp_path / "sourced.yaml"
    outline.write_text("date: 1 December 2026\nsource: Quarterly review, finance team\n"
                       + (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "deck.pptx"
    build(outline, out, options=BuildOptions(template=template))
    deck = Presentation(str(out))
    slide = next(s for s in deck.slides if s.slide_layout.name == "Title and Content")
    footer = next(shape for shape in slide.shapes if shape.name.startswith("Footer"))
    taken = [(Pt(220), Pt(320))] + [(ph.left, ph.left + ph.width) for ph in slide.placeholders
                                     if ph.placeholder_format.type in (13, 16)]  # number and date
    for left, right in taken:
        assert footer.left >= right or footer.left + footer.width <= left, (footer.left, footer.width, left, right)


def test_a_narrow_number_box_is_widened_so_the_number_never_wraps(tmp_path):
    prs = Presentation(str(TEMPLATES / "pptx-default.pptx"))
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for shape in owner.placeholders:
            if shape.placeholder_format.type == 13:  # the slide number
                top, height, right = shape.top, shape.height, shape.left + shape.width
                shape.left, shape.top, shape.width, shape.height = right - 190500, top, 190500, height  # 15 pt
    narrow = tmp_path / "narrow-number.pptx"
    prs.save(str(narrow))
    deck = Presentation(str(_build(tmp_path, "narrow", narrow)))
    size = 12.0
    need = fonts.text_width("88", "Calibri", size) * 12700
    numbers = [shape for slide in deck.slides for shape in slide.placeholders
               if shape.placeholder_format.type == 13]
    assert numbers
    for shape in numbers:
        body = shape._element.find(".//a:bodyPr", NS)
        inset = int(body.get("lIns", "91440")) + int(body.get("rIns", "91440"))
        assert shape.width - inset >= need


# --- the template's insets, capitals and cover placement -------------------------------------------

def test_the_templates_insets_are_kept_and_the_text_stands_where_it_was_measured(tmp_path):
    deck = Presentation(str(_build(tmp_path, "title-bar.pptx")))
    template = Presentation(str(TEMPLATES / "title-bar.pptx"))
    frame = next(ph for ph in template.slide_master.placeholders if ph.placeholder_format.type == 1)
    slide = next(s for s in deck.slides if s.slide_layout.name == "Title Only")
    title = slide.shapes.title
    body_pr = title._element.find(".//a:bodyPr", NS)
    assert body_pr.get("lIns") == str(18 * 12700) and body_pr.get("rIns") == str(18 * 12700)
    # the headline's frame is the template's: it does not touch the slide's edge
    assert abs(title.left - frame.left) <= 1 and abs(title.width - frame.width) <= 2


def test_capitals_the_template_sets_on_titles_are_kept(tmp_path):
    deck = Presentation(str(_build(tmp_path, "title-bar.pptx")))
    slide = next(s for s in deck.slides if s.slide_layout.name == "Title Only")
    assert all(r.get("cap") != "none" for r in _runs(slide.shapes.title))
    # the text placeholders' runs (a table in the content placeholder takes no capitals from it)
    bodies = [r for s in deck.slides for ph in s.placeholders if ph.placeholder_format.idx == 1 and ph.has_text_frame
              for r in _runs(ph)]
    assert bodies and all(r.get("cap") == "none" for r in bodies)


@pytest.mark.parametrize("name", ["pptx-default.pptx", "rmd-bank.pptx", "dutch-layouts.pptx"])
def test_a_divider_message_over_its_title_keeps_clear_of_it(tmp_path, name):
    deck = Presentation(str(_build(tmp_path, name)))
    dividers = [s for s in deck.slides if s.slide_layout == _divider_layout(deck, name)]
    assert dividers
    for slide in dividers:
        title = slide.shapes.title
        for shape in slide.placeholders:
            if shape.placeholder_format.idx != 0 and shape.top < title.top:
                # the frames do not meet, and the texts inside their insets stand a line gap apart
                bottom = shape.top + shape.height
                assert bottom < title.top
                insets = _inset(shape, "bIns") + _inset(title, "tIns")
                assert title.top - bottom + insets >= 6 * 12700


def _inset(shape, name: str) -> int:
    return int(shape._element.find(".//a:bodyPr", NS).get(name, "45720"))


def _divider_layout(deck, name: str):
    golden = json.loads((ROOT / "tests" / "golden" / "templates" / f"{Path(name).stem}-pptx.json").read_text())
    layout_name = next(line.split(" | ")[0] for line in golden["slides"] if "DE BELOFTE" in line.upper())
    return next(layout for layout in deck.slide_layouts if layout.name == layout_name)


def test_a_template_without_a_bar_keeps_its_colours_untouched():
    """A plain light template (python-pptx's default) is not second-guessed: no notices."""
    template = _template("pptx-default.pptx")
    assert theme_from(template).template.colour_notes == ()
    unchanged = copy.deepcopy(template.scheme)
    assert theme_from(template).palette.ink == unchanged["dk1"]


def test_pictures_and_shapes_in_groups_are_read_in_slide_coordinates():
    from deck.look.template.backdrop import regions

    class Owner:
        def __init__(self, xml):
            self._element = etree.fromstring(xml)
            self.part = None

    a, p = "http://schemas.openxmlformats.org/drawingml/2006/main", \
        "http://schemas.openxmlformats.org/presentationml/2006/main"
    xml = (f'<p:sldLayout xmlns:a="{a}" xmlns:p="{p}"><p:cSld><p:spTree>'
           '<p:grpSp><p:nvGrpSpPr><p:cNvPr id="2" name="g"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
           '<p:grpSpPr><a:xfrm><a:off x="127000" y="127000"/><a:ext cx="254000" cy="254000"/>'
           '<a:chOff x="0" y="0"/><a:chExt cx="127000" cy="127000"/></a:xfrm></p:grpSpPr>'
           '<p:sp><p:nvSpPr><p:cNvPr id="3" name="r"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>'
           '<a:off x="0" y="0"/><a:ext cx="127000" cy="127000"/></a:xfrm>'
           '<a:solidFill><a:srgbClr val="112233"/></a:solidFill></p:spPr></p:sp></p:grpSp>'
           '</p:spTree></p:cSld></p:sldLayout>')

    class Colours:
        def resolve(self, parent):
            return parent[0].get("val")

    found = regions(Owner(xml), Colours())
    assert found == [Region(Box(10, 10, 20, 20), ("112233",))]


def test_inspect_says_which_colours_deck_changed():
    from deck.look.template.read import inspect

    lines, problem = inspect(TEMPLATES / "title-bar.pptx")
    assert problem is None
    text = "\n".join(lines)
    assert "deck changed" in text and "footer colour #404040" in text
    assert "(WCAG AA): the template's own colours kept" in "\n".join(inspect(TEMPLATES / "pptx-default.pptx")[0])


def test_a_headline_on_its_title_bar_gets_smaller_rather_than_run_off_the_bar(tmp_path):
    """White headlines on the template's grey bar: a long one is set smaller, down to the readable
    minimum, and stays on the bar (a line under it would be white on white)."""
    from deck.build import plan

    long = "Een kop die veel te lang is voor twee regels op de balk van deze sjabloon en toch gelezen moet worden"
    outline = tmp_path / "long.yaml"
    outline.write_text((FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
                       .replace("Wat social software belooft", long), encoding="utf-8")
    planned = plan(outline, options=BuildOptions(template=TEMPLATES / "title-bar.pptx"))[1]
    slide = next(s for s in planned.slides if s.kind == "bullets")
    bar = planned.theme.geometry.title
    assert slide.title.box.h <= bar.h + 0.01
    assert slide.title.paras[0].size < planned.theme.style("title").floor


def test_a_closing_text_too_long_for_its_place_stops_above_the_band_along_the_foot(tmp_path):
    """A title layout with a blue band along its foot: a closing text that takes the room under
    the title ends above the band (dark text on the band would not read)."""
    from deck.build import plan

    prs = Presentation(str(TEMPLATES / "pptx-default.pptx"))
    cover = next(layout for layout in prs.slide_layouts if layout.name == "Title Slide")
    cover._element.find("p:cSld/p:spTree", NS).insert(2, etree.fromstring(
        f'<p:sp xmlns:p="{NS["p"]}" xmlns:a="{NS["a"]}"><p:nvSpPr><p:cNvPr id="90" name="Band"/><p:cNvSpPr/>'
        f'<p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="{Pt(462)}"/><a:ext cx="{Pt(720)}" cy="{Pt(55)}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="376092"/>'
        '</a:solidFill></p:spPr></p:sp>'))
    subtitle = next(ph for ph in cover.placeholders if ph.placeholder_format.idx == 1)
    subtitle.top, subtitle.height = Pt(336), Pt(47)  # a small place: a long text takes the room under it
    template = tmp_path / "band.pptx"
    prs.save(template)
    text = "Binnen een week krijgen jullie een foto van alle experimenten en flip-overs. " * 2
    outline = tmp_path / "closing.yaml"
    outline.write_text((FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
                       + f"closing:\n  title: Dank jullie wel\n  text: {text.strip()}\n", encoding="utf-8")
    planned = plan(outline, options=BuildOptions(template=template))[1]
    closing = next(s for s in planned.slides if s.kind == "closing")
    assert closing.subtitle is not None and closing.subtitle.box.bottom <= 462
