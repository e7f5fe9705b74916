"""Parts deck serialises itself reach the package check with what it reads from them, taken from
their trees, and are not parsed again; the check's findings must be exactly those of parsing."""
from __future__ import annotations

import io
import zipfile

import pytest
from conftest import FIXTURES, ROOT
from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.package import XmlPart
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import _ContentTypesItem
from test_package import BROKEN, WHEN, ZIP_LEVEL, make_deck

from deck.build import plan
from deck.ooxml import Serialised, read_part, relationships, serialised
from deck.package import check, seal
from deck.package.archive import PARSER
from deck.render import render
from deck.render.entries import content_types_xml, rels_xml, save


def as_serialised(entries: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Every well-formed XML part, relationships too, as if deck had serialised its tree."""
    out = []
    for name, body in entries:
        if name.endswith((".xml", ".rels")):
            try:
                body = serialised(etree.fromstring(body, PARSER), body)
            except etree.XMLSyntaxError:
                pass
        out.append((name, body))
    return out


def entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


@pytest.fixture(scope="module")
def deck() -> bytes:
    return make_deck()


@pytest.mark.parametrize("breakage", ["intact"] + [b for b in BROKEN if b not in ZIP_LEVEL])
def test_the_check_finds_in_serialised_parts_what_it_finds_by_parsing(deck, breakage):
    broken = deck if breakage == "intact" else BROKEN[breakage][0](deck)
    parts = as_serialised(entries(broken))
    assert any(isinstance(body, Serialised) for _, body in parts)
    data, problems = seal(parts, modified=WHEN)
    assert problems == check(data)
    assert (problems == []) == (breakage == "intact")


@pytest.mark.parametrize("outline", [ROOT / "outline.yaml", FIXTURES / "valid" / "every-kind.yaml",
                                     FIXTURES / "valid" / "evidence.yaml"], ids=lambda p: p.name)
def test_every_xml_part_deck_renders_carries_what_the_check_reads(outline):
    laid = plan(outline)
    parts = render(laid.loaded.outline, laid.planned.theme, laid.planned.slides, WHEN)
    # every part python-pptx holds as a tree; the rest (a theme, the properties) is parsed by the check
    trees = ("ppt/presentation.xml", "ppt/slides/", "ppt/notesSlides/", "ppt/slideLayouts/", "ppt/slideMasters/")
    xml = [(name, body) for name, body in parts if name.startswith(trees) and name.endswith(".xml")]
    assert len(xml) > 2 * len(laid.planned.slides) and all(isinstance(body, Serialised) for _, body in xml)
    for name, body in xml:
        parsed = serialised(etree.fromstring(body, PARSER), body)
        assert (body.tag, body.slide_ids, body.shape_ids) == (parsed.tag, parsed.slide_ids, parsed.shape_ids), name
    # every part's relationships (the package's own, _rels/.rels, are python-pptx's bytes: parsed)
    rels = [(name, body) for name, body in parts if name.endswith(".rels") and name != "_rels/.rels"]
    assert len(rels) > len(laid.planned.slides) and all(isinstance(body, Serialised) for _, body in rels)
    for name, body in rels:
        assert body.relationships == relationships(etree.fromstring(body, PARSER)), name
    data, problems = seal(parts, modified=WHEN)
    assert problems == [] == check(data)


def test_relationship_parts_are_the_bytes_python_pptx_writes():
    prs = Presentation(io.BytesIO(make_deck()))
    slide = prs.slides[0]
    slide.part.relate_to("https://example.com/?a=1&b=<2>\"", RT.HYPERLINK, is_external=True)
    for rid in ("rId10", "rId9", "x1"):  # numerical order, and ids that are not rIdN first
        slide.part.rels._rels[rid] = slide.part.rels._rels.pop("rId1")
        slide.part.rels._rels["rId1"] = slide.part.rels._rels[rid]
    package = prs.part.package
    all_rels = [package._rels] + [part.rels for part in package.iter_parts() if part._rels]
    assert len(all_rels) > 10
    for rels in all_rels:
        assert rels_xml(rels) == rels.xml
    assert any(name.endswith(".rels") for name, _ in save(prs))


def test_relationship_targets_are_python_pptxs_in_every_folder():
    """Targets are worked out per folder; they must be python-pptx's for a part in the same
    folder, above, beside, at the top and named like a folder on the way."""
    prs = Presentation(io.BytesIO(make_deck()))
    slide = prs.slides[0]
    package = prs.part.package
    others = [("/ppt/slides/extra.xml", RT.SLIDE), ("/ppt/slides/sub/deeper.xml", RT.SLIDE),
              ("/extra.xml", RT.SLIDE), ("/ppt/slides.xml", RT.SLIDE), ("/ppt/x/slides", RT.SLIDE)]
    for name, reltype in others:
        slide.part.relate_to(XmlPart(PackURI(name), "application/xml", package, etree.Element("x")), reltype)
    rels = slide.part.rels
    assert len(rels) > len(others) and rels_xml(rels) == rels.xml


def test_content_types_are_the_bytes_python_pptx_writes():
    prs = Presentation(io.BytesIO(make_deck()))
    parts = tuple(prs.part.package.iter_parts())
    assert content_types_xml(parts) == serialize_part_xml(_ContentTypesItem.xml_for(parts))
    assert save(prs)[0] == ("[Content_Types].xml", content_types_xml(parts))


def test_shape_ids_are_those_of_the_path_with_and_without_a_fallback():
    from deck.ooxml import NS, _paths

    shapes = ('<p:sp><p:nvSpPr><p:cNvPr id="{0}" name="a"/></p:nvSpPr></p:sp>'
              '<p:sp><p:nvSpPr><p:cNvPr name="no id"/></p:nvSpPr></p:sp>')
    fallback = ('<mc:AlternateContent><mc:Choice Requires="x">' + shapes.format(7) + '</mc:Choice>'
                '<mc:Fallback>' + shapes.format(7) + '</mc:Fallback></mc:AlternateContent>')
    for body in (shapes.format(2), shapes.format(2) + fallback, fallback + shapes.format(3)):
        root = etree.fromstring(f'<p:sld xmlns:p="{NS["p"]}" xmlns:mc="{NS["mc"]}"><p:cSld><p:spTree>'
                                f'{body}</p:spTree></p:cSld></p:sld>')
        assert read_part(root)[2] == [str(v) for v in _paths()[1](root)]
