"""HTML -> PDF with LibreOffice Writer, headless, or a DeckError saying what to install."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from deck.errors import DeckError
from deck.export import office

TIMEOUT = 300  # seconds; a first start with a fresh profile takes a few
INSTALL_HINT = ("install LibreOffice with its Writer part (Debian/Ubuntu: apt-get install libreoffice-writer; "
                "macOS: brew install --cask libreoffice; Windows: winget install TheDocumentFoundation.LibreOffice; "
                "or libreoffice.org), or leave out --pdf")


def soffice() -> str | None:
    """The LibreOffice program, or None (deck.export.office says where it looks)."""
    return office.find()


def not_found() -> str:
    """Why there is no LibreOffice, naming where deck looked."""
    return f"LibreOffice is not installed, or not where deck looked: {office.looked()}"


def convert(program: str, source: Path, outdir: Path, export: str, infilter: str | None = None,
            hint: str = INSTALL_HINT) -> tuple[Path, str]:
    """Convert `source` to PDF in `outdir`: the PDF's path (check that it exists: LibreOffice may
    make none and still exit 0) and what LibreOffice said, for the error message."""
    pdf = outdir / f"{source.stem}.pdf"
    pdf.unlink(missing_ok=True)  # so that the caller sees this conversion's PDF, not an earlier one
    with tempfile.TemporaryDirectory(prefix="deck-office-") as work:
        # A fresh profile per conversion: LibreOffice refuses, silently, to share one with
        # another running instance (the user's own, or a parallel conversion).
        profile = Path(work) / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   *([f"--infilter={infilter}"] if infilter else []),
                   "--convert-to", f"pdf:{export}", "--outdir", str(outdir), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                  stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired:
            raise DeckError.simple(program, f"LibreOffice did not finish the PDF within {TIMEOUT} s",
                                   "close other LibreOffice windows and try again") from None
        except OSError as err:
            raise DeckError.simple(program, f"LibreOffice could not be started: {err.strerror}", hint) from None
    return pdf, " ".join((done.stderr or done.stdout or "").split())[-300:]


def made(pdf: Path) -> bool:
    return pdf.is_file() and pdf.stat().st_size > 0


def html_to_pdf(html: str, name: str) -> bytes:
    """The PDF of an HTML page, as bytes. `name` is used for the temporary files only."""
    program = soffice()
    if program is None:
        raise DeckError.simple("--pdf", f"{not_found()}; deck makes PDFs with it", INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="deck-pdf-") as work:
        folder = Path(work)
        source = folder / f"{name}.html"
        source.write_text(html, encoding="utf-8")
        # Writer proper, not Writer/Web: only it lays the page out as printed.
        pdf, said = convert(program, source, folder / "pdf", "writer_pdf_Export", "HTML (StarWriter)")
        if not made(pdf):
            if "could not be loaded" in said:
                raise DeckError.simple(program, "LibreOffice cannot open HTML: its Writer part is missing",
                                       INSTALL_HINT)
            raise DeckError.simple(program, "LibreOffice produced no PDF" + (f" ({said})" if said else ""),
                                   "run the same command again; if it keeps failing, leave out --pdf")
        return pdf.read_bytes()
