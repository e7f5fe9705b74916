"""Fitting on a template: its own text sizes set the scale, down to a readable minimum scaled with
the slide's width; a refusal names the template as the constraint; its fonts are measured."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from lxml import etree
from pptx import Presentation

from deck.build import build
from deck.errors import DeckError
from deck.look.template.load import failing
from deck.look.template.read import inspect, read
from deck.look.template.roles import choose_layouts
from deck.look.template.theme import HEADLINE_ROLES, MIN_BODY, MIN_HEADLINE, theme_from
from deck.ooxml import NS
from deck.options import BuildOptions

DEFAULT = FIXTURES / "templates" / "pptx-default.pptx"  # 720 x 540 pt, body 32 pt, title 44 pt


def _template_file(tmp_path: Path, body: int | None = None, font: str | None = None) -> Path:
    """python-pptx's default template with its master's body text at `body` pt, set in `font`."""
    prs = Presentation(str(DEFAULT))
    styles = prs.slide_master._element.find("p:txStyles", NS)
    for name in ("p:titleStyle", "p:bodyStyle"):
        rpr = styles.find(f"{name}/a:lvl1pPr/a:defRPr", NS)
        if body and name == "p:bodyStyle":
            rpr.set("sz", str(body * 100))
        if font:
            for latin in rpr.findall("a:latin", NS):
                rpr.remove(latin)
            etree.SubElement(rpr, f"{{{NS['a']}}}latin", typeface=font)
    for layout in prs.slide_layouts:  # sizes the layouts set themselves would hide the master's
        for rpr in layout._element.iterfind(".//a:lvl1pPr/a:defRPr", NS):
            rpr.attrib.pop("sz", None)
    buffer = io.BytesIO()
    prs.save(buffer)
    path = tmp_path / "client.pptx"
    path.write_bytes(buffer.getvalue())
    return path


def _theme(path: Path):
    return theme_from(choose_layouts(read(path, path.name, failing(path.name))))


def _statement(tmp_path: Path, words: int) -> Path:
    words_ = "organisaties worden weer transparant voor klant medewerker en toeleverancier".split()
    text = " ".join((words_ * 60)[:words])
    minimal = (FIXTURES / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "outline.yaml"
    path.write_text(minimal + f"      - kind: statement\n        title: Een stelling\n        text: {text}.\n",
                    encoding="utf-8")
    return path


def test_a_templates_smaller_body_text_sets_the_scale(tmp_path):
    own = _theme(_template_file(tmp_path))
    small = _theme(_template_file(tmp_path, body=18))
    assert own.style("body").size == 28 and own.style("body").floor == 24  # deck's own scale: 32 pt is larger
    body = small.style("body")
    assert body.size == 18 and body.floor == pytest.approx(24 * 18 / 28, abs=0.1)
    assert small.style("secondary").size < own.style("secondary").size
    least = {role: (MIN_HEADLINE if role in HEADLINE_ROLES else MIN_BODY) * 720 / 960 for role in small.styles}
    for role, style in small.styles.items():
        assert style.minimum == pytest.approx(least[role], abs=0.05), role
        assert style.size >= style.floor >= style.minimum, role


def test_the_readable_minimum_scales_with_the_slides_width(tmp_path):
    template = choose_layouts(read(DEFAULT, "t", failing("t")))
    wide = theme_from(replace(template, width=1920.0, height=1080.0))
    assert wide.style("body").minimum == 28 and wide.style("title").minimum == 36
    assert wide.style("footer").size >= 28
    assert theme_from(template).style("body").minimum == 10.5


def test_what_does_not_fit_at_the_floors_is_set_down_to_the_minimum_and_said_so(tmp_path):
    template = _template_file(tmp_path, body=18)
    out = tmp_path / "deck.pptx"
    result = build(_statement(tmp_path, 90), out, options=BuildOptions(template=template))
    notice = next(str(n) for n in result.notices if "usual text size" in str(n))
    assert "outline.yaml:10: sections[0].slides[1]" in notice and "never under 10.5 pt, 13.5 pt for headlines" in notice
    sizes = [run.font.size.pt for slide in Presentation(str(out)).slides for shape in slide.shapes
             if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs if run.font.size]
    assert min(sizes) >= 10.5


def test_a_refusal_on_a_template_names_the_template_and_what_to_do(tmp_path):
    with pytest.raises(DeckError) as caught:
        build(_statement(tmp_path, 600), tmp_path / "deck.pptx", options=BuildOptions(template=DEFAULT))
    text = str(caught.value)
    assert "sections[0].slides[1].text: does not fit on the slide at the minimum size" in text
    assert ("the template is the constraint: its layout 'Title Only' leaves too little room for this even at "
            "the readable minimum (10.5 pt, 13.5 pt for headlines)") in text
    for remedy in ("`layouts: {statement: NAME}`", "fewer items", "--allow-small", "shorten it"):
        assert remedy in text
    assert text.index("template is the constraint") < text.index("shorten it")  # the text is blamed last


def test_deck_s_own_themes_keep_their_floors(tmp_path):
    with pytest.raises(DeckError, match="a statement is one short assertion"):
        build(_statement(tmp_path, 90), tmp_path / "deck.pptx")


def test_the_templates_font_is_measured_and_inspect_says_how(tmp_path):
    template = _template_file(tmp_path, font="Montserrat")
    result = build(ROOT / "outline.yaml", tmp_path / "deck.pptx", options=BuildOptions(template=template))
    assert not any("metrics" in str(n) for n in result.notices)
    lines, problem = inspect(template)
    assert problem is None
    assert any(line.startswith("  body font 'Montserrat': exact") for line in lines)
    assert any(line.startswith("  body text ") and "only for text that cannot continue" in line for line in lines)


def test_an_unknown_template_font_is_measured_cautiously_with_a_notice(tmp_path):
    template = _template_file(tmp_path, font="Phantom Sans 0.7")
    result = build(ROOT / "outline.yaml", tmp_path / "deck.pptx", options=BuildOptions(template=template))
    assert any("no metrics for the font 'Phantom Sans 0.7'" in str(n) for n in result.notices)
