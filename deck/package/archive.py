"""The package as a zip of parts: written in a fixed order with fixed metadata, and its XML read
and written the same way by every step of the package stage."""
from __future__ import annotations

import io
import warnings
import zipfile
from collections.abc import Callable, Iterable

from lxml import etree

from deck.ooxml import CONTENT_TYPES_PART

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry
ZIP_MODE = 0o100644 << 16  # a regular rw-r--r-- Unix file: zipfile would replace 0 with rw-------
# zlib's default level; note that bytes are only identical for the same zlib build.
COMPRESS_LEVEL = 6
# Untrusted input (templates come from users): no entity expansion, no network.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True)

Edit = Callable[[str, bytes], bytes]


def rezip(data: bytes, edit: Edit) -> bytes:
    """A zip's entries, each edited, written again as `write` writes them."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return write(ordered((info.filename, src.read(info)) for info in src.infolist()), edit)


def write(entries: Iterable[tuple[str, bytes]], edit: Edit) -> bytes:
    """The entries, in the order given, each edited, as a zip with fixed metadata."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst, warnings.catch_warnings():
        # Duplicate entries are kept, not silently dropped, so the validity gate reports them.
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        for name, body in entries:
            entry = zipfile.ZipInfo(name, ZIP_EPOCH)
            entry.create_system = 3  # Unix, for ZIP_MODE
            entry.external_attr = ZIP_MODE
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, edit(name, body), compresslevel=COMPRESS_LEVEL)
    return out.getvalue()


def ordered(entries: Iterable[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """Content types first (Office convention), otherwise the order given, which python-pptx
    makes deterministic (a stable sort)."""
    return sorted(entries, key=lambda entry: entry[0] != CONTENT_TYPES_PART)


def serialise(root: etree._Element) -> bytes:
    # The same declaration python-pptx writes.
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def integer(text: str | None) -> int | None:
    """An attribute's integer value; None if it has none or it is not an integer."""
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None
