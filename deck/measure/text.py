"""Text measurement and line breaking (pure: no pptx, no font files at runtime).

The layout engine never trusts PowerPoint's or LibreOffice's autofit: it measures every text
here, with the advance widths of the fonts every PowerPoint has (Calibri, Arial), taken from
their metric-compatible open twins Carlito and Liberation Sans by ``scripts/font_metrics.py``
and shipped as JSON in ``deck/measure/fontdata/``.

How text is measured and broken (calibrated against LibreOffice, see tests/test_calibration.py):

- A width is the plain sum of the glyph advances, without kerning. Kerning nearly always
  narrows Latin text, and LibreOffice 7.4 kerns Carlito whatever the run says, as PowerPoint
  does wherever ``kern="1200"`` applies (python-pptx's default template and PowerPoint's own
  masters set it), so a measurement errs on the wide side. Characters the font lacks (CJK,
  emoji, other scripts) are measured conservatively: 1.0 em, 1.3 em for emoji; only format and
  combining characters (ZWJ, variation selectors, accents) count as zero.
- Lines break greedily, the way PowerPoint and LibreOffice do: after spaces (trailing spaces
  hang past the edge and do not count), after a hyphen between letters ("klant-|service"),
  after an en or em dash, before an em dash, around CJK ideographs, at a zero-width space and
  a soft hyphen (which then shows as "-"). Never before closing punctuation ("word !"), never
  between a hyphen and a digit ("3-5"; LibreOffice does break there, PowerPoint need not).
  A word that does not fit moves to the next line; a word longer than a whole line is then
  chopped where it reaches the edge, between clusters: never inside a ligature (Carlito joins
  ff, fi, fl, ft, ti, tt, ...: LibreOffice chops "implementa|tie", not "implementat|ie") or
  between a letter and its combining marks.
- Every width is multiplied by ``SAFETY`` before it is compared with the room on a line.

A box's wrap width is its width minus the left and right insets (bodyPr ``lIns``/``rIns``,
0.1 in = 7.2 pt each by default; the calibration confirms LibreOffice subtracts exactly these).
Heights are the layout engine's business: with exact line spacing (``a:spcPts`` = size x
leading) LibreOffice puts baselines exactly size x leading apart, so n lines are n x size x
leading tall.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "SAFETY",
    "FAMILIES",
    "text_width",
    "wrap",
    "line_count",
    "ascent_descent",
    "font_metrics",
]

# Width safety factor: every measured width is multiplied by SAFETY before it is compared with
# the wrap width. Calibration (tests/test_calibration.py, and 3 x 1000 more seeded paragraphs:
# Calibri and Arial, regular and bold, 20-36 pt, LibreOffice 7.4 -> PDF -> pdftotext):
# - Arial (Liberation Sans, hardly any Latin kerning): LibreOffice's lines are within 0.15 % of
#   our widths, and a word it chops character by character within 0.25 % (it rounds glyph
#   positions to its internal units). At SAFETY 1.0 we under-counted 5 of 3400 paragraphs;
#   from 1.002 up, none.
# - Calibri (Carlito): LibreOffice kerns, so it fits up to 1.4 % more on a line than our
#   unkerned sum; that only ever makes us over-count.
# 1.004 is 1.6 x the largest excess seen, for PowerPoint's own rounding (which we cannot
# calibrate here), and keeps line counts exact on ~96-97 % of paragraphs (1.0: 98 %, 1.01:
# 93 %, 1.02: 88 %): every further 0.1 % over-counts a line that ends that close to the edge,
# costing space (a shrink or a "continued" slide) for no safety we can measure.
SAFETY = 1.004

FAMILIES = {"calibri": "calibri", "arial": "arial"}

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

# Spaces a line may break after (and that hang at its end); not the no-break ones (U+00A0,
# U+2007, U+202F)
_SPACES = frozenset(" \t\u200b\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009"
                    "\u200a\u205f\u3000")
_HYPHENS = frozenset("-\u2010")           # break after, between letters
_DASHES_AFTER = frozenset("\u2013\u2014\u2012")  # en dash, em dash, figure dash: break after
_DASHES_BEFORE = frozenset("\u2014")      # em dash: break before too
# No line may start with these (closing punctuation, UAX #14 CL/CP/EX/IS/NS/SY, roughly)
_NO_START = frozenset(
    ",.;:!?)]}\u00bb\u2019\u201d\u203a%/\u00b0"
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\u300d\u300f\u3011\u3015\u3009\u300b"
    "\u30fc\u3005\u309d\u309e\u30fd\u30fe"
)
_NO_END = frozenset("([{\u00ab\u2018\u201c\u2039\uff08\u300c\u300e\u3010\u3014\u3008\u300a")
_HARD_BREAKS = ("\r\n", "\r", "\v", "\u2028", "\u2029")
_SHY = "\u00ad"
_ZERO_CATEGORIES = frozenset(("Mn", "Me", "Cf", "Cc"))


class _Face(dict):
    """Code point character -> advance in em; computes a conservative width for the rest."""

    __slots__ = ("upem", "meta", "hyphen", "ligatures", "words")

    def __missing__(self, ch: str) -> float:
        em = _fallback_em(self, ch)
        self[ch] = em
        return em


def _is_emoji(cp: int) -> bool:
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2B00 <= cp <= 0x2BFF
        or 0x1FC00 <= cp <= 0x1FFFD
        or cp in (0x231A, 0x231B, 0x23E9, 0x23EA, 0x23EB, 0x23EC, 0x23F0, 0x23F3, 0x24C2)
    )


def _fallback_em(face: _Face, ch: str) -> float:
    if len(ch) != 1:  # pragma: no cover - only single characters are looked up
        return sum(face[c] for c in ch)
    alias = _ALIASES.get(ch)
    if alias is not None and alias in face:
        return face[alias]
    cp = ord(ch)
    if ch == "\t":
        return 0.0  # added per size by _em()
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return 0.0  # variation selectors
    if unicodedata.category(ch) in _ZERO_CATEGORIES:
        return 0.0  # combining marks, ZWJ, BOM, controls: no advance of their own
    if _is_emoji(cp):
        return _EMOJI_EM
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return _WIDE_EM
    return max(_OTHER_EM, face.get(" ", 0.0))


def _family_key(family: str) -> str:
    try:
        return FAMILIES[family.strip().lower()]
    except (KeyError, AttributeError):
        known = ", ".join(name.title() for name in FAMILIES)
        raise ValueError(
            f"unknown font family {family!r}: deck measures text only in {known} "
            "(the fonts every PowerPoint has)"
        ) from None


@lru_cache(maxsize=None)
def _face(key: str, bold: bool) -> _Face:
    from importlib import resources  # here, not at import time: it costs ~20 ms to import

    stem = f"{key}-bold" if bold else key
    raw = resources.files("deck.measure").joinpath("fontdata", f"{stem}.json").read_text("utf-8")
    data = json.loads(raw)
    upem = float(data["unitsPerEm"])
    face = _Face()
    for run in data["runs"]:
        first = run[0]
        for i, adv in enumerate(run[1:]):
            face[chr(first + i)] = adv / upem
    face.upem = upem
    face.meta = data
    face[_SHY] = 0.0  # invisible unless the line breaks at it
    face["\t"] = 0.0  # a tab's width depends on the size: _em() adds it
    face[" "] = face.get(" ", 0.25)
    face.hyphen = face.get("-", 0.3)
    face.words = {}  # width cache: word -> em
    ligs: dict[str, tuple[str, ...]] = {}
    for seq in data.get("ligatures", ()):
        ligs.setdefault(seq[0], ())
        ligs[seq[0]] += (seq,)
    face.ligatures = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in ligs.items()}
    return face


def _get_face(family: str, bold: bool) -> _Face:
    return _face(_family_key(family), bool(bold))


def _em(face: _Face, s: str, size: float) -> float:
    """Width of s in em (tabs count as a full default tab stop)."""
    em = sum(map(face.__getitem__, s))
    if "\t" in s:
        em += s.count("\t") * _TAB_PT / size
    return em


def text_width(text: str, family: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in points, set in ``family`` (Calibri or Arial) at ``size`` pt.

    The plain sum of advance widths (no kerning, no SAFETY). Hard line breaks are not
    interpreted: measure one line at a time.
    """
    face = _get_face(family, bold)
    if size <= 0:
        raise ValueError(f"font size must be positive, got {size!r}")
    return _em(face, text, size) * size


def _can_break(prev2: str, last: str, prev: str, cur: str) -> bool:
    """May a line break fall between prev and cur?

    ``prev2`` is the character before prev, ``last`` the last character up to prev that is not
    a space ("" at the start of the paragraph). A conservative subset of UAX #14 (ICU's line
    breaking, which LibreOffice uses): where in doubt, no break (fewer break opportunities
    practically never give fewer lines). The calibration checks that every break LibreOffice
    makes is one of these, bar one we leave out on purpose (a hyphen before a digit).
    """
    if cur in _SPACES:
        return False  # spaces stay on the line they end (they hang)
    if cur in _NO_START:
        return False  # "word !", "a-)" : closing punctuation never starts a line
    if prev in _SPACES:
        # after spaces; not after the paragraph's leading spaces, not after "( "
        return prev == "\u200b" or (last != "" and last not in _NO_END)
    if prev == _SHY:
        return True
    if prev in _NO_END:
        return False
    if prev in _HYPHENS:
        # "klant-service": yes; "-5", "a-5": no (a sign or a range); " -x" (word-initial): no;
        # "a--b": not between the two hyphens
        return (
            prev2 != ""
            and prev2 not in _SPACES
            and not cur.isdigit()
            and cur not in _HYPHENS
            and cur not in _DASHES_AFTER
        )
    if prev in _DASHES_AFTER:
        return cur not in _HYPHENS and cur not in _DASHES_AFTER
    if cur in _DASHES_BEFORE:
        return prev not in _HYPHENS
    if prev >= "\u1100" or cur >= "\u1100":
        # ideographs and other full-width characters: a break between any two of them
        return _wide(prev) or _wide(cur)
    return False


@lru_cache(maxsize=4096)
def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and not _is_emoji(ord(ch))


def _segments_slow(text: str) -> list[str]:
    """Split text into pieces that end at break opportunities, one character at a time.

    Each piece is its content followed by the spaces that end it. "".join(pieces) == text.
    The reference for ``_segments``, which gives the same pieces faster.
    """
    if not text:
        return []
    pieces = []
    start = 0
    prev2 = ""
    prev = text[0]
    last = "" if prev in _SPACES else prev  # last non-space character up to prev
    for i in range(1, len(text)):
        cur = text[i]
        if cur not in _SPACES and (prev in _SPACES or prev in _BREAKY or cur in _BREAKY
                                   or cur >= "\u1100" or prev >= "\u1100"):
            if _can_break(prev2, last, prev, cur):
                pieces.append(text[start:i])
                start = i
        if cur not in _SPACES:
            last = cur
        prev2, prev = prev, cur
    pieces.append(text[start:])
    return pieces


_BREAKY = _HYPHENS | _DASHES_AFTER | _DASHES_BEFORE | {_SHY}
_SPACE_CLASS = "".join(sorted(_SPACES)).replace("\t", "\\t")
_WORDS = re.compile(f"([^{_SPACE_CLASS}]*)([{_SPACE_CLASS}]*)")
# a word needs the character-by-character rules if it holds a hyphen, a dash, a soft hyphen, or
# anything from U+1100 on (CJK, emoji, ...)
_SPECIAL = re.compile("[" + re.escape("".join(sorted(_BREAKY))) + "\u1100-\U0010ffff]")
_SPACE_CHARS = "".join(sorted(_SPACES))


def _split_trailing(piece: str) -> tuple[str, str]:
    """(content, trailing spaces) of a piece."""
    stripped = piece.rstrip(_SPACE_CHARS)
    return stripped, piece[len(stripped):]


@lru_cache(maxsize=4096)
def _segments_cached(text: str) -> tuple[tuple[str, str], ...]:
    """(content, trailing spaces) of each piece of text: split at spaces with a regex, and
    character by character only inside words that hold a hyphen, a dash or a wide character."""
    out: list[tuple[str, str]] = []
    special = _SPECIAL.search(text) is not None
    for content, spaces in _WORDS.findall(text):
        if not content and not spaces:
            continue
        if special and _SPECIAL.search(content):
            parts = [_split_trailing(piece) for piece in _segments_slow(content + spaces)]
        else:
            parts = [(content, spaces)]
        if out:
            # the break between two words, after spaces: the rules of _can_break, inlined
            prev_content, prev_spaces = out[-1]
            if content[0] in _NO_START:
                brk = False
            elif prev_spaces[-1] == "\u200b":
                brk = True
            else:
                brk = bool(prev_content) and prev_content[-1] not in _NO_END
            if not brk:
                first_content, first_spaces = parts[0]
                out[-1] = (prev_content + prev_spaces + first_content, first_spaces)
                parts = parts[1:]
        out.extend(parts)
    return tuple(out)


def _segments(text: str) -> list[str]:
    """Split text into pieces that end at break opportunities (see ``_segments_slow``)."""
    return [content + spaces for content, spaces in _segments_cached(text)]


def _wrap_paragraph(text: str, face: _Face, size: float, avail_em: float) -> list[str]:
    """Greedy line breaking of one paragraph; avail_em is the room on a line in em / SAFETY."""
    if not text:
        return [""]
    lines: list[str] = []
    cur = ""       # text on the current line
    cur_em = 0.0   # its width, its trailing spaces included
    widths = face.words
    for content, spaces in _segments_cached(text):
        c_em = widths.get(content)
        if c_em is None:
            c_em = _em(face, content, size)
            if "\t" not in content:  # a tab's width depends on the size
                if len(widths) > 50_000:
                    widths.clear()
                widths[content] = c_em
        end_em = c_em + face.hyphen if content.endswith(_SHY) else c_em
        if cur and cur_em + end_em > avail_em:
            lines.append(cur)
            cur, cur_em = "", 0.0
        if not cur and end_em > avail_em:
            # a word longer than a whole line: break it where it reaches the edge, between
            # clusters (a ligature or a letter with its combining marks is never split)
            for unit in _clusters(content, face.ligatures):
                w = face[unit] if len(unit) == 1 and unit != "\t" else _em(face, unit, size)
                if cur and cur_em + w > avail_em and unit not in _SPACES:
                    lines.append(cur)
                    cur, cur_em = "", 0.0
                cur += unit
                cur_em += w
        else:
            cur += content
            cur_em += c_em
        if spaces:
            cur += spaces
            if spaces == " ":
                cur_em += face[" "]
            else:
                cur_em += _em(face, spaces, size)
    lines.append(cur)
    return lines


def _clusters(word: str, ligatures: dict[str, tuple[str, ...]]) -> list[str]:
    """Split a word into the units a renderer will not break: ligatures (longest first, as
    HarfBuzz applies them) and characters with their combining marks / joiners."""
    units: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        unit = ch
        for seq in ligatures.get(ch, ()):
            if word.startswith(seq, i):
                unit = seq
                break
        i += len(unit)
        while i < n and word[i] >= "\u0300" and (
                word[i] in _JOINING or unicodedata.category(word[i]) in ("Mn", "Me")
                or word[i - 1] == "\u200d"):
            unit += word[i]
            i += 1
        units.append(unit)
    return units


_JOINING = frozenset("\u200d\ufe0e\ufe0f")


def _hard_lines(text: str) -> list[str]:
    for brk in _HARD_BREAKS:
        if brk in text:
            text = text.replace(brk, "\n")
    return text.split("\n")


def wrap(text: str, family: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Break one paragraph into the lines PowerPoint/LibreOffice draw in a box ``width`` pt wide.

    ``width`` is the wrap width: the box width minus its left and right insets. A "\\n" (or
    "\\v", "\\r\\n", U+2028) is a hard line break. Lines keep their trailing spaces (they hang
    past the edge and are not counted), so for text without hard breaks
    ``"".join(wrap(text, ...)) == text``. Empty text gives one empty line.
    """
    return list(_wrapped(text, family, size, width, bold))


def line_count(text: str, family: str, size: float, width: float, bold: bool = False) -> int:
    """Number of lines ``wrap`` gives (at least 1)."""
    return len(_wrapped(text, family, size, width, bold))


# Layout measures the same text again and again: at every shrink step, for every page it tries,
# and in every build of a watch session. Wrapping is pure, so its result is kept (as a tuple,
# which no caller can change).
@lru_cache(maxsize=65536)
def _wrapped(text: str, family: str, size: float, width: float, bold: bool) -> tuple[str, ...]:
    face = _get_face(family, bold)
    if size <= 0:
        raise ValueError(f"font size must be positive, got {size!r}")
    avail_em = width / (size * SAFETY) + 1e-9  # a line may end exactly at the edge
    if "\n" not in text and not any(b in text for b in _HARD_BREAKS):
        return tuple(_wrap_paragraph(text, face, size, avail_em))
    out: list[str] = []
    for para in _hard_lines(text):
        out.extend(_wrap_paragraph(para, face, size, avail_em))
    return tuple(out)


def ascent_descent(family: str, bold: bool = False) -> tuple[float, float]:
    """(ascent, descent) of the font in em, both positive: the Windows (usWin) metrics.

    Calibri 0.952 + 0.269 = 1.221 em (its single line spacing), Arial 0.905 + 0.212 = 1.117 em.
    They bound the font's tallest accents and deepest descenders; real text needs less.
    Measured in LibreOffice with exact spacing (ink of "ÉHgjp", 36 pt): at leading 1.1 and 1.2
    every line's glyphs stay inside its size x leading band, the last line's descenders
    ending at most 0.2 pt below n x size x leading (Arial); at leading 1.0 Calibri's "É"
    pokes 1.2 pt above the box. The extra leading goes above each line's glyphs.
    """
    face = _get_face(family, bold)
    os2 = face.meta["os2"]
    return os2["winAscent"] / face.upem, os2["winDescent"] / face.upem


def font_metrics(family: str, bold: bool = False) -> dict:
    """The raw metric record of a face (unitsPerEm, hhea, os2, source), without the widths."""
    face = _get_face(family, bold)
    return {k: v for k, v in face.meta.items() if k != "runs"}
