"""The XML vocabulary of Office Open XML packages: namespaces, tag names, content types.

Reading a template, drawing slides and sealing the package all speak it; it is defined here once.
A shared leaf: it imports nothing of deck.
"""
from __future__ import annotations

from functools import cache

# Namespaces, by the prefixes PowerPoint writes for them.
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P = "http://schemas.openxmlformats.org/presentationml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"

# For lxml's find and xpath: "p:cSld/p:spTree".
NS = {"a": A, "p": P, "r": R, "c": C, "ct": CT, "rel": REL, "mc": MC, "cp": CP, "dc": DC,
      "dcterms": DCTERMS, "xsi": XSI, "adec": ADEC}

# Relationship types.
THEME_RELATIONSHIP = R + "/theme"

# Parts and their content types.
CONTENT_TYPES_PART = "[Content_Types].xml"
PRESENTATION_CT = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
TEMPLATE_CT = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
MACRO_CTS = ("application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
             "application/vnd.ms-powerpoint.template.macroEnabled.main+xml")
SLIDE_CT = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"


@cache  # asked for the same few names for every shape of every slide
def qn(tag: str) -> str:
    """A prefixed name as lxml names the element: "a:off" -> "{http://...drawingml/2006/main}off"."""
    prefix, _, local = tag.partition(":")
    return f"{{{NS[prefix]}}}{local}"


# Parts that carry a shape tree, whose cNvPr ids PowerPoint requires to be unique.
SHAPE_TREE_ROOTS = frozenset(
    qn(f"p:{tag}") for tag in ("sld", "sldLayout", "sldMaster", "notes", "notesMaster", "handoutMaster")
)


class Serialised(bytes):
    """A part's XML as deck serialised it from its tree, with what the package check reads from a
    part (`read_part`), taken from that tree before serialising. lxml writes only well-formed XML
    that parses back to the same tree, so the check need not parse these bytes again. Bytes made
    from them (an edit) are plain bytes again and are parsed."""

    tag: str
    slide_ids: list[tuple[str | None, str | None]]
    shape_ids: list[str] | None
    relationships: list[tuple[str, str, str, str | None]]


def serialised(root, xml: bytes) -> Serialised:
    """`xml`, serialised from `root`, with what the package check reads from `root`."""
    out = Serialised(xml)
    out.tag, out.slide_ids, out.shape_ids = read_part(root)
    out.relationships = relationships(root)
    return out


def relationships(root) -> list[tuple[str, str, str, str | None]]:
    """What the package check reads from a relationships part's tree: each relationship's id, type,
    target and target mode, in the order of the part ("" for an attribute that is missing)."""
    return [(el.get("Id", ""), el.get("Type", ""), el.get("Target", ""), el.get("TargetMode"))
            for el in root.iterchildren(_RELATIONSHIP)]


def read_part(root) -> tuple[str, list[tuple[str | None, str | None]], list[str] | None]:
    """What the package check reads from a part's tree: its root tag, the slide ids it lists
    (id, relationship id) and, for a part with a shape tree, its shape ids."""
    slide_ids, shape_ids = _paths()
    listed = [(el.get("id"), el.get(qn("r:id"))) for el in slide_ids(root)]
    shapes = None
    if root.tag in SHAPE_TREE_ROOTS:
        if next(root.iter(_FALLBACK), None) is None:  # as the path below, in a third of its time
            shapes = [value for value in (el.get("id") for el in root.iter(_SHAPE_NAMES)) if value is not None]
        else:
            shapes = [str(value) for value in shape_ids(root)]
    return root.tag, listed, shapes


_SHAPE_NAMES = qn("p:cNvPr")
_RELATIONSHIP = f"{{{REL}}}Relationship"
_FALLBACK = qn("mc:Fallback")


@cache
def _paths():
    """The paths read_part follows, compiled once: it reads every part of every deck."""
    from lxml import etree  # only the stages that hold trees need lxml

    # mc:Fallback repeats the ids of its mc:Choice on purpose, so it is not a duplicate.
    return (etree.XPath("p:sldIdLst/p:sldId", namespaces=NS),
            etree.XPath(".//p:cNvPr[not(ancestor::mc:Fallback)]/@id", namespaces=NS))

# The placeholder types that hold a slide's title.
TITLE_TYPES = ("title", "ctrTitle")
