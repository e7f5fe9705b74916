"""Tests for deck.package: reproducible bytes, the structural gate, openxml-audit."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
import warnings
import zipfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches
from support.audit import audit

from deck.package import (
    DEFAULT_DATE,
    check,
    fix_chart_axis_ids,
    normalise,
    seal,
    source_date,
)
from deck.package.archive import write
from deck.package.fingerprint import stamp

WHEN = datetime(2013, 1, 1, tzinfo=UTC)
EMBEDDED = "ppt/embeddings/Microsoft_Excel_Sheet1.xlsx"


def make_deck(slides: int = 3, chart: bool = True) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    for i in range(slides):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = f"Slide {i + 1} makes a point"
        slide.placeholders[1].text = "first bullet\nsecond bullet"
        slide.notes_slide.notes_text_frame.text = f"notes for slide {i + 1}"
    if chart:
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = "Impact doubles in two years"
        data = CategoryChartData()
        data.categories = ["2021", "2022", "2023"]
        data.add_series("Teams", (4, 6, 9))
        data.add_series("Projects", (2, 5, 8))
        slide.shapes.add_chart(
            XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1.5), Inches(8), Inches(5), data
        )
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def deck() -> bytes:
    return make_deck()


@pytest.fixture(scope="module")
def plain_deck() -> bytes:
    return make_deck(chart=False)


def read(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def edit(data: bytes, name: str, change) -> bytes:
    """A copy of the package with one entry's text changed (None: entry removed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == name:
                text = change(body.decode())
                if text is None:
                    continue
                body = text.encode()
            dst.writestr(info, body)
    return out.getvalue()


def sub_once(pattern: str, replacement: str):
    def change(text: str) -> str:
        new, n = re.subn(pattern, replacement, text, count=1)
        assert n == 1, f"test setup: {pattern!r} not found"
        return new

    return change


# -- normalise ------------------------------------------------------------------


def test_two_saves_at_different_times_normalise_to_identical_bytes(monkeypatch):
    first = make_deck()
    time.sleep(1.1)  # XlsxWriter stamps the embedded workbook with the current second
    real_time = time.time
    with monkeypatch.context() as m:
        m.setattr(time, "time", lambda: real_time() + 86_400)  # zip entry stamps: a day later
        second = make_deck()

    # The raw saves really differ, in both places the design notes name.
    assert first != second
    assert read(first, "[Content_Types].xml") == read(second, "[Content_Types].xml")
    with zipfile.ZipFile(io.BytesIO(first)) as a, zipfile.ZipFile(io.BytesIO(second)) as b:
        assert a.getinfo("ppt/presentation.xml").date_time != b.getinfo("ppt/presentation.xml").date_time
    assert read(read(first, EMBEDDED), "docProps/core.xml") != read(read(second, EMBEDDED), "docProps/core.xml")

    assert normalise(first, modified=WHEN) == normalise(second, modified=WHEN)


def test_normalise_is_idempotent(deck):
    once = normalise(deck, modified=WHEN)
    assert normalise(once, modified=WHEN) == once


def test_normalised_zip_entries_have_fixed_metadata_and_order(deck):
    with zipfile.ZipFile(io.BytesIO(deck)) as raw:
        original = [info.filename for info in raw.infolist()]
    data = normalise(deck, modified=WHEN)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert [info.filename for info in infos] == original  # python-pptx already puts [Content_Types].xml first
    assert infos[0].filename == "[Content_Types].xml"
    for info in infos:
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.compress_type == zipfile.ZIP_DEFLATED
        assert (info.create_system, info.external_attr) == (3, 0o100644 << 16)


def test_content_types_entry_is_moved_first():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("b.xml", "<b/>")
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("a.xml", "<a/>")
    with zipfile.ZipFile(io.BytesIO(normalise(out.getvalue(), modified=WHEN))) as archive:
        assert archive.namelist() == ["[Content_Types].xml", "b.xml", "a.xml"]


def test_normalised_deck_reopens_with_the_given_dates(deck):
    prs = Presentation(io.BytesIO(normalise(deck, modified=WHEN)))
    props = prs.core_properties
    assert props.created == props.modified == WHEN.replace(tzinfo=None)  # python-pptx reads UTC as naive
    assert props.revision == 1
    chart = prs.slides[-1].shapes[-1].chart
    assert list(chart.plots[0].categories) == ["2021", "2022", "2023"]
    assert [s.name for s in chart.series] == ["Teams", "Projects"]


def test_core_properties_are_written_in_w3cdtf_utc(deck):
    amsterdam = timezone(timedelta(hours=2))
    data = normalise(deck, modified=datetime(2024, 6, 1, 14, 30, 15, 999, tzinfo=amsterdam))
    core = read(data, "docProps/core.xml").decode()
    assert core.count("2024-06-01T12:30:15Z") == 2
    assert "<cp:revision>1</cp:revision>" in core
    assert normalise(deck, modified=datetime(2024, 6, 1, 12, 30, 15)) == data  # naive means UTC


def test_embedded_workbook_is_normalised_too(deck):
    data = normalise(deck, modified=WHEN)
    workbook = read(data, EMBEDDED)
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2013-01-01T00:00:00Z") == 2


@settings(max_examples=25, deadline=None)
@given(st.datetimes(min_value=datetime(1980, 1, 1), max_value=datetime(9999, 12, 30)))
def test_any_date_round_trips_through_core_properties(moment):
    # A tiny package keeps this fast; the real-deck tests above cover the rest.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("docProps/core.xml", CORE_XML)
    core = read(normalise(out.getvalue(), modified=moment), "docProps/core.xml").decode()
    assert core.count(moment.strftime("%Y-%m-%dT%H:%M:%SZ")) == 2


CORE_XML = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    ' xmlns:dcterms="http://purl.org/dc/terms/"/>'
)


def test_missing_dates_are_added_with_their_type():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("docProps/core.xml", CORE_XML)
    core = read(normalise(out.getvalue(), modified=WHEN), "docProps/core.xml").decode()
    assert re.search(r'<dcterms:created [^>]*type="dcterms:W3CDTF"[^>]*>2013-01-01T00:00:00Z<', core)
    assert "<cp:revision>1</cp:revision>" in core


# -- chart axis ids -----------------------------------------------------------------


def axis_ids(chart_xml: bytes) -> list[int]:
    return [int(v) for v in re.findall(rb'<c:(?:axId|crossAx) val="(-?\d+)"', chart_xml)]


def test_python_pptx_writes_negative_axis_ids_and_normalise_fixes_them(deck):
    raw = axis_ids(read(deck, "ppt/charts/chart1.xml"))
    assert min(raw) < 0  # if python-pptx ever stops doing this, the fix can go
    fixed = axis_ids(read(normalise(deck, modified=WHEN), "ppt/charts/chart1.xml"))
    assert min(fixed) > 0
    # The same old id always becomes the same new id, so axId/crossAx pairs still match.
    assert len(set(zip(raw, fixed, strict=False))) == len(set(raw)) == len(set(fixed))


def chart_package(chart_xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("ppt/charts/chart1.xml", chart_xml)
        archive.writestr("ppt/charts/chart2.xml", chart_xml)
    return out.getvalue()


def test_fixed_axis_ids_avoid_ids_already_in_use():
    chart = (
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        '<c:axId val="-5"/><c:axId val="5"/><c:axId val="-2147483648"/><c:crossAx val="-5"/>'
        "</c:chartSpace>"
    )
    data = fix_chart_axis_ids(chart_package(chart))
    assert axis_ids(read(data, "ppt/charts/chart1.xml")) == [6, 5, 1, 6]
    assert read(data, "ppt/charts/chart2.xml") == read(data, "ppt/charts/chart1.xml")
    assert fix_chart_axis_ids(data) == data


# -- check ----------------------------------------------------------------------


def test_python_pptx_decks_pass_check(deck, plain_deck):
    assert check(plain_deck) == []
    assert check(deck) == []
    assert check(normalise(deck, modified=WHEN)) == []
    assert check(make_deck(slides=0, chart=False)) == []


def duplicate_entry(data: bytes) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        archive.writestr("ppt/slides/slide1.xml", read(data, "ppt/slides/slide1.xml"))
    return out.getvalue()


def replacing(part: str, pattern: str, replacement: str):
    return lambda data: edit(data, part, sub_once(pattern, replacement))


CT, PRES, SLIDE1 = "[Content_Types].xml", "ppt/presentation.xml", "ppt/slides/slide1.xml"
SLIDE_OVERRIDE = r'<Override PartName="/ppt/slides/slide1\.xml"[^>]*/>'
GHOST_OVERRIDE = '<Override PartName="/ppt/ghost.xml" ContentType="application/xml"/></Types>'
BROKEN = {
    "duplicate zip entry": (duplicate_entry, f"{SLIDE1}: duplicate zip entry"),
    "missing relationship target": (
        replacing("ppt/slides/_rels/slide2.xml.rels", r"slideLayout2\.xml", "slideLayout99.xml"),
        "ppt/slides/_rels/slide2.xml.rels: rId1 points to ../slideLayouts/slideLayout99.xml,"
        " which does not exist",
    ),
    "part without content type": (
        replacing(CT, r'<Default Extension="jpeg"[^>]*/>', ""),
        "docProps/thumbnail.jpeg: no content type",
    ),
    "slide typed as generic xml": (
        replacing(CT, SLIDE_OVERRIDE, ""),
        f"{SLIDE1}: content type application/xml, expected application/vnd.openxmlformats-"
        "officedocument.presentationml.slide+xml",
    ),
    "override for a missing part": (
        replacing(CT, "</Types>", GHOST_OVERRIDE),
        f"{CT}: Override for /ppt/ghost.xml, which does not exist",
    ),
    "missing content types part": (lambda d: edit(d, CT, lambda text: None), f"{CT}: missing"),
    "duplicate shape id": (
        replacing("ppt/slides/slide2.xml", r'<p:cNvPr id="3"', '<p:cNvPr id="2"'),
        "ppt/slides/slide2.xml: duplicate shape id 2 (2 shapes)",
    ),
    "duplicate slide id": (
        replacing(PRES, r'<p:sldId id="257"', '<p:sldId id="256"'),
        f"{PRES}: duplicate slide id 256 (2 slides)",
    ),
    "slide id below 256": (
        replacing(PRES, r'<p:sldId id="256"', '<p:sldId id="255"'),
        f"{PRES}: slide id 255 is not an integer from 256 to 2147483647",
    ),
    "slide r:id that does not resolve": (
        replacing(PRES, r'(<p:sldId id="256" r:id=")rId\d+"', r'\1rId999"'),
        f"{PRES}: slide id 256 refers to rId999, which is not a slide relationship",
    ),
    "template content type": (
        replacing(CT, r"presentationml\.presentation\.main", "presentationml.template.main"),
        f"{PRES}: content type application/vnd.openxmlformats-officedocument.presentationml."
        "template.main+xml",
    ),
    "malformed xml": (
        lambda d: edit(d, "ppt/slides/slide1.xml", lambda text: text[:-20]),
        "ppt/slides/slide1.xml: not well-formed XML",
    ),
    "truncated zip": (lambda d: d[: len(d) // 2], "corrupt zip archive"),
    "not a zip at all": (lambda d: b"<html>not a deck</html>", "not a zip archive"),
    "empty file": (lambda d: b"", "not a zip archive"),
}


@pytest.mark.parametrize("breakage", BROKEN, ids=list(BROKEN))
def test_check_finds_each_problem(deck, breakage):
    breaker, expected = BROKEN[breakage]
    problems = check(breaker(deck))
    assert [p for p in problems if p.startswith(expected)], problems
    assert len(problems) == 1, problems  # one fault, one message: no cascades


def entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


ZIP_LEVEL = {"truncated zip", "not a zip at all", "empty file"}  # seal never reads a zip


@pytest.mark.parametrize("breakage", ["intact"] + [b for b in BROKEN if b not in ZIP_LEVEL])
def test_seal_is_normalise_and_check_in_one_pass(deck, breakage):
    broken = deck if breakage == "intact" else BROKEN[breakage][0](deck)
    data, problems = seal(entries(broken), modified=WHEN)
    assert data == write(stamp(entries(normalise(broken, modified=WHEN))), lambda name, body: body)
    assert problems == check(data)
    assert (problems == []) == (breakage == "intact")


def test_check_survives_normalise_of_a_broken_deck(deck):
    # normalise keeps duplicate entries rather than hiding them from the gate
    assert check(normalise(duplicate_entry(deck), modified=WHEN)) != []


def test_shape_ids_in_mc_fallback_are_not_duplicates(plain_deck):
    fallback = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="p14"><p:sp><p:nvSpPr><p:cNvPr id="9" name="a"/></p:nvSpPr></p:sp></mc:Choice>'
        '<mc:Fallback><p:sp><p:nvSpPr><p:cNvPr id="9" name="a"/></p:nvSpPr></p:sp></mc:Fallback>'
        "</mc:AlternateContent></p:spTree>"
    )
    data = edit(plain_deck, "ppt/slides/slide1.xml", sub_once("</p:spTree>", fallback))
    assert check(data) == []


# -- openxml-audit --------------------------------------------------------------


def test_openxml_audit_accepts_a_normalised_deck_with_a_chart(deck, tmp_path: Path):
    raw, fixed = tmp_path / "raw.pptx", tmp_path / "fixed.pptx"
    raw.write_bytes(deck)
    fixed.write_bytes(normalise(deck, modified=WHEN))
    # Raw python-pptx output fails only on the chart axis ids...
    errors = audit(raw)
    assert errors and all("axId" in e or "crossAx" in e for e in errors), errors
    # ...which normalise fixes.
    assert audit(fixed) == []


def test_openxml_audit_accepts_the_default_template(tmp_path: Path):
    path = tmp_path / "default.pptx"
    Presentation().save(path)
    assert audit(path) == []


def test_openxml_audit_accepts_the_normalised_embedded_workbook(deck, tmp_path: Path):
    path = tmp_path / "data.xlsx"
    path.write_bytes(read(normalise(deck, modified=WHEN), EMBEDDED))
    assert audit(path) == []


# -- source_date ----------------------------------------------------------------


def test_source_date_reads_source_date_epoch():
    assert source_date({"SOURCE_DATE_EPOCH": "1357000000"}) == datetime(2013, 1, 1, 0, 26, 40, tzinfo=UTC)
    assert source_date({"SOURCE_DATE_EPOCH": " 0\n"}) == datetime(1970, 1, 1, tzinfo=UTC)


def test_source_date_falls_back_to_a_fixed_default():
    assert source_date({}) == DEFAULT_DATE == datetime(2000, 1, 1, tzinfo=UTC)
    assert source_date({"SOURCE_DATE_EPOCH": ""}) == DEFAULT_DATE


def test_source_date_reads_the_real_environment_by_default(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert source_date() == datetime(1970, 1, 2, tzinfo=UTC)


@pytest.mark.parametrize("value", ["abc", "1.5", "-1", "12abc", "1e9", "٣", "9" * 30])
def test_source_date_rejects_garbage(value):
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        source_date({"SOURCE_DATE_EPOCH": value})


@given(st.integers(min_value=0, max_value=253402300799))  # up to 9999-12-31T23:59:59Z
def test_source_date_accepts_every_valid_epoch(seconds):
    assert source_date({"SOURCE_DATE_EPOCH": str(seconds)}).timestamp() == seconds


# -- boundaries -----------------------------------------------------------------


def test_package_module_does_not_import_pptx():
    code = "import sys, deck.package; assert 'pptx' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[1])
