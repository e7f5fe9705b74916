#!/usr/bin/env python3
"""Extract the font metrics that ``deck.measure.text`` needs into ``deck/measure/fontdata/*.json``.

``deck`` measures text with the metrics of the fonts every PowerPoint has (Calibri, Arial),
taken from their metric-compatible open twins (same advance widths, same vertical metrics):

    Calibri       <- Carlito          (Debian: fonts-crosextra-carlito)
    Arial         <- Liberation Sans  (Debian: fonts-liberation2)

The tables are shipped inside the package, so building a deck needs no font files.

Regenerate (from the repository root, after installing the two Debian packages):

    .venv/bin/python scripts/font_metrics.py

Optional: ``--fontdir DIR`` to look for the .ttf files in DIR instead of asking fc-match /
scanning /usr/share/fonts; ``--out DIR`` to write elsewhere (default: deck/measure/fontdata).

Output format (one file per face, e.g. ``calibri-bold.json``), deterministic and compact::

    {
      "family": "Calibri", "bold": true,
      "source": {"file": "Carlito-Bold.ttf", "family": "Carlito", "version": "Version 1.104 ..."},
      "unitsPerEm": 2048,
      "hhea": {"ascent": 1536, "descent": -512, "lineGap": 452},
      "os2": {"winAscent": 1950, "winDescent": 550, "typoAscender": 1536,
              "typoDescender": -512, "typoLineGap": 452},
      "maxAdvance": 2720,
      "ligatures": ["fb", "ff", "ffi", ..., "ti", "tt"],
      "runs": [[32, 463, 544, ...], [160, 463, ...], ...]
    }

``runs`` lists the advance width (font units) of every code point in the font's cmap, grouped
in runs of consecutive code points: ``[first_codepoint, adv(first), adv(first+1), ...]``.

``ligatures`` lists the character sequences the font's default-on ``liga`` feature turns into
one glyph (Carlito has fi, fl, ff, ffi, ft, tt, ti, ...; Liberation Sans none). LibreOffice
(HarfBuzz) applies them and never breaks a line inside one, so a word that is broken character
by character breaks before "ti" in "implementa|tie", not between t and i. Their advances are the
sum of their parts or less (a few f+accented-i ligatures are 2-69 units wider; SAFETY covers
that), so widths are still measured per character.
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "deck" / "measure" / "fontdata"

# output name -> (family we measure for, bold, fontconfig pattern, file name of the twin)
FACES = {
    "calibri": ("Calibri", False, "Carlito:style=Regular", "Carlito-Regular.ttf"),
    "calibri-bold": ("Calibri", True, "Carlito:style=Bold", "Carlito-Bold.ttf"),
    "arial": ("Arial", False, "Liberation Sans:style=Regular", "LiberationSans-Regular.ttf"),
    "arial-bold": ("Arial", True, "Liberation Sans:style=Bold", "LiberationSans-Bold.ttf"),
}


def find_font(pattern: str, filename: str, fontdir: Path | None) -> Path:
    """Locate a font file: in --fontdir, by fc-match, or by scanning /usr/share/fonts."""
    if fontdir is not None:
        hits = sorted(fontdir.rglob(filename))
        if hits:
            return hits[0]
        raise SystemExit(f"font_metrics: {filename} not found under {fontdir}")
    if shutil.which("fc-match"):
        res = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True)
        path = Path(res.stdout.strip())
        if res.returncode == 0 and path.name == filename and path.is_file():
            return path
    hits = sorted(Path("/usr/share/fonts").rglob(filename))
    if hits:
        return hits[0]
    raise SystemExit(
        f"font_metrics: {filename} not found; install fonts-crosextra-carlito and fonts-liberation2"
    )


def runs_of(advances: dict[int, int]) -> list[list[int]]:
    """Group {codepoint: advance} into runs [first, adv, adv, ...] of consecutive code points."""
    runs: list[list[int]] = []
    prev = None
    for cp in sorted(advances):
        if prev is not None and cp == prev + 1:
            runs[-1].append(advances[cp])
        else:
            runs.append([cp, advances[cp]])
        prev = cp
    return runs


def ligatures(font: TTFont, cmap: dict[int, str]) -> list[str]:
    """Character sequences that the default-on 'liga' feature turns into one glyph."""
    if "GSUB" not in font:
        return []
    gsub = font["GSUB"].table
    if gsub.FeatureList is None or gsub.LookupList is None:
        return []
    char_of: dict[str, str] = {}
    for cp, glyph in sorted(cmap.items()):
        char_of.setdefault(glyph, chr(cp))
    lookups = sorted({i for rec in gsub.FeatureList.FeatureRecord if rec.FeatureTag == "liga"
                      for i in rec.Feature.LookupListIndex})
    found = set()
    for index in lookups:
        lookup = gsub.LookupList.Lookup[index]
        for sub in lookup.SubTable:
            if lookup.LookupType == 7:  # extension
                sub = sub.ExtSubTable
            for first, ligs in getattr(sub, "ligatures", {}).items():
                for lig in ligs:
                    glyphs = [first, *lig.Component]
                    if all(g in char_of for g in glyphs):
                        found.add("".join(char_of[g] for g in glyphs))
    return sorted(found)


def extract(path: Path, family: str, bold: bool) -> dict:
    font = TTFont(str(path), lazy=True)
    cmap = font.getBestCmap()
    hmtx = font["hmtx"]
    advances = {cp: hmtx[glyph][0] for cp, glyph in cmap.items()}
    hhea, os2, name = font["hhea"], font["OS/2"], font["name"]
    return {
        "family": family,
        "bold": bold,
        "source": {
            "file": path.name,
            "family": name.getDebugName(1),
            "version": name.getDebugName(5),
        },
        "unitsPerEm": font["head"].unitsPerEm,
        "hhea": {"ascent": hhea.ascent, "descent": hhea.descent, "lineGap": hhea.lineGap},
        "os2": {
            "winAscent": os2.usWinAscent,
            "winDescent": os2.usWinDescent,
            "typoAscender": os2.sTypoAscender,
            "typoDescender": os2.sTypoDescender,
            "typoLineGap": os2.sTypoLineGap,
        },
        "maxAdvance": max(advances.values()),
        "ligatures": ligatures(font, cmap),
        "runs": runs_of(advances),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fontdir", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # Carlito's odd 'created' date
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for stem, (family, bold, pattern, filename) in FACES.items():
        path = find_font(pattern, filename, args.fontdir)
        data = extract(path, family, bold)
        text = json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n"
        target = args.out / f"{stem}.json"
        target.write_text(text, encoding="utf-8")
        total += len(text)
        shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
        points = sum(len(run) - 1 for run in data["runs"])
        print(f"{shown}: {path.name}, {points} code points, {len(text)} bytes")
    print(f"total {total} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
