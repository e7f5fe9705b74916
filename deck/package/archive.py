"""The package as a zip of parts: written in a fixed order with fixed metadata, and its XML read
and written the same way by every step of the package stage."""
from __future__ import annotations

import io
import struct
import warnings
import zipfile
import zlib
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
    """The entries, in the order given, each edited, as a zip with fixed metadata.

    The bytes are those Python's zipfile writes for the same entries (tests/test_archive.py
    compares them), made directly: zipfile's bookkeeping per entry (an object, a header written
    and then rewritten once the sizes are known) cost a deck of 1,600 slides 50 ms. A zip that
    needs the ZIP64 extensions (over 65,535 entries, or entries near 2 GiB) is left to zipfile.
    """
    edited = [(name, edit(name, body)) for name, body in entries]
    if len(edited) > _MAX_ENTRIES or sum(len(body) for _, body in edited) > _MAX_BYTES:
        return _zipfile_write(edited)
    out: list[bytes] = []
    directory: list[bytes] = []
    offset = 0
    for name, body in edited:
        try:
            raw, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw, flags = name.encode("utf-8"), _UTF8_NAME
        crc = zlib.crc32(body)
        deflate = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        data = deflate.compress(body) + deflate.flush()
        sizes = (_VERSION, 0, flags, zipfile.ZIP_DEFLATED, _TIME, _DATE, crc, len(data), len(body), len(raw))
        header = _LOCAL.pack(b"PK\x03\x04", *sizes, 0)
        out += (header, raw, data)
        directory += (_CENTRAL.pack(b"PK\x01\x02", _VERSION, _UNIX, *sizes, 0, 0, 0, 0, ZIP_MODE, offset), raw)
        offset += len(header) + len(raw) + len(data)
    listing = b"".join(directory)
    out += (listing, _END.pack(b"PK\x05\x06", 0, 0, len(edited), len(edited), len(listing), offset, 0))
    return b"".join(out)


# The fields write() fills in as zipfile does: version 2.0 made and needed, made on Unix, the
# date of ZIP_EPOCH in MS-DOS form, the UTF-8 flag for a name that is not ASCII.
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_VERSION = 20
_UNIX = 3
_UTF8_NAME = 0x800
_DATE = (ZIP_EPOCH[0] - 1980) << 9 | ZIP_EPOCH[1] << 5 | ZIP_EPOCH[2]
_TIME = ZIP_EPOCH[3] << 11 | ZIP_EPOCH[4] << 5 | ZIP_EPOCH[5] // 2
_MAX_ENTRIES = 0xFFFF
_MAX_BYTES = 1 << 30  # far below where an entry or an offset needs ZIP64 (2 GiB)


def _zipfile_write(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst, warnings.catch_warnings():
        # Duplicate entries are kept, not silently dropped, so the validity gate reports them.
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        for name, body in entries:
            entry = zipfile.ZipInfo(name, ZIP_EPOCH)
            entry.create_system = _UNIX
            entry.external_attr = ZIP_MODE
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, body, compresslevel=COMPRESS_LEVEL)
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
