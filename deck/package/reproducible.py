"""Reproducible bytes: python-pptx stamps zip entries with the wall clock and XlsxWriter stamps
each chart's embedded workbook with "now"; here identical content gives identical bytes."""
from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Mapping
from datetime import UTC, datetime

from lxml import etree

from deck.ooxml import NS, qn
from deck.package.archive import PARSER, integer, rezip, serialise

DEFAULT_DATE = datetime(2000, 1, 1, tzinfo=UTC)
_EMBEDDED_PACKAGES = (".xlsx", ".xlsm", ".docx", ".pptx")
_MAX_AXIS_ID = 2**31 - 1  # stay in the signed 32-bit range PowerPoint itself writes
_AXIS_REFS = (qn("c:axId"), qn("c:crossAx"))
_CHART_PART = re.compile(r"ppt/charts/chart[^/]*\.xml")


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
        return datetime.fromtimestamp(int(raw), tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"SOURCE_DATE_EPOCH={raw!r} is out of range: expected {hint}") from None


def normalise(data: bytes, *, modified: datetime) -> bytes:
    """Rewrite a saved package so identical content gives identical bytes.

    Zip entries get fixed metadata; core properties get `modified` as their created and
    modified dates and revision 1; chart axis ids become valid; embedded workbooks are
    normalised the same way. Idempotent. A naive `modified` is taken as UTC.
    It validates nothing (that is `check`); bytes that are not a zip raise BadZipFile.
    """
    stamp = w3cdtf(modified)
    return rezip(data, lambda name, body: normalise_part(name, body, stamp))


def fix_chart_axis_ids(data: bytes) -> bytes:
    """Make python-pptx's negative c:axId values positive in every chart part.

    The schema types axId as unsignedInt; python-pptx writes constants such as
    -2068027336, which PowerPoint accepts and validators reject. The zip is rewritten
    the way `normalise` writes it.
    """
    return rezip(data, _fix_chart_part)


def normalise_part(name: str, body: bytes, stamp: str) -> bytes:
    """One part as `normalise` leaves it; `stamp` is the date as `w3cdtf` writes it."""
    if name == "docProps/core.xml":  # where python-pptx and XlsxWriter put core properties
        return _fix_core_properties(body, stamp)
    if name.lower().endswith(_EMBEDDED_PACKAGES) and zipfile.is_zipfile(io.BytesIO(body)):
        return rezip(body, lambda inner, b: normalise_part(inner, b, stamp))
    return _fix_chart_part(name, body)


def w3cdtf(moment: datetime) -> str:
    """The date as core properties hold it, in UTC; a naive `moment` is taken as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fix_core_properties(body: bytes, stamp: str) -> bytes:
    root = etree.fromstring(body, PARSER)
    for tag in ("created", "modified"):
        el = _child(root, "dcterms", tag)
        el.set(qn("xsi:type"), f"{el.prefix}:W3CDTF")
        el.text = stamp
    _child(root, "cp", "revision").text = "1"
    return serialise(root)


def _child(root: etree._Element, prefix: str, tag: str) -> etree._Element:
    el = root.find(f"{prefix}:{tag}", NS)
    if el is None:
        el = etree.SubElement(root, qn(f"{prefix}:{tag}"), nsmap={prefix: NS[prefix]})
    return el


def _fix_chart_part(name: str, body: bytes) -> bytes:
    if not _CHART_PART.fullmatch(name):
        return body
    root = etree.fromstring(body, PARSER)
    refs = [(el, integer(el.get("val"))) for el in root.iter(*_AXIS_REFS)]
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
    return serialise(root)
