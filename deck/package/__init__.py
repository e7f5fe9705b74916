"""The package stage: the last step before a deck is written to disk.

It works on the bytes of a saved .pptx (an OPC package: a zip of XML parts plus
relationship parts), never on python-pptx objects, so it does not import pptx.

- `normalise` makes the bytes reproducible (reproducible.py): python-pptx stamps zip entries
  with the wall clock and XlsxWriter stamps each chart's embedded workbook with "now".
- `check` is a structural validity gate for the problems that make PowerPoint offer
  to repair a file (and that LibreOffice silently tolerates) (gate.py).
- `seal` does both for the parts a build renders, stamps the deck's fingerprint (fingerprint.py),
  and compresses them, in one pass; `examine` tells from that fingerprint whether a file at the
  output path is a deck deck wrote, unchanged since.
"""
from __future__ import annotations

from datetime import datetime

from deck.package import archive, fingerprint
from deck.package.fingerprint import Found, examine
from deck.package.gate import Gate, check
from deck.package.reproducible import DEFAULT_DATE, fix_chart_axis_ids, normalise, normalise_part, source_date, w3cdtf

__all__ = ["DEFAULT_DATE", "Found", "check", "examine", "fix_chart_axis_ids", "normalise", "seal", "source_date"]


def seal(entries: list[tuple[str, bytes]], *, modified: datetime) -> tuple[bytes, list[str]]:
    """A deck's parts (zip member name, bytes), as a build renders them, into the final package:
    each part normalised as `normalise` does, with the deck's fingerprint, checked as `check` does,
    and compressed. Returns the bytes and the problems.

    The check and the compression run one after the other: in two threads they took longer, as
    the check holds the GIL and the compression waits for it between every two parts."""
    stamp = w3cdtf(modified)
    parts = [(name, normalise_part(name, body, stamp)) for name, body in archive.ordered(entries)]
    parts = fingerprint.stamp(parts)
    gate = Gate([name for name, _ in parts])
    for name, body in parts:
        gate.read(name, body)
    return archive.write(parts, lambda name, body: body), gate.problems()
