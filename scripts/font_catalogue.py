#!/usr/bin/env python3
"""Extract the metrics of the fonts that templates commonly use into ``deck/measure/fontdata/``.

``scripts/font_metrics.py`` makes the complete tables of Calibri and Arial, the fonts deck's own
themes use. This script adds the faces a template commonly names, each from the font itself or
from a metric-compatible twin (same advance widths), restricted to the characters of European
scripts (Latin, Greek, Cyrillic, punctuation, currency, arrows); any other character is measured
as deck measures a character a font lacks (1 em, wider than any Latin letter):

    Times New Roman  <- Liberation Serif     Courier New    <- Liberation Mono
    Cambria          <- Caladea              Arial Narrow   <- Nimbus Sans Narrow
    Century Gothic   <- URW Gothic (ITC Avant Garde's widths, which Century Gothic was drawn to)
    Palatino Linotype, Book Antiqua <- P052  Bookman Old Style <- URW Bookman
    Century Schoolbook <- C059               Tahoma          <- Wine's Tahoma
    Google fonts (Montserrat, Roboto, Open Sans, Lato, ...) <- the fonts themselves

and writes ``averages.tsv``: for every family whose average character width is published
(Capsize's metrics of the Google fonts and of the common system fonts), that average at each
weight, so deck can estimate a font it has no table for far closer than a blanket margin.

Only numbers are kept (advance widths, vertical metrics, ligature sequences), never a glyph: the
Google fonts are under the SIL Open Font License, Liberation, Caladea and Carlito too, the URW
fonts under the AGPL with a font exception, Wine's Tahoma under the LGPL, Capsize's metrics MIT.

Regenerate (from the repository root), after

    apt-get install fonts-liberation2 fonts-crosextra-caladea fonts-urw-base35 fonts-wine
    npm pack @capsizecss/metrics            (unpack it: package/entireMetricsCollection)
    npm pack @fontsource/<name> for each Google family in GOOGLE (unpack each into DIR/<name>)

run

    .venv/bin/python scripts/font_catalogue.py --fontsource DIR --capsize-json FILE

where FILE holds one JSON line per family ({familyName, category, unitsPerEm, weights: {400: avg}}),
as ``node`` prints them from the Capsize package (see ``capsize_lines`` below for the fields).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

sys.path.insert(0, str(Path(__file__).resolve().parent))
from font_metrics import DEFAULT_OUT, ROOT, ligatures, runs_of  # noqa: E402

# Code points kept: Latin, IPA, Greek, Cyrillic, Vietnamese Latin, punctuation, currency,
# letterlike symbols, number forms, arrows, mathematical operators.
RANGES = ((0x20, 0x52F), (0x1E00, 0x1EFF), (0x2000, 0x22FF))

# stem -> (family, bold, file)
FILES = {
    "times-new-roman": ("Times New Roman", False, "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"),
    "times-new-roman-bold": ("Times New Roman", True, "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"),
    "courier-new": ("Courier New", False, "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf"),
    "courier-new-bold": ("Courier New", True, "/usr/share/fonts/truetype/liberation2/LiberationMono-Bold.ttf"),
    "cambria": ("Cambria", False, "/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf"),
    "cambria-bold": ("Cambria", True, "/usr/share/fonts/truetype/crosextra/Caladea-Bold.ttf"),
    "arial-narrow": ("Arial Narrow", False, "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf"),
    "arial-narrow-bold": ("Arial Narrow", True, "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf"),
    "century-gothic": ("Century Gothic", False, "/usr/share/fonts/opentype/urw-base35/URWGothic-Book.otf"),
    "century-gothic-bold": ("Century Gothic", True, "/usr/share/fonts/opentype/urw-base35/URWGothic-Demi.otf"),
    "palatino": ("Palatino Linotype", False, "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf"),
    "palatino-bold": ("Palatino Linotype", True, "/usr/share/fonts/opentype/urw-base35/P052-Bold.otf"),
    "bookman": ("Bookman Old Style", False, "/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf"),
    "bookman-bold": ("Bookman Old Style", True, "/usr/share/fonts/opentype/urw-base35/URWBookman-Demi.otf"),
    "century-schoolbook": ("Century Schoolbook", False, "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf"),
    "century-schoolbook-bold": ("Century Schoolbook", True, "/usr/share/fonts/opentype/urw-base35/C059-Bold.otf"),
    "tahoma": ("Tahoma", False, "/usr/share/wine/fonts/tahoma.ttf"),
    "tahoma-bold": ("Tahoma", True, "/usr/share/wine/fonts/tahomabd.ttf"),
}

# Google families: fontsource package name -> family
GOOGLE = {
    "montserrat": "Montserrat", "roboto": "Roboto", "open-sans": "Open Sans", "lato": "Lato",
    "poppins": "Poppins", "inter": "Inter", "source-sans-3": "Source Sans 3", "raleway": "Raleway",
    "nunito": "Nunito", "noto-sans": "Noto Sans", "red-hat-display": "Red Hat Display",
    "red-hat-text": "Red Hat Text", "overpass": "Overpass", "bebas-neue": "Bebas Neue", "oswald": "Oswald",
    "merriweather": "Merriweather", "playfair-display": "Playfair Display", "pt-sans": "PT Sans",
    "work-sans": "Work Sans", "fira-sans": "Fira Sans", "ibm-plex-sans": "IBM Plex Sans", "ubuntu": "Ubuntu",
    "rubik": "Rubik", "dm-sans": "DM Sans",
}


def kept(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in RANGES)


def metrics(paths: list[Path], family: str, bold: bool, source: str) -> dict:
    """One face's record from one font file, or from the subsets one font was cut into."""
    advances: dict[int, int] = {}
    ligs: set[str] = set()
    first = None
    for path in paths:
        font = TTFont(str(path), lazy=True)
        first = first or font
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        for cp, glyph in cmap.items():
            if kept(cp):
                advances.setdefault(cp, hmtx[glyph][0])
        ligs.update(seq for seq in ligatures(font, cmap) if all(kept(ord(c)) for c in seq))
    assert first is not None
    hhea, os2, name = first["hhea"], first["OS/2"], first["name"]
    return {
        "family": family,
        "bold": bold,
        "source": {"file": source, "family": name.getDebugName(1), "version": name.getDebugName(5)},
        "unitsPerEm": first["head"].unitsPerEm,
        "hhea": {"ascent": hhea.ascent, "descent": hhea.descent, "lineGap": hhea.lineGap},
        "os2": {"winAscent": os2.usWinAscent, "winDescent": os2.usWinDescent, "typoAscender": os2.sTypoAscender,
                "typoDescender": os2.sTypoDescender, "typoLineGap": os2.sTypoLineGap},
        "maxAdvance": max(advances.values()),
        "ligatures": sorted(ligs),
        "runs": runs_of(advances),
    }


def capsize_lines(path: Path) -> str:
    """One line per family: name, category letter (s sans, e serif, d display, h handwriting,
    m monospace) and the average widths at the weights 300-700 it has, in 1/10000 em, each
    after the weight's first digit ("4" 400): ``Roboto\ts\t34199 44448 ...``."""
    lines = []
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        upem = float(rec["unitsPerEm"])
        weights = {w: round(v / upem * 10000) for w, v in sorted(rec["weights"].items())
                   if v and w in ("300", "400", "500", "600", "700")}
        if "400" in weights and "\t" not in rec["familyName"]:
            category = {"sans-serif": "s", "serif": "e", "display": "d", "handwriting": "h",
                        "monospace": "m"}.get(rec.get("category") or "", "s")
            lines.append(f"{rec['familyName']}\t{category}\t" + " ".join(f"{w[0]}{v}" for w, v in weights.items()))
    return "\n".join(sorted(lines, key=str.lower)) + "\n"


def write(out: Path, stem: str, data: dict) -> int:
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False) + "\n"
    target = out / f"{stem}.json"
    target.write_text(text, encoding="utf-8")
    shown = target.relative_to(ROOT) if target.is_relative_to(ROOT) else target
    print(f"{shown}: {len(text)} bytes")
    return len(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fontsource", type=Path, required=True, help="folder of unpacked @fontsource packages")
    parser.add_argument("--capsize-json", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    total = 0
    for stem, (family, bold, file) in FILES.items():
        total += write(args.out, stem, metrics([Path(file)], family, bold, Path(file).name))
    for package, family in GOOGLE.items():
        files = args.fontsource / package / "package" / "files"
        for bold in (False, True):
            weight = "700" if bold else "400"
            paths = sorted(files.glob(f"{package}-*-{weight}-normal.woff"))
            latin = [p for p in paths if p.name == f"{package}-latin-{weight}-normal.woff"]
            paths = latin + [p for p in paths if p not in latin]
            if not paths:
                print(f"{family} {weight}: no files, skipped")
                continue
            stem = package + ("-bold" if bold else "")
            total += write(args.out, stem, metrics(paths, family, bold, f"@fontsource/{package} {weight}"))
    averages = capsize_lines(args.capsize_json)
    (args.out / "averages.tsv").write_text(averages, encoding="utf-8")
    (args.out / "averages.json").unlink(missing_ok=True)
    total += len(averages)
    print(f"averages.tsv: {averages.count(chr(10))} families, {len(averages)} bytes")
    print(f"total {total} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
