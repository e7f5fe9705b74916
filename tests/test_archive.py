"""deck writes a package's zip itself (deck.package.archive.write): its bytes must be exactly those
Python's zipfile writes for the same entries, with the same fixed metadata."""
from __future__ import annotations

import io
import random
import warnings
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

from deck.package import archive


def zipfile_bytes(entries: list[tuple[str, bytes]]) -> bytes:
    """What zipfile writes for the entries: deflated at zlib's default level, dated 1980-01-01,
    a regular rw-r--r-- Unix file each."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names
        for name, body in entries:
            member = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            member.create_system = 3
            member.external_attr = 0o100644 << 16
            member.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(member, body, compresslevel=6)
    return out.getvalue()


def keep(name: str, body: bytes) -> bytes:
    return body


ENTRIES = [
    ("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
    ("ppt/slides/slide1.xml", b"<p:sld>" + b"<a:t>tekst</a:t>" * 500 + b"</p:sld>"),
    ("ppt/media/image1.png", random.Random(7).randbytes(40_000)),  # does not compress
    ("docProps/empty.xml", b""),
    ("ppt/slides/slide1.xml", b"<duplicate/>"),  # kept, so that the package check reports it
    ("ppt/embeddings/Überblick café.xlsx", b"PK\x03\x04 not ascii in the name"),
]


def test_the_bytes_are_zipfiles():
    assert archive.write(ENTRIES, keep) == zipfile_bytes(ENTRIES)


def test_the_edit_is_applied_to_each_entry():
    data = archive.write(ENTRIES[:2], lambda name, body: name.encode())
    with zipfile.ZipFile(io.BytesIO(data)) as read:
        assert [read.read(info) for info in read.infolist()] == [name.encode() for name, _ in ENTRIES[:2]]


def test_an_empty_package():
    assert archive.write([], keep) == zipfile_bytes([])


names = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(names, st.binary(max_size=3000)), max_size=8))
def test_any_entries(entries):
    assert archive.write(entries, keep) == zipfile_bytes(entries)


def test_zipfile_reads_what_is_written_and_checks_every_crc():
    with zipfile.ZipFile(io.BytesIO(archive.write(ENTRIES, keep))) as read:
        assert read.testzip() is None
        assert [(info.filename, read.read(info)) for info in read.infolist()] == ENTRIES
        assert {info.date_time for info in read.infolist()} == {archive.ZIP_EPOCH}
        assert {info.external_attr for info in read.infolist()} == {archive.ZIP_MODE}


def test_more_entries_than_a_plain_zip_holds_are_written_with_zip64():
    entries = [(f"e{i}.xml", b"") for i in range(archive._MAX_ENTRIES + 1)]
    data = archive.write(entries, keep)
    assert data == zipfile_bytes(entries)
    assert b"PK\x06\x06" in data[-200:]  # the ZIP64 end of central directory record
    with zipfile.ZipFile(io.BytesIO(data)) as read:
        assert len(read.infolist()) == len(entries)
