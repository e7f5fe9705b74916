"""The deck's fingerprint: how a build knows that the file it is about to replace is a deck deck
wrote, unchanged since, and not a deck someone touched up in PowerPoint.

Every deck carries, in its core property `identifier` (dc:identifier in docProps/core.xml),
"deck:" and a SHA-256 digest of its parts as written: each part's name, CRC-32 and size, in the
order of the archive, with the identifier itself read as zeros. The zip's central directory holds
every CRC-32 and size, so checking a file on disk reads that directory and the one small part,
never the slides: a deck of 1,600 slides is checked in milliseconds. A program that saves the
deck (PowerPoint, LibreOffice, a script) writes its parts anew, and the digest no longer matches,
or the identifier is gone.
"""
from __future__ import annotations

import hashlib
import re
import zipfile
import zlib
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

from lxml import etree

from deck.ooxml import NS, qn
from deck.package.archive import PARSER, ZIP_EPOCH, ZIP_MODE, serialise

CORE = "docProps/core.xml"
_PREFIX = "deck:"
_BLANK = (_PREFIX + "0" * 64).encode()
_STAMPED = re.compile(rb"<dc:identifier>deck:([0-9a-f]{64})</dc:identifier>")
_CORE_MAX = 1_000_000  # core properties are a few hundred bytes; a bigger part is not ours


class Found(Enum):
    """What is at an output path, as far as replacing it goes."""

    UNCHANGED = "a deck deck wrote, unchanged since"
    EARLIER = "a deck an earlier version of deck wrote, before decks had a fingerprint, unchanged since"
    CHANGED = "a deck deck wrote, changed since"
    OTHER = "a file deck did not write"


def stamp(parts: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The parts of a deck, normalised and in archive order, with the fingerprint in its core
    properties; unchanged when there are none."""
    at = next((index for index, (name, _) in enumerate(parts) if name == CORE), None)
    if at is None:
        return parts
    root = etree.fromstring(parts[at][1], PARSER)
    identifier = root.find("dc:identifier", NS)
    if identifier is None:
        identifier = etree.SubElement(root, qn("dc:identifier"), nsmap={"dc": NS["dc"]})
    identifier.text = _BLANK.decode()
    blank = serialise(root)
    stamped = list(parts)
    stamped[at] = (CORE, blank)
    digest = _digest((name, zlib.crc32(body), len(body)) for name, body in stamped)
    stamped[at] = (CORE, blank.replace(_BLANK, (_PREFIX + digest).encode()))
    return stamped


def examine(path: Path) -> Found:
    """Whether the file at `path` is a deck deck wrote and nobody changed since. Reads the zip's
    directory and its core properties only."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            core = next((info for info in infos if info.filename == CORE), None)
            body = archive.read(core) if core is not None and core.file_size <= _CORE_MAX else b""
    except (OSError, zipfile.BadZipFile, zlib.error, ValueError, EOFError, NotImplementedError):
        return Found.OTHER
    found = _STAMPED.search(body)
    if found is None:
        return Found.EARLIER if infos and body and all(_as_deck_wrote(info) for info in infos) else Found.OTHER
    blank = body[: found.start(1) - len(_PREFIX)] + _BLANK + body[found.end(1):]
    digest = _digest((info.filename, zlib.crc32(blank), len(blank)) if info is core
                     else (info.filename, info.CRC, info.file_size) for info in infos)
    return Found.UNCHANGED if digest == found.group(1).decode() else Found.CHANGED


def _digest(entries: Iterable[tuple[str, int, int]]) -> str:
    digest = hashlib.sha256()
    for name, crc, size in entries:
        digest.update(f"{name}\0{crc:08x}\0{size}\n".encode())
    return digest.hexdigest()


def _as_deck_wrote(info: zipfile.ZipInfo) -> bool:
    """An entry with the fixed metadata deck gives every entry: decks written before the
    fingerprint are known by it; PowerPoint, LibreOffice and zip tools write other metadata."""
    return (info.date_time == ZIP_EPOCH and info.create_system == 3 and info.external_attr == ZIP_MODE
            and info.compress_type == zipfile.ZIP_DEFLATED)
