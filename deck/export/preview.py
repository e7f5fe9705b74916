"""`deck preview`: the deck as LibreOffice draws it: a PDF, one PNG per slide and a contact sheet.

    out/preview/<slug>.pptx   the deck that was drawn
    out/preview/<slug>.pdf    LibreOffice's PDF of it
    out/preview/slide-01.png  one picture per slide, 1280 x 720 pixels
    out/preview/sheet.png     every slide on one page

LibreOffice is a renderer, not PowerPoint: fonts and a few effects may differ slightly, but
deck sets every size itself, so what overflows here overflows in PowerPoint too.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from deck.build import default_output, plan, write
from deck.errors import DeckError
from deck.export.pdf import convert, made, not_found, soffice
from deck.options import BuildOptions

PNG_SIZE = (1280, 720)  # 96 dpi on the 960 x 540 pt canvas; exact, where a dpi would round to 1281
TIMEOUT = 600  # seconds; a first start of LibreOffice with a fresh profile takes a while
INSTALL_HINT = ("install LibreOffice Impress and poppler (Debian/Ubuntu: apt-get install libreoffice-impress "
                "poppler-utils; macOS: brew install --cask libreoffice && brew install poppler; Windows: "
                "LibreOffice from libreoffice.org, and poppler's pdftoppm on the PATH)")

THUMB_W, THUMB_H = 320, 180
SHEET_COLUMNS = 4
SHEET_GAP = 16
SHEET_LABEL = 22  # room under each slide for its number
SHEET_BACKGROUND = (236, 239, 243)
SHEET_INK = (60, 66, 78)


@dataclass(frozen=True)
class Preview:
    deck: Path
    pdf: Path
    slides: list[Path]  # one PNG per slide, in order
    sheet: Path


def tools() -> tuple[str, str]:
    """(LibreOffice, pdftoppm), or a DeckError saying how to install what is missing."""

    office, pdftoppm = soffice(), shutil.which("pdftoppm")
    if not office or not pdftoppm:
        missing = [name for name, found in (("LibreOffice (soffice)", office), ("pdftoppm", pdftoppm)) if not found]
        verb = "is" if len(missing) == 1 else "are"
        where = "" if office else f" ({not_found()})"
        raise DeckError.simple("deck preview", f"needs {' and '.join(missing)}, which {verb} not installed{where}",
                               INSTALL_HINT)
    return office, pdftoppm


def preview(outline_path: Path, folder: Path, *, options: BuildOptions = BuildOptions(),
            step: Callable[[str], None] = lambda message: None) -> Preview:
    """Build the deck into `folder`, draw it with LibreOffice, and write the PNGs and the sheet.

    `step` is told what is happening ("rendering with LibreOffice"), for a progress line."""
    office, pdftoppm = tools()
    if folder.exists() and not folder.is_dir():
        raise DeckError.simple(str(folder), "is a file, not a folder", "give a folder, e.g. -o out/preview/")
    step("building the deck")
    laid = plan(outline_path, options=options)
    built = write(laid, outline_path, folder / default_output(laid.loaded).name,
                  keep="keep it under another name, or preview into another folder with -o")
    step("rendering with LibreOffice")
    pdf = to_pdf(office, built.output, folder)
    step("drawing the slides")
    slides = to_pngs(pdftoppm, pdf, folder)
    if len(slides) != built.slides:
        raise DeckError.simple(str(pdf), f"LibreOffice drew {len(slides)} pages for {built.slides} slides",
                               "open the deck in LibreOffice Impress to see what it makes of it")
    step("making the contact sheet")
    sheet = contact_sheet(slides, folder / "sheet.png")
    return Preview(built.output, pdf, slides, sheet)


def to_pdf(office: str, pptx: Path, folder: Path) -> Path:
    """The deck as PDF next to it."""
    pdf, said = convert(office, pptx, folder, "impress_pdf_Export", hint=INSTALL_HINT)
    if not made(pdf):
        raise DeckError.simple(str(pptx), "LibreOffice made no PDF of the deck" + (f": {said}" if said else ""),
                               "check that LibreOffice Impress is installed (" + INSTALL_HINT + ")")
    return pdf


def to_pngs(pdftoppm: str, pdf: Path, folder: Path) -> list[Path]:
    """slide-01.png, slide-02.png, … from the PDF; pictures of an earlier, longer deck are removed."""
    for old in folder.glob("slide-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="deck-pages-", dir=folder) as work:
        done = subprocess.run([pdftoppm, "-png", "-scale-to-x", str(PNG_SIZE[0]), "-scale-to-y", str(PNG_SIZE[1]),
                               str(pdf), str(Path(work) / "page")],
                              capture_output=True, text=True, timeout=TIMEOUT, check=False)
        # pdftoppm numbers pages with as many digits as the last page needs: sort by the number.
        pages = sorted(Path(work).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        if done.returncode != 0 or not pages:
            said = " ".join((done.stderr or "").split())[-300:]
            raise DeckError.simple(str(pdf), f"pdftoppm could not draw the PDF: {said or 'no pages'}", INSTALL_HINT)
        width = max(2, len(str(len(pages))))
        slides = []
        for number, page in enumerate(pages, start=1):
            target = folder / f"slide-{number:0{width}d}.png"
            page.replace(target)
            slides.append(target)
    return slides


def contact_sheet(slides: list[Path], target: Path) -> Path:
    """Every slide as a thumbnail, four to a row, numbered: the whole deck on one page."""
    from PIL import Image, ImageDraw, ImageFont

    rows = -(-len(slides) // SHEET_COLUMNS)
    columns = min(SHEET_COLUMNS, len(slides))
    width = SHEET_GAP + columns * (THUMB_W + SHEET_GAP)
    height = SHEET_GAP + rows * (THUMB_H + SHEET_LABEL + SHEET_GAP)
    sheet = Image.new("RGB", (width, height), SHEET_BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    font = ImageFont.load_default(size=14)
    for index, path in enumerate(slides):
        row, column = divmod(index, SHEET_COLUMNS)
        x = SHEET_GAP + column * (THUMB_W + SHEET_GAP)
        y = SHEET_GAP + row * (THUMB_H + SHEET_LABEL + SHEET_GAP)
        with Image.open(path) as page:
            thumb = page.convert("RGB")
            thumb.thumbnail((THUMB_W, THUMB_H), Image.Resampling.LANCZOS)
        sheet.paste(thumb, (x, y))
        draw.rectangle((x - 1, y - 1, x + thumb.width, y + thumb.height), outline=(200, 205, 212))
        draw.text((x, y + THUMB_H + 4), str(index + 1), fill=SHEET_INK, font=font)
    sheet.save(target, optimize=True)
    return target
