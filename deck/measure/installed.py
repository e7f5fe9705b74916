"""The widths of a font installed on this machine, for a family deck ships no tables for.

fontconfig (``fc-match``) names the file that would draw the family; deck takes it only when
fontconfig found the family itself (a font that merely looks alike measures differently), and
reads its widths with fontTools. Both happen only for a family outside deck's own tables, so a
build in a built-in theme neither starts fc-match nor imports fontTools.
"""
from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from deck.measure.catalogue import key


@cache
def font_file(family: str, bold: bool) -> Path | None:
    """The installed file of `family` (its bold face if `bold`), or None when fontconfig has no
    font of that name."""
    if not family.strip() or shutil.which("fc-match") is None:
        return None
    pattern = family.replace("-", r"\-").replace(":", r"\:") + (":weight=bold" if bold else ":weight=regular")
    try:
        done = subprocess.run(["fc-match", "-f", "%{family}\n%{fullname}\n%{file}", pattern],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) < 3:
        return None
    names = {key(name) for line in lines[:2] for name in line.split(",")}
    path = Path(lines[2])
    return path if key(family) in names and path.is_file() else None


def metrics(path: Path) -> dict | None:
    """The font's record in the form of deck/measure/fontdata/*.json; None when fontTools is
    missing or cannot read the file."""
    try:
        from fontTools.ttLib import TTFont
    except ImportError:
        return None
    import logging

    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        font = TTFont(str(path), lazy=True, fontNumber=0)
        cmap = font.getBestCmap() or {}
        hmtx = font["hmtx"]
        advances = {cp: hmtx[glyph][0] for cp, glyph in cmap.items()}
        hhea, os2 = font["hhea"], font["OS/2"]
        return {
            "family": font["name"].getDebugName(1),
            "source": {"file": str(path)},
            "unitsPerEm": font["head"].unitsPerEm,
            "hhea": {"ascent": hhea.ascent, "descent": hhea.descent, "lineGap": hhea.lineGap},
            "os2": {"winAscent": os2.usWinAscent, "winDescent": os2.usWinDescent},
            "ligatures": [],
            "advances": advances,
        }
    except Exception:  # a damaged or unusual font file: deck measures the family another way
        return None
