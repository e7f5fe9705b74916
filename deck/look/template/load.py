"""A template file checked and loaded: the bytes of a package python-pptx opens, or a message that
says why not (a missing file, a PowerPoint 97-2003 or password-protected file, a damaged one, one
with macros)."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

from deck.errors import DeckError
from deck.ooxml import CONTENT_TYPES_PART, MACRO_CTS, PRESENTATION_CT, TEMPLATE_CT

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the header of PowerPoint 97-2003 and of encrypted files
MAX_BYTES = 200_000_000
SAVE_AGAIN = "open it in PowerPoint and save it again as .pptx or .potx"

Fail = Callable[[str, str], DeckError]


def failing(shown: str, problem=None) -> Fail:
    """How a template problem is reported: at the outline's `theme:` line, or at the path given."""
    if problem is not None:
        return lambda message, hint: DeckError(problem(message, hint))
    return lambda message, hint: DeckError.simple(shown, message, hint)


def load_bytes(file: Path, fail: Fail) -> tuple[bytes, str]:
    """The template as a .pptx package python-pptx accepts, and its format (pptx or potx)."""
    if not file.exists():
        raise fail("no such template file", "check the path: in the outline it is relative to the outline's "
                   "folder, on the command line to the folder deck runs in")
    if not file.is_file():
        raise fail("is a folder, not a template", "give the .pptx or .potx file")
    if file.stat().st_size > MAX_BYTES:
        raise fail(f"is larger than {MAX_BYTES // 1_000_000} MB", "is this the right file?")
    data = file.read_bytes()
    if data.startswith(OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise fail("is password-protected (encrypted)",
                       "open it in PowerPoint, remove the password (File > Info > Protect Presentation) "
                       "and save a copy")
        raise fail("is a PowerPoint 97-2003 file (.ppt/.pot); deck reads .pptx and .potx",
                   "open it in PowerPoint or LibreOffice and save it as .pptx or .potx")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            types = package.read(CONTENT_TYPES_PART) if CONTENT_TYPES_PART in names else b""
    except (zipfile.BadZipFile, OSError, EOFError):
        raise fail("is not a PowerPoint file, or it is damaged (not a readable zip package)", SAVE_AGAIN) from None
    if not types or "ppt/presentation.xml" not in names:
        missing = CONTENT_TYPES_PART if not types else "ppt/presentation.xml"
        raise fail(f"is damaged or not a presentation: the package has no {missing}", SAVE_AGAIN)
    text = types.decode("utf-8", "replace")
    if any(macro in text for macro in MACRO_CTS):
        raise fail("is a macro-enabled file (.pptm/.potm)",
                   "save it in PowerPoint as a .pptx or .potx without macros")
    if TEMPLATE_CT in text:
        # python-pptx opens only a presentation's main part: a template is one in all but name.
        return _rewrite_content_type(data, TEMPLATE_CT, PRESENTATION_CT), "potx"
    return data, "pptx"


def _rewrite_content_type(data: bytes, old: str, new: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == CONTENT_TYPES_PART:
                body = body.replace(old.encode(), new.encode())
            zout.writestr(item, body)
    return out.getvalue()
