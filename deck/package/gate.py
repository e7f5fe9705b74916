"""The validity gate: the structural problems that make PowerPoint offer to repair a package (and
that LibreOffice silently tolerates), found in its bytes."""
from __future__ import annotations

import io
import posixpath
import zipfile
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import unquote

from lxml import etree

from deck.ooxml import CONTENT_TYPES_PART, NS, PRESENTATION_CT, SLIDE_CT, Serialised, read_part, relationships
from deck.package.archive import PARSER, integer


def check(data: bytes) -> list[str]:
    """Structural problems in a package that make PowerPoint repair or refuse it.

    Returns human-readable problems, each starting with the part it concerns; an empty
    list means the package passed.

    Each part is read, parsed, checked and let go before the next, keeping only what the
    checks across parts need (relationships, content types, the presentation's slide ids):
    a deck's parsed trees together take many times its size.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = [info for info in archive.infolist() if not info.is_dir()]
    except Exception as exc:  # a gate reports, it does not crash: zipfile raises many types
        return _unreadable(data, exc)
    with archive:
        gate = Gate([info.filename for info in infos])
        for info in infos:
            try:
                body = archive.read(info)  # read() checks the CRC
            except Exception as exc:
                return _unreadable(data, exc)
            gate.read(info.filename, body)
    return gate.problems()


def _unreadable(data: bytes, exc: Exception) -> list[str]:
    if not data.startswith(b"PK"):
        return ["not a zip archive (a .pptx file is a zip package)"]
    return [f"corrupt zip archive: {exc}"]


class Gate:
    """The checks of `check`, fed one part at a time in the order of the archive.

    Problems come out in the order of the checks: duplicate entries, content types, each part
    (its content type, its XML), relationships, the presentation, shape ids. Content types
    decide how a part is checked, so parts that come before [Content_Types].xml in the archive
    wait for it as bytes (a deck written by deck has it first, so none wait)."""

    def __init__(self, entries: list[str]):
        self.duplicates: list[str] = []
        counts = Counter(name.casefold() for name in entries)
        for name in dict.fromkeys(entries):
            if counts[name.casefold()] > 1:
                # Part names are case-insensitive, so A.xml and a.xml collide too.
                self.duplicates.append(f"{name}: duplicate zip entry ({counts[name.casefold()]} entries)")
                counts[name.casefold()] = 0
        self.names = {name.casefold(): name for name in dict.fromkeys(entries)}
        self.seen: set[str] = set()  # the first entry of a name is the part; later ones are duplicates
        self.content_type: Callable[[str], str | None] | None = None
        self.typed = False  # [Content_Types].xml parsed: every part must have a type
        self.waiting: list[tuple[str, bytes]] = []
        self.type_problems: list[str] = []
        self.part_problems: list[str] = []
        self.rel_problems: list[str] = []
        self.shape_problems: list[str] = []
        self.rels: dict[str, dict[str, tuple[str, str]]] = {}
        self.parsed: set[str] = set()
        self.slide_ids: dict[str, list[tuple[str | None, str | None]]] = {}
        if CONTENT_TYPES_PART not in self.names.values():
            self._types(None)

    def read(self, name: str, body: bytes) -> None:
        if name in self.seen:
            return
        self.seen.add(name)
        if name == CONTENT_TYPES_PART:
            self._types(body)
        elif self.content_type is None:
            self.waiting.append((name, body))
        else:
            self._part(name, body, self.content_type)

    def _types(self, body: bytes | None) -> None:
        content_type, self.typed = _content_types(body, self.names, self.type_problems)
        self.content_type = content_type
        waiting, self.waiting = self.waiting, []
        for name, waiting_body in waiting:
            self._part(name, waiting_body, content_type)

    def _part(self, name: str, body: bytes, content_type: Callable[[str], str | None]) -> None:
        ctype = content_type(name)
        if ctype is None and self.typed:  # else every part would be listed
            self.part_problems.append(f"{name}: no content type (no Override, no Default for its extension)")
        if not (name.endswith((".xml", ".rels")) or (ctype or "").endswith("xml")):
            return
        if isinstance(body, Serialised):
            # serialised by deck from a tree, read before serialising: well-formed, not parsed again
            read, listed = (body.tag, body.slide_ids, body.shape_ids), body.relationships
        else:
            try:
                root = etree.fromstring(body, PARSER)
            except etree.XMLSyntaxError as exc:
                self.part_problems.append(f"{name}: not well-formed XML: {exc}")
                return
            read, listed = read_part(root), relationships(root)
        if name.endswith(".rels"):
            _relationships(name, listed, self.names, self.rels, self.rel_problems)
        self.parsed.add(name)
        _, ids, shape_ids = read
        if ids:
            self.slide_ids[name] = ids
        if shape_ids is not None:
            _check_shape_ids(name, shape_ids, self.shape_problems)

    def problems(self) -> list[str]:
        """The problems found, once every entry has been read."""
        if self.content_type is None:
            raise RuntimeError(f"{CONTENT_TYPES_PART} is listed but was not read")
        presentation: list[str] = []
        _check_presentation(self.rels, self.parsed, self.slide_ids, self.content_type, presentation)
        return (self.duplicates + self.type_problems + self.part_problems + self.rel_problems + presentation
                + self.shape_problems)


def _content_types(
    body: bytes | None, names: dict[str, str], problems: list[str]
) -> tuple[Callable[[str], str | None], bool]:
    """Check [Content_Types].xml (None: missing); return a part -> content type lookup, and
    whether the part could be read."""
    # An entry without a ContentType attribute types nothing, as if it were absent.
    defaults: dict[str, str | None] = {}
    overrides: dict[str, str | None] = {}
    parsed = False
    if body is None:
        problems.append(f"{CONTENT_TYPES_PART}: missing")
    else:
        try:
            root = etree.fromstring(body, PARSER)
        except etree.XMLSyntaxError as exc:
            problems.append(f"{CONTENT_TYPES_PART}: not well-formed XML: {exc}")
        else:
            parsed = True
            for el in root.iterfind("ct:Default", NS):
                defaults[el.get("Extension", "").casefold()] = el.get("ContentType")
            for el in root.iterfind("ct:Override", NS):
                part = el.get("PartName", "")
                overrides[part.lstrip("/").casefold()] = el.get("ContentType")
                if part.lstrip("/").casefold() not in names:
                    problems.append(f"{CONTENT_TYPES_PART}: Override for {part}, which does not exist")

    def content_type(name: str) -> str | None:
        file = posixpath.basename(name)  # "_rels/.rels" has the extension "rels"
        extension = file.rpartition(".")[2].casefold() if "." in file else ""
        return overrides.get(name.casefold()) or defaults.get(extension)

    return content_type, parsed


def _relationships(
    rels_name: str, listed: list[tuple[str, str, str, str | None]], names: dict[str, str],
    found: dict[str, dict[str, tuple[str, str]]], problems: list[str],
) -> None:
    """Check one *.rels part's relationships (`deck.ooxml.relationships`); add them to
    {source part: {rId: (type, target part)}}."""
    folder, file = posixpath.split(rels_name)
    if posixpath.basename(folder) != "_rels":
        problems.append(f"{rels_name}: relationship part outside a _rels folder")
        return
    base = posixpath.dirname(folder)  # targets are relative to the source's folder
    source = posixpath.join(base, file[: -len(".rels")])  # "" for the package itself
    if source and source.casefold() not in names:
        problems.append(f"{rels_name}: relationships of {source}, which does not exist")
    ids = found.setdefault(source, {})
    for rid, kind, target, mode in listed:
        if rid in ids:
            problems.append(f"{rels_name}: duplicate relationship id {rid}")
        if mode == "External":
            ids[rid] = (kind, target)
            continue
        part = _target_part(base, target)
        if part.casefold() not in names:
            problems.append(f"{rels_name}: {rid} points to {target}, which does not exist")
        ids[rid] = (kind, names.get(part.casefold(), part))


@lru_cache(maxsize=4096)  # slides relate to the same layouts, masters and media again and again
def _target_part(base: str, target: str) -> str:
    """The part a relationship's target names, from the folder of the part that relates to it."""
    path = unquote(target.split("#")[0])
    if path.startswith("/"):
        return path[1:]
    return posixpath.normpath(posixpath.join(base, path))


def _check_presentation(
    rels: dict, parsed: set[str], slide_ids: dict[str, list], content_type: Callable[[str], str | None],
    problems: list[str],
) -> None:
    main = next(
        (part for kind, part in rels.get("", {}).values() if kind.endswith("/officeDocument")),
        None,
    )
    if main is None:
        problems.append("_rels/.rels: no officeDocument relationship to the presentation")
        return
    if content_type(main) not in (PRESENTATION_CT, None):  # None is reported already
        problems.append(f"{main}: content type {content_type(main)}, expected {PRESENTATION_CT}")
    if main not in parsed:
        return
    slide_rels = rels.get(main, {})
    ids: Counter[str | None] = Counter()
    for value, rid in slide_ids.get(main, []):
        number = integer(value)
        # ST_SlideId: 256 <= id < 2**31
        if number is None or not 256 <= number < 2**31:
            problems.append(f"{main}: slide id {value} is not an integer from 256 to 2147483647")
        ids[value] += 1
        kind, slide = slide_rels.get(rid, ("", ""))
        if not kind.endswith("/slide"):
            problems.append(f"{main}: slide id {value} refers to {rid}, which is not a slide relationship")
        elif content_type(slide) not in (SLIDE_CT, None):  # None is reported already
            # A slide typed by the generic Default for .xml is one PowerPoint cannot load.
            problems.append(f"{slide}: content type {content_type(slide)}, expected {SLIDE_CT}")
    for value, n in ids.items():
        if n > 1:
            problems.append(f"{main}: duplicate slide id {value} ({n} slides)")


def _check_shape_ids(name: str, shape_ids: list[str], problems: list[str]) -> None:
    ids = Counter(shape_ids)
    for value, n in ids.items():
        number = integer(value)
        if number is None or number < 0:
            problems.append(f"{name}: shape id {value!r} is not a non-negative integer")
        if n > 1:
            problems.append(f"{name}: duplicate shape id {value} ({n} shapes)")
