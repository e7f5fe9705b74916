"""Template backgrounds as PowerPoint draws them: a theme's background style (a gradient in the
background colour, with its hue, saturation and luminance changed), a texture laid over the whole
slide at low opacity, and a section layout whose message stands low where deck's progress bar
would go."""
from __future__ import annotations

import io
from pathlib import Path

from conftest import FIXTURES
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.util import Pt

from deck.build import build
from deck.look.colour import contrast
from deck.look.template.load import failing
from deck.look.template.read import read
from deck.ooxml import NS, THEME_RELATIONSHIP, qn
from deck.options import BuildOptions

A = NS["a"]
# A three-stop gradient in the background colour (an Office theme's third background style).
STOP = '<a:gs pos="{}"><a:schemeClr val="phClr">{}</a:schemeClr></a:gs>'
GRADIENT = (f'<a:gradFill xmlns:a="{A}"><a:gsLst>'
            + STOP.format(0, '<a:hueMod val="270000"/><a:lumMod val="128000"/>')
            + STOP.format(50000, '<a:lumMod val="130000"/>')
            + STOP.format(100000, '<a:hueMod val="44000"/><a:lumMod val="69000"/>')
            + '</a:gsLst><a:lin ang="2520000" scaled="0"/></a:gradFill>')


def _styled_background(prs) -> None:
    """The master's background: style 1003 of the theme, in the dark red of dk2."""
    master = prs.slide_master
    theme = master.part.part_related_by(THEME_RELATIONSHIP)
    root = etree.fromstring(theme.blob)
    styles = root.find(".//a:bgFillStyleLst", NS)
    styles[2].getparent().replace(styles[2], etree.fromstring(GRADIENT))
    root.find(".//a:clrScheme/a:dk2", NS)[0].set("val", "9D360E")
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    bg = master._element.find("p:cSld/p:bg", NS)
    for child in list(bg):
        bg.remove(child)
    etree.SubElement(bg, qn("p:bgRef"), idx="1003").append(etree.fromstring(f'<a:schemeClr xmlns:a="{A}" val="bg2"/>'))
    master._element.find("p:clrMap", NS).set("bg2", "dk2")


def _texture(prs) -> None:
    """A grey texture, half transparent, laid over the whole slide at 10 % opacity."""
    image = Image.new("RGBA", (64, 36), (83, 83, 83, 117))
    data = io.BytesIO()
    image.save(data, "PNG")
    data.seek(0)
    master = prs.slide_master
    _, rid = master.part.get_or_add_image_part(data)
    picture = etree.fromstring(
        f'<p:pic xmlns:p="{NS["p"]}" xmlns:a="{A}" xmlns:r="{NS["r"]}"><p:nvPicPr><p:cNvPr id="99" name="Texture"/>'
        '<p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{rid}"><a:alphaModFix amt="10000"/></a:blip><a:stretch/></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{prs.slide_width}" cy="{prs.slide_height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')
    master._element.find("p:cSld/p:spTree", NS).insert(2, picture)  # under the placeholders


def _save(prs, path: Path) -> Path:
    prs.save(path)
    return path


def test_a_background_style_reference_is_read_as_its_gradient(tmp_path):
    prs = Presentation()
    _styled_background(prs)
    template = read(_save(prs, tmp_path / "styled.pptx"), "styled.pptx", failing("styled.pptx"))
    layout = template.layouts[1]
    stops = layout.regions[0].colours
    # hue, saturation and luminance modified: from a yellow orange to a dark red, not the dk2 itself
    assert len(stops) == 3 and "9D360E" not in stops
    red, green = int(stops[0][:2], 16), int(stops[0][2:4], 16)
    assert red > 200 and green > 150  # the first stop is light and yellow
    assert contrast(stops[2], "000000") < 2  # the last is dark


def test_a_faint_texture_over_the_background_does_not_hide_it(tmp_path):
    prs = Presentation()
    _styled_background(prs)
    _texture(prs)
    template = read(_save(prs, tmp_path / "textured.pptx"), "textured.pptx", failing("textured.pptx"))
    plain = read(_save(_without_texture(), tmp_path / "plain.pptx"), "plain.pptx", failing("plain.pptx"))
    textured, untextured = template.layouts[1].background, plain.layouts[1].background
    # at 10 % opacity the grey texture barely changes the colour (read as opaque it made it grey)
    assert max(abs(int(textured[i:i + 2], 16) - int(untextured[i:i + 2], 16)) for i in (0, 2, 4)) <= 8


def _without_texture():
    prs = Presentation()
    _styled_background(prs)
    return prs


def test_a_message_low_in_the_section_layout_keeps_its_place_and_the_progress_bar_goes(tmp_path):
    prs = Presentation(str(FIXTURES / "templates" / "pptx-default.pptx"))
    section = next(layout for layout in prs.slide_layouts if layout.name == "Section Header")
    body = next(ph for ph in section.placeholders if ph.placeholder_format.idx == 1)
    body.top, body.height = Pt(470), Pt(50)  # the message in a band along the foot
    template = _save(prs, tmp_path / "low.pptx")
    outline = tmp_path / "outline.yaml"
    outline.write_text(
        "title: Social enterprise\nlanguage: en\nsections:\n"
        + "".join(f"  - id: part{n}\n    title: Part {n}\n    message: What part {n} says in one sentence.\n"
                  f"    slides:\n      - title: A slide of part {n}\n        bullets: [One, Two]\n"
                  for n in (1, 2, 3)), encoding="utf-8")
    out = tmp_path / "deck.pptx"
    build(outline, out, options=BuildOptions(template=template))
    deck = Presentation(str(out))
    dividers = [s for s in deck.slides if s.slide_layout.name == "Section Header"]
    assert len(dividers) == 3
    for slide in dividers:
        names = [shape.name for shape in slide.shapes]
        assert not any(name.startswith("Progress") for name in names), names
        assert any("What part" in shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
    # a section layout with room keeps its progress bar
    plain = tmp_path / "plain.pptx"
    build(outline, plain, options=BuildOptions(template=FIXTURES / "templates" / "pptx-default.pptx"))
    first = next(s for s in Presentation(str(plain)).slides if s.slide_layout.name == "Section Header")
    assert any(shape.name.startswith("Progress") for shape in first.shapes)


def test_distances_inside_slide_kinds_scale_with_the_templates_canvas():
    """A step's circle, a panel's padding and the progress bar grow with a 1920 pt canvas as the
    text does, so a step's number stays inside its circle."""
    from deck.look.spacing import Spacing
    from deck.look.template.roles import choose_layouts
    from deck.look.template.theme import theme_from

    name = "keynote-blank.pptx"
    theme = theme_from(choose_layouts(read(FIXTURES / "templates" / name, name, failing(name))))
    assert theme.geometry.scale == 2
    assert theme.geometry.space == Spacing().scaled(2)
    assert theme.geometry.space.step_circle == 2 * Spacing().step_circle
