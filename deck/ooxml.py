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
