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
from collections.abc import Callable, Mapping
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
        # Stable sort: content types first (Office convention), otherwise the original
        # order, which python-pptx makes deterministic.
        infos = sorted(src.infolist(), key=lambda info: info.filename != CONTENT_TYPES)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst, warnings.catch_warnings():
            # Duplicate entries are kept, not silently dropped, so `check` reports them.
            warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
            for info in infos:
                entry = zipfile.ZipInfo(info.filename, ZIP_EPOCH)
                # A regular rw-r--r-- Unix file: zipfile would replace 0 with rw------- anyway.
                entry.create_system = 3
                entry.external_attr = 0o100644 << 16
                entry.compress_type = zipfile.ZIP_DEFLATED
                body = src.read(info)
                dst.writestr(entry, edit(info.filename, body), compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


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
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            parts: dict[str, bytes] = {}
            for info in infos:
                parts.setdefault(info.filename, archive.read(info))  # read() checks the CRC
    except Exception as exc:  # a gate reports, it does not crash: zipfile raises many types
        if not data.startswith(b"PK"):
            return ["not a zip archive (a .pptx file is a zip package)"]
        return [f"corrupt zip archive: {exc}"]

    problems: list[str] = []
    counts = Counter(info.filename.casefold() for info in infos)
    for name in dict.fromkeys(info.filename for info in infos):
        if counts[name.casefold()] > 1:
            # Part names are case-insensitive, so A.xml and a.xml collide too.
            problems.append(f"{name}: duplicate zip entry ({counts[name.casefold()]} entries)")
            counts[name.casefold()] = 0
    names = {name.casefold(): name for name in parts}

    trees: dict[str, etree._Element] = {}
    content_type = _content_types(parts, names, trees, problems)
    for name, body in parts.items():
        if name == CONTENT_TYPES:
            continue
        ctype = content_type(name)
        if ctype is None and CONTENT_TYPES in trees:  # else every part would be listed
            problems.append(f"{name}: no content type (no Override, no Default for its extension)")
        if name.endswith((".xml", ".rels")) or (ctype or "").endswith("xml"):
            try:
                trees[name] = etree.fromstring(body, _PARSER)
            except etree.XMLSyntaxError as exc:
                problems.append(f"{name}: not well-formed XML: {exc}")

    rels = _relationships(trees, names, problems)
    _check_presentation(rels, trees, content_type, problems)
    for name, root in trees.items():
        if root.tag in _SHAPE_TREE_ROOTS:
            _check_shape_ids(name, root, problems)
    return problems


def _content_types(
    parts: dict[str, bytes], names: dict[str, str], trees: dict, problems: list[str]
) -> Callable[[str], str | None]:
    """Check [Content_Types].xml (parsed into trees); return a part -> content type lookup."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    if CONTENT_TYPES not in parts:
        problems.append(f"{CONTENT_TYPES}: missing")
    else:
        try:
            root = trees[CONTENT_TYPES] = etree.fromstring(parts[CONTENT_TYPES], _PARSER)
        except etree.XMLSyntaxError as exc:
            problems.append(f"{CONTENT_TYPES}: not well-formed XML: {exc}")
        else:
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

    return content_type


def _relationships(
    trees: dict, names: dict[str, str], problems: list[str]
) -> dict[str, dict[str, tuple[str, str]]]:
    """Check every *.rels part; return {source part: {rId: (type, target part)}}."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for rels_name, root in trees.items():
        if not rels_name.endswith(".rels"):
            continue
        folder, file = posixpath.split(rels_name)
        if posixpath.basename(folder) != "_rels":
            problems.append(f"{rels_name}: relationship part outside a _rels folder")
            continue
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
    return found


def _check_presentation(
    rels: dict, trees: dict, content_type: Callable[[str], str | None], problems: list[str]
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
    if main not in trees:
        return
    slide_rels = rels.get(main, {})
    ids: Counter[str | None] = Counter()
    for el in trees[main].iterfind("p:sldIdLst/p:sldId", NS):
        value, rid = el.get("id"), el.get(f"{{{NS['r']}}}id")
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
