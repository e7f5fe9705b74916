"""The package stage: the last step before a deck is written to disk.

It works on the bytes of a saved .pptx (an OPC package: a zip of XML parts plus
relationship parts), never on python-pptx objects, so it does not import pptx.

- `normalise` makes the bytes reproducible: python-pptx stamps zip entries with the
  wall clock and XlsxWriter stamps each chart's embedded workbook with "now".
- `check` is a structural validity gate for the problems that make PowerPoint offer
  to repair a file (and that LibreOffice silently tolerates).
- `audit` runs the openxml-audit schema/semantic validator (used by the tests).
"""

from __future__ import annotations

import io
import os
import posixpath
import re
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from functools import cache
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

DEFAULT_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
# zlib's default level; note that bytes are only identical for the same zlib build.
COMPRESS_LEVEL = 6
CONTENT_TYPES = "[Content_Types].xml"
PRESENTATION_CT = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
SLIDE_CT = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
_EMBEDDED_PACKAGES = (".xlsx", ".xlsm", ".docx", ".pptx")
_MAX_AXIS_ID = 2**31 - 1  # stay in the signed 32-bit range PowerPoint itself writes

NS = {
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
# Parts that carry a shape tree, whose cNvPr ids PowerPoint requires to be unique.
_SHAPE_TREE_ROOTS = {
    f"{{{NS['p']}}}{tag}"
    for tag in ("sld", "sldLayout", "sldMaster", "notes", "notesMaster", "handoutMaster")
}
# mc:Fallback repeats the ids of its mc:Choice on purpose, so it is not a duplicate.
_SHAPE_IDS = etree.XPath(".//p:cNvPr[not(ancestor::mc:Fallback)]/@id", namespaces=NS)
_AXIS_REFS = (f"{{{NS['c']}}}axId", f"{{{NS['c']}}}crossAx")
_CHART_PART = re.compile(r"ppt/charts/chart[^/]*\.xml")
# Untrusted input (templates come from users): no entity expansion, no network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


# -- reproducibility ---------------------------------------------------------------


def source_date(env: Mapping[str, str] = os.environ) -> datetime:
    """The build timestamp: SOURCE_DATE_EPOCH (reproducible-builds.org) or a fixed default.

    An empty SOURCE_DATE_EPOCH counts as unset, as CI systems often export it blank.
    """
    raw = env.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return DEFAULT_DATE
    hint = "whole seconds since 1970-01-01 UTC, as `date +%s` prints"
    if not re.fullmatch(r"[0-9]+", raw):
        raise ValueError(f"SOURCE_DATE_EPOCH={raw!r} is not valid: expected {hint}")
    try:
        return datetime.fromtimestamp(int(raw), tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"SOURCE_DATE_EPOCH={raw!r} is out of range: expected {hint}") from None


def normalise(data: bytes, *, modified: datetime) -> bytes:
    """Rewrite a saved package so identical content gives identical bytes.

    Zip entries get fixed metadata; core properties get `modified` as their created and
    modified dates and revision 1; chart axis ids become valid; embedded workbooks are
    normalised the same way. Idempotent. A naive `modified` is taken as UTC.
    It validates nothing (that is `check`); bytes that are not a zip raise BadZipFile.
    """
    stamp = _w3cdtf(modified)
    return _rezip(data, lambda name, body: _normalise_part(name, body, stamp))


def seal(entries: list[tuple[str, bytes]], *, modified: datetime) -> tuple[bytes, list[str]]:
    """A deck's parts (zip member name, bytes), as a build renders them, into the final package:
    each part normalised as `normalise` does, checked as `check` does, and compressed, with the
    checks in a second thread (lxml parses and zlib compresses without holding the GIL, so on
    two cores the check costs little). Returns the bytes and the problems."""
    stamp = _w3cdtf(modified)
    parts = [(name, _normalise_part(name, body, stamp)) for name, body in _ordered(entries)]
    gate = _Gate([name for name, _ in parts])
    with ThreadPoolExecutor(max_workers=1) as checker:
        checked = checker.submit(lambda: [gate.read(name, body) for name, body in parts])
        data = _zip(parts, lambda name, body: body)
        checked.result()
    return data, gate.problems()


def fix_chart_axis_ids(data: bytes) -> bytes:
    """Make python-pptx's negative c:axId values positive in every chart part.

    The schema types axId as unsignedInt; python-pptx writes constants such as
    -2068027336, which PowerPoint accepts and validators reject. The zip is rewritten
    the way `normalise` writes it.
    """
    return _rezip(data, _fix_chart_part)


def _normalise_part(name: str, body: bytes, stamp: str) -> bytes:
    if name == "docProps/core.xml":  # where python-pptx and XlsxWriter put core properties
        return _fix_core_properties(body, stamp)
    if name.lower().endswith(_EMBEDDED_PACKAGES) and zipfile.is_zipfile(io.BytesIO(body)):
        return _rezip(body, lambda inner, b: _normalise_part(inner, b, stamp))
    return _fix_chart_part(name, body)


def _rezip(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return _zip(_ordered((info.filename, src.read(info)) for info in src.infolist()), edit)


def _zip(entries: Iterable[tuple[str, bytes]], edit: Callable[[str, bytes], bytes]) -> bytes:
    """The entries, in the order given, each edited, as a zip with fixed metadata."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst, warnings.catch_warnings():
        # Duplicate entries are kept, not silently dropped, so `check` reports them.
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        for name, body in entries:
            entry = zipfile.ZipInfo(name, ZIP_EPOCH)
            # A regular rw-r--r-- Unix file: zipfile would replace 0 with rw------- anyway.
            entry.create_system = 3
            entry.external_attr = 0o100644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, edit(name, body), compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def _ordered(entries: Iterable[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Content types first (Office convention), otherwise the order given, which python-pptx
    makes deterministic (a stable sort)."""
    return sorted(entries, key=lambda entry: entry[0] != CONTENT_TYPES)


def _fix_core_properties(body: bytes, stamp: str) -> bytes:
    root = etree.fromstring(body, _PARSER)
    for tag in ("created", "modified"):
        el = _child(root, "dcterms", tag)
        el.set(f"{{{NS['xsi']}}}type", f"{el.prefix}:W3CDTF")
        el.text = stamp
    _child(root, "cp", "revision").text = "1"
    return _serialise(root)


def _child(root: etree._Element, prefix: str, tag: str) -> etree._Element:
    el = root.find(f"{prefix}:{tag}", NS)
    if el is None:
        el = etree.SubElement(root, f"{{{NS[prefix]}}}{tag}", nsmap={prefix: NS[prefix]})
    return el


def _fix_chart_part(name: str, body: bytes) -> bytes:
    if not _CHART_PART.fullmatch(name):
        return body
    root = etree.fromstring(body, _PARSER)
    refs = [(el, _int(el.get("val"))) for el in root.iter(*_AXIS_REFS)]
    if all(value is None or value >= 0 for _, value in refs):
        return body
    # Map each negative id to a free positive one, the same id everywhere it is used,
    # so axId/crossAx pairs still match.
    used = {value for _, value in refs if value is not None and value >= 0}
    mapping: dict[int, int] = {}
    for el, value in refs:
        if value is None or value >= 0:
            continue
        if value not in mapping:
            new = (-value) & _MAX_AXIS_ID or 1
            while new in used:
                new = new % _MAX_AXIS_ID + 1
            mapping[value] = new
            used.add(new)
        el.set("val", str(mapping[value]))
    return _serialise(root)


def _w3cdtf(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _serialise(root: etree._Element) -> bytes:
    # The same declaration python-pptx writes.
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


# -- validity gate ------------------------------------------------------------------


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
        gate = _Gate([info.filename for info in infos])
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


class _Gate:
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
        if CONTENT_TYPES not in self.names.values():
            self._types(None)

    def read(self, name: str, body: bytes) -> None:
        if name in self.seen:
            return
        self.seen.add(name)
        if name == CONTENT_TYPES:
            self._types(body)
        elif self.content_type is None:
            self.waiting.append((name, body))
        else:
            self._part(name, body)

    def _types(self, body: bytes | None) -> None:
        self.content_type, self.typed = _content_types(body, self.names, self.type_problems)
        waiting, self.waiting = self.waiting, []
        for name, waiting_body in waiting:
            self._part(name, waiting_body)

    def _part(self, name: str, body: bytes) -> None:
        ctype = self.content_type(name)
        if ctype is None and self.typed:  # else every part would be listed
            self.part_problems.append(f"{name}: no content type (no Override, no Default for its extension)")
        if not (name.endswith((".xml", ".rels")) or (ctype or "").endswith("xml")):
            return
        try:
            root = etree.fromstring(body, _PARSER)
        except etree.XMLSyntaxError as exc:
            self.part_problems.append(f"{name}: not well-formed XML: {exc}")
            return
        self.parsed.add(name)
        if name.endswith(".rels"):
            _relationships(name, root, self.names, self.rels, self.rel_problems)
        ids = [(el.get("id"), el.get(f"{{{NS['r']}}}id")) for el in root.iterfind("p:sldIdLst/p:sldId", NS)]
        if ids:
            self.slide_ids[name] = ids
        if root.tag in _SHAPE_TREE_ROOTS:
            _check_shape_ids(name, root, self.shape_problems)

    def problems(self) -> list[str]:
        presentation: list[str] = []
        _check_presentation(self.rels, self.parsed, self.slide_ids, self.content_type, presentation)
        return (self.duplicates + self.type_problems + self.part_problems + self.rel_problems + presentation
                + self.shape_problems)


def _content_types(
    body: bytes | None, names: dict[str, str], problems: list[str]
) -> tuple[Callable[[str], str | None], bool]:
    """Check [Content_Types].xml (None: missing); return a part -> content type lookup, and
    whether the part could be read."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    parsed = False
    if body is None:
        problems.append(f"{CONTENT_TYPES}: missing")
    else:
        try:
            root = etree.fromstring(body, _PARSER)
        except etree.XMLSyntaxError as exc:
            problems.append(f"{CONTENT_TYPES}: not well-formed XML: {exc}")
        else:
            parsed = True
            for el in root.iterfind("ct:Default", NS):
                defaults[el.get("Extension", "").casefold()] = el.get("ContentType")
            for el in root.iterfind("ct:Override", NS):
                part = el.get("PartName", "")
                overrides[part.lstrip("/").casefold()] = el.get("ContentType")
                if part.lstrip("/").casefold() not in names:
                    problems.append(f"{CONTENT_TYPES}: Override for {part}, which does not exist")

    def content_type(name: str) -> str | None:
        file = posixpath.basename(name)  # "_rels/.rels" has the extension "rels"
        extension = file.rpartition(".")[2].casefold() if "." in file else ""
        return overrides.get(name.casefold()) or defaults.get(extension)

    return content_type, parsed


def _relationships(
    rels_name: str, root: etree._Element, names: dict[str, str], found: dict[str, dict[str, tuple[str, str]]],
    problems: list[str],
) -> None:
    """Check one *.rels part; add its relationships to {source part: {rId: (type, target part)}}."""
    folder, file = posixpath.split(rels_name)
    if posixpath.basename(folder) != "_rels":
        problems.append(f"{rels_name}: relationship part outside a _rels folder")
        return
    base = posixpath.dirname(folder)  # targets are relative to the source's folder
    source = posixpath.join(base, file[: -len(".rels")])  # "" for the package itself
    if source and source.casefold() not in names:
        problems.append(f"{rels_name}: relationships of {source}, which does not exist")
    ids = found.setdefault(source, {})
    for el in root.iterfind("rel:Relationship", NS):
        rid, target = el.get("Id", ""), el.get("Target", "")
        if rid in ids:
            problems.append(f"{rels_name}: duplicate relationship id {rid}")
        if el.get("TargetMode") == "External":
            ids[rid] = (el.get("Type", ""), target)
            continue
        path = unquote(target.split("#")[0])
        if path.startswith("/"):
            part = path[1:]
        else:
            part = posixpath.normpath(posixpath.join(base, path))
        if part.casefold() not in names:
            problems.append(f"{rels_name}: {rid} points to {target}, which does not exist")
        ids[rid] = (el.get("Type", ""), names.get(part.casefold(), part))


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
        number = _int(value)
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


def _check_shape_ids(name: str, root: etree._Element, problems: list[str]) -> None:
    ids = Counter(str(value) for value in _SHAPE_IDS(root))
    for value, n in ids.items():
        if _int(value) is None or _int(value) < 0:
            problems.append(f"{name}: shape id {value!r} is not a non-negative integer")
        if n > 1:
            problems.append(f"{name}: duplicate shape id {value} ({n} shapes)")


# -- external validator (for tests) --------------------------------------------------


def audit(path: str | Path) -> list[str]:
    """Errors openxml-audit (a port of the Open XML SDK validator) finds in a file.

    Warnings and infos are left out: only errors make the Open XML SDK reject a file.
    """
    from openxml_audit import ValidationSeverity

    result = _validator().validate(path)
    return [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR]


@cache
def _validator():
    # Building the validator loads its schemas (the slow part), so build it once.
    from openxml_audit import OpenXmlValidator

    return OpenXmlValidator(max_errors=0)  # 0: report every error, not the first 1000
