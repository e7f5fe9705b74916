"""Glyph advances of the fonts deck measures in (pure: no pptx; font files only for a face
added with ``add_face``).

The widths are those of the fonts every PowerPoint has (Calibri, Arial), taken from their
metric-compatible open twins Carlito and Liberation Sans by ``scripts/font_metrics.py``, and of
the fonts templates commonly use (deck.measure.catalogue), shipped as JSON in
``deck/measure/fontdata/``. A width is the plain sum of the glyph advances,
without kerning (see deck.measure.text for why that errs on the safe side). Characters the font
lacks (CJK, emoji, other scripts) are measured conservatively: 1.0 em, 1.3 em for emoji; only
format and combining characters (ZWJ, variation selectors, accents) count as zero.
"""
from __future__ import annotations

import json
import unicodedata
from functools import cache

from deck.measure.catalogue import SHIPPED, shipped_family

FAMILIES = SHIPPED

# A tab advances to the next default tab stop (1 in); we count the full inch, an upper bound.
_TAB_PT = 72.0
_EMOJI_EM = 1.3   # Noto Color Emoji advances 1.245 em
_WIDE_EM = 1.0    # CJK and other full-width glyphs are 1 em
_OTHER_EM = 1.0   # any other glyph the font lacks (fallback font): wider than Latin letters

# Characters the twin lacks but PowerPoint's font has (or that HarfBuzz synthesises): measure
# them as these characters instead.
_ALIASES = {
    "\u00a0": " ",        # no-break space
    "\u2010": "-",        # hyphen
    "\u2011": "-",        # non-breaking hyphen
    "\u2012": "\u2013",   # figure dash
    "\u2212": "-",        # minus (Carlito has it; alias only when missing)
}

SHY = "\u00ad"
_ZERO_CATEGORIES = frozenset(("Mn", "Me", "Cf", "Cc"))


class Face(dict[str, float]):
    """Code point character -> advance in em; computes a conservative width for the rest."""

    __slots__ = ("upem", "meta", "hyphen", "ligatures", "words")
    upem: float  # font units per em
    meta: dict  # the JSON record the widths came from (metrics, source), as json reads it
    hyphen: float  # advance of the hyphen a soft hyphen shows at a line end, em
    ligatures: dict[str, tuple[str, ...]]  # first character -> the ligatures it starts, longest first
    words: dict[str, float]  # width cache: word -> em

    def __missing__(self, ch: str) -> float:
        em = _fallback_em(self, ch)
        self[ch] = em
        return em


def is_emoji(cp: int) -> bool:
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2B00 <= cp <= 0x2BFF
        or 0x1FC00 <= cp <= 0x1FFFD
        or cp in (0x231A, 0x231B, 0x23E9, 0x23EA, 0x23EB, 0x23EC, 0x23F0, 0x23F3, 0x24C2)
    )


def _fallback_em(face: Face, ch: str) -> float:
    if len(ch) != 1:  # pragma: no cover - only single characters are looked up
        return sum(face[c] for c in ch)
    alias = _ALIASES.get(ch)
    if alias is not None and alias in face:
        return face[alias]
    cp = ord(ch)
    if ch == "\t":
        return 0.0  # added per size by em()
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return 0.0  # variation selectors
    if unicodedata.category(ch) in _ZERO_CATEGORIES:
        return 0.0  # combining marks, ZWJ, BOM, controls: no advance of their own
    if is_emoji(cp):
        return _EMOJI_EM
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return _WIDE_EM
    return max(_OTHER_EM, face.get(" ", 0.0))


def _family_key(family: str) -> str:
    try:
        shipped = shipped_family(family)
    except AttributeError:
        shipped = None
    if shipped is None:
        raise ValueError(
            f"unknown font family {family!r}: deck.measure.faces has tables for "
            f"{', '.join(name.title() for name in FAMILIES)} (deck.measure.fonts measures any family)"
        ) from None
    return FAMILIES[shipped]


@cache
def _face(key: str, bold: bool) -> Face:
    from importlib import resources  # here, not at import time: it costs ~20 ms to import

    folder = resources.files("deck.measure").joinpath("fontdata")
    table = folder.joinpath(f"{key}-bold.json" if bold else f"{key}.json")
    if not table.is_file():
        # a family without a bold face (Bebas Neue) is emboldened, which keeps its advances
        table = folder.joinpath(f"{key}.json")
    return _built(json.loads(table.read_text("utf-8")))


def add_face(name: str, bold: bool, data: dict) -> None:
    """Measure `name` with the widths in `data` (a record as deck.measure.installed reads one)."""
    _FACES[name, bool(bold)] = _built(data)


def add_wider(name: str, bold: bool, first: Face, factor: float, second: Face) -> None:
    """Measure `name` with the wider of two faces (the first times `factor`), character by character."""
    face = Face()
    for ch in set(first) | set(second):
        face[ch] = max(first[ch] * factor, second[ch])
    face.upem = first.upem
    face.meta = first.meta
    face.hyphen = face["-"] if "-" in face else first.hyphen * factor
    face.words = {}
    face.ligatures = first.ligatures
    _FACES[name, bool(bold)] = face


def _built(data: dict) -> Face:
    upem = float(data["unitsPerEm"])
    face = Face()
    for run in data.get("runs", ()):
        first = run[0]
        for i, adv in enumerate(run[1:]):
            face[chr(first + i)] = adv / upem
    for cp, adv in data.get("advances", {}).items():
        face[chr(cp)] = adv / upem
    face.upem = upem
    face.meta = {k: v for k, v in data.items() if k not in ("runs", "advances")}
    face[SHY] = 0.0  # invisible unless the line breaks at it
    face["\t"] = 0.0  # a tab's width depends on the size: em() adds it
    face[" "] = face.get(" ", 0.25)
    face.hyphen = face.get("-", 0.3)
    face.words = {}  # width cache: word -> em
    ligs: dict[str, tuple[str, ...]] = {}
    for seq in data.get("ligatures", ()):
        ligs.setdefault(seq[0], ())
        ligs[seq[0]] += (seq,)
    face.ligatures = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in ligs.items()}
    return face


def get_face(family: str, bold: bool) -> Face:
    # Layout asks for a face for every word it measures: one dictionary lookup, not a name check.
    try:
        return _FACES[family, bold]
    except (KeyError, TypeError):  # TypeError: an unhashable argument
        face = _FACES[family, bool(bold)] = _face(_family_key(family), bool(bold))
        return face


_FACES: dict[tuple[str, bool], Face] = {}


def em(face: Face, s: str, size: float) -> float:
    """Width of s in em (tabs count as a full default tab stop)."""
    em = sum(map(face.__getitem__, s))
    if "\t" in s:
        em += s.count("\t") * _TAB_PT / size
    return em


def text_width(text: str, family: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in points, set in ``family`` (a family of the tables) at ``size`` pt.

    The plain sum of advance widths (no kerning, no SAFETY). Hard line breaks are not
    interpreted: measure one line at a time.
    """
    face = get_face(family, bold)
    if size <= 0:
        raise ValueError(f"font size must be positive, got {size!r}")
    return em(face, text, size) * size



def ascent_descent(family: str, bold: bool = False) -> tuple[float, float]:
    """(ascent, descent) of the font in em, both positive: the Windows (usWin) metrics.

    Calibri 0.952 + 0.269 = 1.221 em (its single line spacing), Arial 0.905 + 0.212 = 1.117 em.
    They bound the font's tallest accents and deepest descenders; real text needs less.
    Measured in LibreOffice with exact spacing (ink of "ÉHgjp", 36 pt): at leading 1.1 and 1.2
    every line's glyphs stay inside its size x leading band, the last line's descenders
    ending at most 0.2 pt below n x size x leading (Arial); at leading 1.0 Calibri's "É"
    pokes 1.2 pt above the box. The extra leading goes above each line's glyphs.
    """
    face = get_face(family, bold)
    os2 = face.meta["os2"]
    return os2["winAscent"] / face.upem, os2["winDescent"] / face.upem


def font_metrics(family: str, bold: bool = False) -> dict:
    """The raw metric record of a face (unitsPerEm, hhea, os2, source), without the widths."""
    return dict(get_face(family, bold).meta)
