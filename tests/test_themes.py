"""Built-in themes and the outline's brand: contrast rules, colours, fonts and the logo on real decks."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from support import libreoffice
from support.audit import audit
from typer.testing import CliRunner

from deck import package
from deck.build import build
from deck.cli import app
from deck.errors import DeckError
from deck.look.colour import contrast
from deck.look.theme import BODY_CONTRAST, MIN_CONTRAST, THEMES, contrast_problems, contrast_table
from deck.measure import fonts
from deck.options import BuildOptions

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@pytest.fixture(scope="module", params=["dark", "warm"])
def themed(request, tmp_path_factory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("themed") / f"{request.param}.pptx"
    build(ROOT / "outline.yaml", out, options=BuildOptions(theme=request.param))
    return request.param, out


def _outline(folder: Path, brand: str = "", theme: str = "light", extra: str = "") -> Path:
    text = (FIXTURES / "valid" / "every-kind.yaml").read_text(encoding="utf-8")
    text = text.replace("organization: Test Organisation\n", "")
    head = f"theme: {theme}\norganization: Acme Consulting\n"
    if brand:
        head += "brand:\n" + "".join(f"  {line}\n" for line in brand.strip().splitlines())
    path = folder / "outline.yaml"
    path.write_text(head + extra + text, encoding="utf-8")
    return path


def _logo(path: Path, size=(400, 120)) -> Path:
    Image.new("RGB", size, (200, 30, 40)).save(path)
    return path


def _runs(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for paragraph in shape.text_frame.paragraphs:
                    yield from paragraph.runs


def _painted(slide) -> str | None:
    """The slide's own background colour, if it has one (reading python-pptx's property would add one)."""
    found = slide._element.xpath("./p:cSld/p:bg/p:bgPr/a:solidFill/a:srgbClr/@val")
    return str(found[0]) if found else None


def _colours(prs) -> set[str]:
    return {run.font.color.rgb.__str__() for run in _runs(prs) if run.font.color and run.font.color.type}


# --- the built-in themes ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_builtin_theme_passes_the_contrast_rules(name):
    palette = THEMES[name].palette
    assert contrast_problems(palette) == []
    for fg, bg, ratio, minimum in contrast_table(palette):
        assert minimum in (MIN_CONTRAST, BODY_CONTRAST)
        assert ratio >= minimum, (name, fg, bg)


def test_light_is_the_approved_look():
    palette = THEMES["light"].palette
    assert (palette.background, palette.ink, palette.accent, palette.highlight) == ("FFFFFF", "1B2230", "1D4E89",
                                                                                  "B83F12")
    assert THEMES["light"].font == "Calibri" and not THEMES["light"].logo_on_content


def test_the_themes_differ_in_character():
    dark, warm = THEMES["dark"], THEMES["warm"]
    assert contrast(dark.palette.background, "FFFFFF") > 15  # a dark background
    assert warm.font == "Arial" and warm.palette.cover_bg == warm.palette.ink


def test_the_shipped_deck_builds_in_each_theme(themed):
    name, deck = themed
    theme = THEMES[name]
    assert package.check(deck.read_bytes()) == []
    assert audit(deck) == []
    prs = Presentation(str(deck))
    # slides a presenter adds by hand get the theme's background from the master
    assert str(prs.slide_master.background.fill.fore_color.rgb) == theme.palette.background
    assert {run.font.name for run in _runs(prs)} == {theme.font}
    used = _colours(prs)
    assert theme.palette.ink in used and theme.palette.hex("cover_ink") in used
    # title, divider and closing slides are painted in the cover colour
    covers = [s for s in prs.slides if _painted(s)]
    assert len(covers) >= 8 and all(_painted(s) == theme.palette.hex("cover_bg") for s in covers)


@pytest.mark.render
def test_each_theme_renders_without_overflow(themed, tmp_path):
    libreoffice.require_tools()
    _, deck = themed
    result = libreoffice.render(deck, tmp_path)
    assert result.outside == [] and result.undrawn == []


def test_deck_themes_lists_colours_and_contrast():
    result = CliRunner().invoke(app, ["themes"])
    assert result.exit_code == 0, result.output
    for name in THEMES:
        assert f"{name}: " in result.stdout
    assert "accent #8F3A1B" in result.stdout
    assert "ink on background 15.9:1" in result.stdout  # light


def test_an_unknown_theme_names_the_builtin_ones(tmp_path):
    with pytest.raises(DeckError, match=r"outline\.yaml:1: theme: unknown theme 'sepia'.*\n.*light, dark, warm"):
        build(_outline(tmp_path, theme="sepia"), tmp_path / "deck.pptx")


# --- brand colours --------------------------------------------------------------------------------------

def test_brand_accents_replace_the_themes_everywhere(tmp_path):
    out = tmp_path / "deck.pptx"
    build(_outline(tmp_path, 'accent: "#0B58A6"\naccent2: "#A3330A"'), out)
    prs = Presentation(str(out))
    used = _colours(prs)
    assert "0B58A6" in used and "A3330A" in used
    assert THEMES["light"].palette.accent not in used and THEMES["light"].palette.highlight not in used
    title_slide = prs.slides[0]
    assert _painted(title_slide) == "0B58A6"  # light's covers are the accent


@pytest.mark.parametrize("brand, message", [
    ('accent: "#FFD400"', r"brand\.accent: '#FFD400' as text on the background \(#FFFFFF\) has contrast "
                          r"1\.\d:1, needs at least 4\.5:1"),
    # big numbers are large text: the highlight needs 3:1 (WCAG AA), not 4.5:1
    ('accent2: "#F59E0B"', r"brand\.accent2: '#F59E0B' as text on the background .* needs at least 3:1 "
                           r"\(WCAG AA for large text\)"),
])
def test_a_brand_colour_that_breaks_contrast_takes_its_nearest_passing_shade(tmp_path, brand, message):
    out = tmp_path / "deck.pptx"
    result = build(_outline(tmp_path, brand), out)
    said = [str(n) for n in result.notices if re.search(r"outline\.yaml:4: " + message, str(n))]
    assert len(said) == 1 and "the deck uses its nearest shade that does, '#" in said[0]
    shade = said[0].split("that does, '#")[1][:6]
    colours = "".join(zipfile.ZipFile(out).read(n).decode() for n in zipfile.ZipFile(out).namelist()
                      if n.endswith(".xml"))
    assert shade in colours and brand.split('"')[1].lstrip("#") not in colours
    # the shade itself passes: given as the brand colour, it is used without a word
    fixed = brand.split('"')[0] + f'"#{shade}"'
    assert not any("needs at least" in str(n) for n in build(_outline(tmp_path, fixed), out).notices)


def test_a_brand_colour_between_aa_and_the_themes_rule_is_used_with_a_notice(tmp_path):
    out = tmp_path / "deck.pptx"
    result = build(_outline(tmp_path, 'accent: "#0B5CAD"'), out)
    [notice] = [n for n in result.notices if n.path == ("brand", "accent")]
    assert notice.line == 4 and notice.message == (
        "text (#FFFFFF) on '#0B5CAD' has contrast 6.7:1, enough for WCAG AA; the theme's own colours keep 7:1 "
        "(AAA); '#0B58A6' is the nearest shade of it that does")
    assert "0B5CAD" in _colours(Presentation(str(out)))


def test_on_a_dark_theme_a_brand_accent_must_be_light(tmp_path):
    dark = build(_outline(tmp_path, 'accent: "#0B58A6"', theme="dark"), tmp_path / "deck.pptx")
    assert any("brand.accent: '#0B58A6' as text on the background (#0F172A)" in str(n) for n in dark.notices)
    light = build(_outline(tmp_path, 'accent: "#7CB8F2"', theme="dark"), tmp_path / "deck.pptx")
    assert not any("needs at least" in str(n) for n in light.notices)


# --- brand font --------------------------------------------------------------------------------------------

def test_a_font_deck_can_measure_is_exact(tmp_path):
    out = tmp_path / "deck.pptx"
    result = build(_outline(tmp_path, "font: Arial"), out)
    assert not any("metrics" in str(n) for n in result.notices)
    assert {run.font.name for run in _runs(Presentation(str(out)))} == {"Arial"}


def test_a_font_deck_knows_nothing_of_is_measured_conservatively_and_said_so(tmp_path):
    out = tmp_path / "deck.pptx"
    result = build(_outline(tmp_path, "font: Phantom Sans"), out)
    notice = next(str(n) for n in result.notices if "Phantom Sans" in str(n))
    assert "outline.yaml:4: brand.font" in notice and "Arial +20 %" in notice
    assert {run.font.name for run in _runs(Presentation(str(out)))} == {"Phantom Sans"}


def test_a_font_with_a_published_average_width_is_estimated_without_a_notice(tmp_path):
    result = build(_outline(tmp_path, "font: Georgia"), tmp_path / "deck.pptx")
    assert not any("Georgia" in str(n) for n in result.notices)


def test_stand_in_metrics_are_wider_than_the_widest_exact_face():
    text = "Wie deuren en ramen opent voor klanten, maakt van elke medewerker een marketeer"
    assert fonts.measured_as("Carlito") == ("Calibri", 1.0)
    assert fonts.measured_as("Liberation Sans") == ("Arial", 1.0)
    assert fonts.text_width(text, "Phantom Sans", 28) >= 1.2 * fonts.text_width(text, "Arial", 28) - 1e-6
    for width in (300, 500, 800):
        assert fonts.line_count(text, "Phantom Sans", 28, width) >= fonts.line_count(text, "Arial", 28, width)


# --- brand logo --------------------------------------------------------------------------------------------

def _pictures(slide):
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE and s.name == "Logo"]


@pytest.mark.parametrize("theme, on_content", [("light", False), ("warm", True)])
def test_the_logo_is_on_the_covers_and_where_the_theme_says(tmp_path, theme, on_content):
    _logo(tmp_path / "logo.png")
    out = tmp_path / "deck.pptx"
    build(_outline(tmp_path, "logo: logo.png", theme=theme), out)
    slides = list(Presentation(str(out)).slides)
    for slide in (slides[0], slides[-1]):
        (logo,) = _pictures(slide)
        assert logo._element.nvPicPr.cNvPr.get("descr") == "Acme Consulting"
        assert logo.width / logo.height == pytest.approx(400 / 120, rel=0.01)  # aspect ratio kept
    content = [s for s in slides[1:-1] if not _painted(s)]
    assert all(bool(_pictures(s)) == on_content for s in content)


@pytest.mark.parametrize("value, make, message", [
    ("missing.png", None, r"brand\.logo: no such file: 'missing\.png'"),
    ("../outside.png", "outside", r"brand\.logo: '\.\./outside\.png' is outside the outline's folder"),
    ("logo.svg", "svg", r"brand\.logo: 'logo\.svg': SVG pictures are not supported"),
])
def test_a_logo_that_cannot_be_shown_is_an_error_at_its_line(tmp_path, value, make, message):
    folder = tmp_path / "talk"
    folder.mkdir()
    if make == "outside":
        _logo(tmp_path / "outside.png")
    elif make == "svg":
        (folder / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    with pytest.raises(DeckError, match=r"outline\.yaml:4: " + message):
        build(_outline(folder, f"logo: {value}"), folder / "deck.pptx")
    assert not (folder / "deck.pptx").exists()


def test_layouts_without_a_template_are_ignored_with_a_notice(tmp_path):
    result = build(_outline(tmp_path, extra="layouts:\n  bullets: Title Only\n"), tmp_path / "deck.pptx")
    assert any("layouts: applies to a template theme only" in str(n) for n in result.notices)
