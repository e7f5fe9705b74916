"""The package's entries (zip member name, bytes) as python-pptx would write them to its zip.

python-pptx's writer builds the content types and every relationship part as trees of its own
element classes, attribute by attribute, and works out each relationship's target with
`posixpath.relpath`; a deck of 1,600 slides has 3,200 parts and 8,000 relationships. Here the same
elements are made with lxml directly and each folder's relative path is worked out once: the
bytes are python-pptx's (tests/test_serialised.py compares them).
"""
from __future__ import annotations

import io
import posixpath
from functools import cache

from lxml import etree
from pptx.opc.package import XmlPart
from pptx.opc.packuri import CONTENT_TYPES_URI, PackURI
from pptx.opc.serialized import PackageWriter, _ContentTypesItem, _PhysPkgWriter

from deck.ooxml import REL, Serialised, serialised
from deck.render.parts import Parts

_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"


def save(presentation, parts: Parts | None = None) -> list[tuple[str, bytes]]:
    """The package's entries (zip member name, bytes) as python-pptx would write them to its zip:
    the same entries, in the same order, with the same content. The package stage
    (deck.package.seal) normalises, checks and compresses them in one pass."""
    if parts is not None:
        parts.finish()
    package = presentation.part.package
    # The writer's file stays unused: `entries` writes to a list.
    return _EntryWriter(io.BytesIO(), package._rels, tuple(package.iter_parts())).entries()


class _EntryWriter(PackageWriter):
    """python-pptx's PackageWriter, writing to a list rather than to a zip file."""

    def entries(self) -> list[tuple[str, bytes]]:
        found = _EntryList()
        found.write(CONTENT_TYPES_URI, content_types_xml(self._parts))
        self._write_pkg_rels(found)
        self._write_parts(found)
        return found.entries

    def _write_parts(self, phys_writer) -> None:
        """python-pptx's, with each XML part's bytes carrying what the package check reads from its
        tree (`deck.ooxml.Serialised`), so that the check does not parse them again."""
        for part in self._parts:
            blob = part.blob
            if isinstance(part, XmlPart) and not isinstance(blob, Serialised):
                blob = serialised(part._element, blob)
            phys_writer.write(part.partname, blob)
            if part._rels:
                phys_writer.write(part.partname.rels_uri, rels_xml(part.rels))


def content_types_xml(parts) -> bytes:
    """The bytes python-pptx writes for [Content_Types].xml: its defaults and overrides, each
    sorted, as elements made with lxml directly."""
    defaults, overrides = _ContentTypesItem(parts)._defaults_and_overrides
    root = etree.Element(f"{{{_TYPES}}}Types", nsmap={None: _TYPES})  # type: ignore[dict-item]
    for extension, content_type in sorted(defaults.items()):
        etree.SubElement(root, f"{{{_TYPES}}}Default", Extension=extension, ContentType=content_type)
    for partname, content_type in sorted(overrides.items()):
        etree.SubElement(root, f"{{{_TYPES}}}Override", PartName=partname, ContentType=content_type)
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def rels_xml(rels) -> bytes:
    """The bytes of python-pptx's `_Relationships.xml` (relationships in the numerical order of
    their ids), built with lxml directly rather than an element class and a parse per relationship,
    and carrying the relationships for the package check (`deck.ooxml.Serialised`)."""
    root = etree.Element(f"{{{REL}}}Relationships", nsmap={None: REL})  # type: ignore[dict-item]
    numbered = sorted((int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid) for rid in rels.keys())
    for _, rid in numbered:
        rel = rels[rid]
        el = etree.SubElement(root, f"{{{REL}}}Relationship", Id=rel.rId, Type=rel.reltype, Target=_target(rel))
        if rel.is_external:
            el.set("TargetMode", "External")
    return serialised(root, etree.tostring(root, encoding="UTF-8", standalone=True))


def _target(rel) -> str:
    """python-pptx's `target_ref`: an external target as it is, a part's name relative to the
    folder of the part that relates to it ("../notesSlides/notesSlide7.xml")."""
    if rel.is_external:
        return rel.target_ref
    base, partname = rel._base_uri, rel.target_partname
    if base == "/":
        return partname[1:]
    folder, name = posixpath.split(partname)
    if not name or name in base.split("/"):  # where relpath would walk through the name itself
        return posixpath.relpath(partname, base)
    up = _relative_folder(folder, base)
    return name if up == "." else f"{up}/{name}"


@cache  # a deck's parts sit in a few folders
def _relative_folder(folder: str, base: str) -> str:
    return posixpath.relpath(folder, base)


class _EntryList(_PhysPkgWriter):
    """What python-pptx's writer writes, as (zip member name, bytes)."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, bytes]] = []

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.entries.append((pack_uri.membername, blob))

