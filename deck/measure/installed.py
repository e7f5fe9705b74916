"""The fonts installed on this machine: the family itself, or the font drawn in its place.

fontconfig (``fc-match``) names the file that would draw a family; deck takes it as the family's
own widths only when fontconfig found the family itself (a font that merely looks alike measures
differently), and reads them with fontTools. Where the family is missing, the font fontconfig
names instead is what LibreOffice draws here, so deck.measure.fonts measures the wider of the
two. Both happen only for a template's or brand's font, never for Calibri and Arial, so a build
in a built-in theme neither starts fc-match nor imports fontTools.
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
    found = _match(family, bold)
    return found[1] if found and key(family) in found[0] else None


@cache
def drawn_by(family: str, bold: bool) -> tuple[str, Path] | None:
    """The family and file that fontconfig puts in the place of `family` on this machine, whatever
    it is (LibreOffice draws a missing font with it); None without fontconfig."""
    found = _match(family, bold)
    return (found[2], found[1]) if found else None


def _match(family: str, bold: bool) -> tuple[set[str], Path, str] | None:
    """(every name of the font fontconfig matches, its file, its first family name)."""
    if not family.strip() or shutil.which("fc-match") is None:
        return None
    pattern = family.replace("-", r"\-").replace(":", r"\:") + (":weight=bold" if bold else ":weight=regular")
    try:
        done = subprocess.run(["fc-match", "-f", "%{family}\n%{fullname}\n%{file}", pattern],
                              capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or len(lines) < 3 or not Path(lines[2]).is_file():
        return None
    names = {key(name) for line in lines[:2] for name in line.split(",")}
    return names, Path(lines[2]), lines[0].split(",")[0]


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
        with TTFont(str(path), lazy=True, fontNumber=0) as font:
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
