"""LibreOffice as the tests use it: a real render to PDF, then every drawn word's box.

The overflow check (docs/checks.md): autofit forced off in a copy (LibreOffice would shrink
text on its own and hide an overflow that PowerPoint shows), PDF by LibreOffice, word boxes by
`pdftotext -bbox`, and every word must lie inside the box of some shape on its slide.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

AUTOFIT = re.compile(rb"<a:(normAutofit|spAutoFit)(\s[^>]*)?/>|<a:normAutofit(\s[^>]*)?>.*?</a:normAutofit>", re.S)
TOLERANCE = 1.5  # points: glyph boxes of anti-aliased text may graze a border
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def require_tools() -> None:
    """Skip without LibreOffice and poppler, except in CI, where a skip would hide a failure."""
    missing = [tool for tool in ("soffice", "pdftotext") if shutil.which(tool) is None]
    if missing:
        message = f"needs {', '.join(missing)} (apt-get install libreoffice-impress poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the render tests")
        pytest.skip(message)


def without_autofit(src: Path, dst: Path) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("ppt/") and item.filename.endswith(".xml"):
                data = AUTOFIT.sub(b"<a:noAutofit/>", data)
            zout.writestr(item, data)


def to_pdf(pptx: Path, workdir: Path) -> Path:
    return to_pdfs([pptx], workdir)[0]


def to_pdfs(decks: list[Path], workdir: Path) -> list[Path]:
    """Several decks to PDF in one LibreOffice run: starting LibreOffice takes longer than
    drawing a deck. Their names must differ (each PDF takes its deck's name)."""
    assert len({deck.stem for deck in decks}) == len(decks), "decks drawn together need names of their own"
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=workdir))
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(workdir), *map(str, decks)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600, check=False)
    pdfs = [workdir / (deck.stem + ".pdf") for deck in decks]
    for pdf in pdfs:
        assert pdf.exists(), f"LibreOffice produced no PDF for {pdf.stem}"
    return pdfs


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words(pdf: Path) -> tuple[int, list[Word]]:
    """(page count, every drawn word with its box in points)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    pages = root.findall(".//page")
    out = []
    for number, page in enumerate(pages):
        for w in page.findall(".//word"):
            out.append(Word(number, w.text or "", *(float(w.get(k)) for k in ("xmin", "ymin", "xmax", "ymax"))))
    return len(pages), out


def shape_boxes(pptx: Path) -> list[list[tuple[float, float, float, float]]]:
    """Per slide, the boxes of its shapes (flat: deck draws no groups) in points, and of the
    shapes its layout and master draw on it (a template's own texts: a file name, a number)."""
    from pptx import Presentation

    def drawn(owner) -> list:
        return [s for s in owner.shapes if not s.is_placeholder and s.width is not None]

    boxes = []
    for slide in Presentation(str(pptx)).slides:
        layout = slide.slide_layout
        shapes = list(slide.shapes) + drawn(layout)
        if layout._element.get("showMasterSp", "1") not in ("0", "false"):
            shapes += drawn(layout.slide_master)
        boxes.append([(s.left / 12700, s.top / 12700, (s.left + s.width) / 12700, (s.top + s.height) / 12700)
                      for s in shapes if s.width is not None])
    return boxes


@dataclass(frozen=True)
class Render:
    pages: int
    slides: int
    outside: list[Word]
    undrawn: list[tuple[int, str]]  # (page, character) the slide holds but LibreOffice did not draw
    drawn: list[Word] = field(default_factory=list)
    pdf: Path | None = None


def render(pptx: Path, workdir: Path) -> Render:
    return render_all([pptx], workdir)[0]


def render_all(decks: list[Path], workdir: Path) -> list[Render]:
    """Each deck drawn by LibreOffice (all in one run), and the words it drew judged."""
    require_tools()
    copies = [workdir / f"{deck.stem}-noautofit.pptx" for deck in decks]
    for deck, copy in zip(decks, copies, strict=True):
        without_autofit(deck, copy)
    return [judge(deck, pdf) for deck, pdf in zip(decks, to_pdfs(copies, workdir), strict=True)]


def judge(pptx: Path, pdf: Path) -> Render:
    """Every drawn word inside the box of a shape on its slide, and every letter drawn."""
    pages, drawn = words(pdf)
    boxes = shape_boxes(pptx)
    # pdftotext's boxes span the font's whole bounding box, taller than a line: test the word's
    # full width and its vertical centre.
    outside = [w for w in drawn if not any(
        w.x0 >= x0 - TOLERANCE and w.x1 <= x1 + TOLERANCE and y0 - TOLERANCE <= (w.y0 + w.y1) / 2 <= y1 + TOLERANCE
        for x0, y0, x1, y1 in boxes[w.page])]
    undrawn = []
    for page, expected in enumerate(slide_texts(pptx)):
        seen = Counter(_letters("".join(w.text for w in drawn if w.page == page)))
        missing = Counter(_letters(expected)) - seen
        undrawn.extend((page, ch) for ch in missing.elements())
    return Render(pages, len(boxes), outside, undrawn, drawn, pdf)


def _letters(text: str) -> str:
    """Letters and digits only, decomposed: PDF text may split accents and ligatures; in one case,
    as a template may set a title in capitals."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isalnum()).upper()


def slide_texts(pptx: Path) -> list[str]:
    from pptx import Presentation

    return ["".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
            for slide in Presentation(str(pptx)).slides]
