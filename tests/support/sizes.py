"""The size each run of a deck's slides is set in, as PowerPoint resolves it: the run's own size,
else its shape's list style, the placeholder it inherits from on the layout and the master, and
the master's text styles. Charts: the sizes their texts are set in."""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from lxml import etree

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
NS = {"a": A, "p": P, "c": C}
DEFAULT = 18.0  # PowerPoint's size for text nothing sizes


@dataclass(frozen=True)
class Text:
    slide: int  # from 1
    text: str
    size: float  # the smallest size of its runs, in points


def _lvl_size(styles, level: int) -> float | None:
    """The size a list style (lstStyle, titleStyle, ...) gives paragraphs of a level."""
    if styles is None:
        return None
    found = styles.find(f"a:lvl{level}pPr/a:defRPr", NS)
    if found is not None and found.get("sz"):
        return int(found.get("sz")) / 100
    return None


def _placeholder(tree, ph) -> etree._Element | None:
    """The placeholder of a layout or master that a slide's placeholder inherits from."""
    kind, idx = ph.get("type", "body"), ph.get("idx")
    candidates = tree.findall(".//p:sp", NS)
    for sp in candidates:
        other = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if other is not None and idx is not None and other.get("idx") == idx:
            return sp
    for sp in candidates:
        other = sp.find("p:nvSpPr/p:nvPr/p:ph", NS)
        if other is not None and other.get("type", "body") == kind:
            return sp
    return None


def _inherited(shape, level: int, *, layout, master) -> float:
    size = _lvl_size(shape.find("p:txBody/a:lstStyle", NS), level)
    if size:
        return size
    ph = shape.find("p:nvSpPr/p:nvPr/p:ph", NS)
    if ph is None:
        return _lvl_size(master.find("p:txStyles/p:otherStyle", NS), level) or DEFAULT
    for tree in (layout, master):
        owner = _placeholder(tree, ph)
        if owner is not None:
            size = _lvl_size(owner.find("p:txBody/a:lstStyle", NS), level)
            if size:
                return size
    style = "titleStyle" if ph.get("type") in ("title", "ctrTitle") else "bodyStyle"
    return _lvl_size(master.find(f"p:txStyles/p:{style}", NS), level) or DEFAULT


def _target(z: zipfile.ZipFile, part: str, kind: str) -> str | None:
    folder, name = part.rsplit("/", 1)
    rels = etree.fromstring(z.read(f"{folder}/_rels/{name}.rels"))
    for rel in rels:
        if rel.get("Type", "").endswith("/" + kind):
            target = rel.get("Target")
            parts = [] if target.startswith("/") else folder.split("/")
            for piece in target.lstrip("/").split("/"):
                parts = parts[:-1] if piece == ".." else parts + [piece]
            return "/".join(parts)
    return None


def slide_texts(pptx: Path) -> list[Text]:
    """Every paragraph on the slides (tables and charts too) with the smallest size it is set in."""
    out = []
    with zipfile.ZipFile(pptx) as z:
        slides = sorted((n for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)),
                        key=lambda n: int(re.findall(r"\d+", n)[0]))
        for number, part in enumerate(_in_order(z, slides), 1):
            layout_part = _target(z, part, "slideLayout")
            layout = etree.fromstring(z.read(layout_part))
            master = etree.fromstring(z.read(_target(z, layout_part, "slideMaster")))
            slide = etree.fromstring(z.read(part))
            for shape in slide.iter(f"{{{P}}}sp"):
                for para in shape.findall("p:txBody/a:p", NS):
                    out.extend(_paragraph(number, para, partial(_inherited, shape, layout=layout, master=master)))
            for cell in slide.iter(f"{{{A}}}tc"):
                for para in cell.findall("a:txBody/a:p", NS):
                    out.extend(_paragraph(number, para, lambda level: DEFAULT))
            for chart in _charts(z, part):
                out.extend(_chart_texts(number, etree.fromstring(z.read(chart))))
    return out


def _in_order(z: zipfile.ZipFile, slides: list[str]) -> list[str]:
    """The slide parts in the presentation's order (the part names need not follow it)."""
    presentation = etree.fromstring(z.read("ppt/presentation.xml"))
    rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(z.read("ppt/_rels/presentation.xml.rels"))}
    rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    ordered = ["ppt/" + rels[s.get(rid)].lstrip("/").removeprefix("ppt/")
               for s in presentation.findall("p:sldIdLst/p:sldId", NS)]
    return [part for part in ordered if part in slides]


def _paragraph(number: int, para, inherited) -> list[Text]:
    level = int(para.find("a:pPr", NS).get("lvl", "0")) + 1 if para.find("a:pPr", NS) is not None else 1
    sizes, text = [], ""
    for run in para:
        if run.tag not in (f"{{{A}}}r", f"{{{A}}}fld"):
            continue
        body = run.findtext("a:t", default="", namespaces=NS)
        text += body
        props = run.find("a:rPr", NS)
        if body.strip():
            sizes.append(int(props.get("sz")) / 100 if props is not None and props.get("sz") else inherited(level))
    return [Text(number, text, min(sizes))] if sizes else []


def _charts(z: zipfile.ZipFile, part: str) -> list[str]:
    folder, name = part.rsplit("/", 1)
    rels = etree.fromstring(z.read(f"{folder}/_rels/{name}.rels"))
    return ["ppt/charts/" + r.get("Target").rsplit("/", 1)[1] for r in rels if r.get("Type", "").endswith("/chart")]


def _chart_texts(number: int, chart) -> list[Text]:
    """A chart's texts (its title, categories, series names), each at the smallest size the chart
    sets any text in: where a chart sizes its parts apart, the smallest is the strict reading."""
    sizes = [int(s) / 100 for s in chart.xpath(".//a:defRPr/@sz | .//a:rPr/@sz", namespaces=NS)]
    smallest = min(sizes) if sizes else 10.0  # a chart's text unsized is 10 pt
    texts = chart.xpath(".//c:cat//c:v/text() | .//c:tx//c:v/text() | .//c:title//a:t/text()", namespaces=NS)
    return [Text(number, str(t), smallest) for t in texts]
