"""HTML -> PDF with LibreOffice Writer, headless, or a DeckError saying what to install."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from deck.errors import DeckError

TIMEOUT = 300  # seconds; a first start with a fresh profile takes a few
# Where LibreOffice lives when it is not on the PATH (macOS and Windows installers).
KNOWN_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)
INSTALL_HINT = ("install LibreOffice with its Writer part (Debian/Ubuntu: apt-get install libreoffice-writer; "
                "macOS: brew install --cask libreoffice; or libreoffice.org), or leave out --pdf")


def soffice() -> str | None:
    """The LibreOffice program, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in KNOWN_PLACES if Path(place).is_file()), None)


def html_to_pdf(html: str, name: str) -> bytes:
    """The PDF of an HTML page, as bytes. `name` is used for the temporary files only."""
    program = soffice()
    if program is None:
        raise DeckError.simple("--pdf", "LibreOffice is not installed; deck makes PDFs with it", INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="deck-pdf-") as work:
        folder = Path(work)
        source = folder / f"{name}.html"
        source.write_text(html, encoding="utf-8")
        # A fresh profile per conversion: LibreOffice refuses, silently, to share one with
        # another running instance (the user's own, or a parallel conversion).
        profile = folder / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   # Writer proper, not Writer/Web: only it lays the page out as printed.
                   "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export",
                   "--outdir", str(folder / "pdf"), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                  stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired:
            raise DeckError.simple(program, f"LibreOffice did not finish the PDF within {TIMEOUT} s",
                                   "close other LibreOffice windows and try again") from None
        except OSError as err:
            raise DeckError.simple(program, f"LibreOffice could not be started: {err.strerror}",
                                   INSTALL_HINT) from None
        pdf = folder / "pdf" / f"{name}.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            said = " ".join((done.stderr or done.stdout or "").split())[-300:]
            if "could not be loaded" in said:
                raise DeckError.simple(program, "LibreOffice cannot open HTML: its Writer part is missing",
                                       INSTALL_HINT)
            raise DeckError.simple(program, "LibreOffice produced no PDF" + (f" ({said})" if said else ""),
                                   "run the same command again; if it keeps failing, leave out --pdf")
        return pdf.read_bytes()
