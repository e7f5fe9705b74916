"""Line breaking (pure: no pptx, no font files at runtime); widths come from deck.measure.faces.

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
  A word that does not fit moves to the next line. A word longer than a whole line is broken
  by deck, not by the renderer (which would chop it at the edge with no hyphen, each renderer
  in its own place): as much of it as fits stays on the line it starts on, cut at the last
  syllable-like place with a hyphen, or after "/", "_", "-", "." in an address or a path
  (deck.measure.hyphen); ``drawn_text`` writes those breaks out so that every renderer draws
  these lines. Only a word with no such place that fits is cut where it reaches the edge
  (still with a hyphen), between clusters: never inside a ligature (Carlito joins ff, fi, fl,
  ft, ti, tt, ...) or between a letter and its combining marks.
- Every width is multiplied by ``SAFETY`` before it is compared with the room on a line.

A box's wrap width is its width minus the left and right insets (bodyPr ``lIns``/``rIns``,
0.1 in = 7.2 pt each by default; the calibration confirms LibreOffice subtracts exactly these).
Heights are the layout engine's business: with exact line spacing (``a:spcPts`` = size x
leading) LibreOffice puts baselines exactly size x leading apart, so n lines are n x size x
leading tall.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from deck.measure.faces import (
    FAMILIES,
    SHY,
    Face,
    ascent_descent,
    font_metrics,
    get_face,
    is_emoji,
    text_width,
)
from deck.measure.faces import em as _em
from deck.measure.hyphen import pieces

__all__ = [
    "SAFETY",
    "FAMILIES",
    "text_width",
    "wrap",
    "line_count",
    "cuts_a_word",
    "drawn_text",
    "ascent_descent",
    "font_metrics",
]

# Width safety factor: every measured width is multiplied by SAFETY before it is compared with
# the wrap width, so that a line that just fits by our measure also fits in the renderers, whose
# widths differ a little from the plain sum of advances. Measured and chosen (docs/design.md,
# "A margin for the other renderer"):
# - LibreOffice 7.4 (tests/test_calibration.py, 400 + 3 x 1000 seeded paragraphs, Calibri and
#   Arial, regular and bold, 20-36 pt, -> PDF -> pdftotext): Arial lines are drawn up to 0.15 %
#   wider than our sum, a piece of a word up to 0.37 % (16 narrow letters at 20 pt: it rounds
#   every glyph position to its internal units). Calibri fits more: LibreOffice kerns Carlito.
# - PowerPoint cannot run here. It lays text out device-independently, rounding glyph advances
#   to its own units; modelled as rounding every advance to 1/576 in (its master unit), real
#   lines of Calibri and Arial at 14-36 pt come out at most 0.48 % wider than our sum (1/1200 in:
#   0.35 %). PowerPoint kerns only where kern is set, and then narrows the line.
# 1.005 covers the larger of the two (a line must fit in each renderer, not in both at once):
# a line that just fits in LibreOffice does not wrap in PowerPoint. Its price, in the same
# corpora: line counts exactly LibreOffice's on 96-98 % of paragraphs (1.004: 0.3-0.5 points
# more; 1.01: 94 %; 1.02: 89 %), every other paragraph one line longer, none shorter.
SAFETY = 1.005

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
    if "\u2060" in (prev, cur):
        return False  # a word joiner binds its neighbours
    if cur in _NO_START and not (cur == "/" and prev in _SPACES):
        return False  # "word !", "a-)": closing punctuation never starts a line ("op /srv" may)
    if prev in _SPACES:
        # after spaces; not after the paragraph's leading spaces, not after "( "
        return prev == "\u200b" or (last != "" and last not in _NO_END)
    if prev == SHY:
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
        # not inside a range of numbers ("2026–2029"): deck writes a word joiner there
        return cur not in _HYPHENS and cur not in _DASHES_AFTER and not (prev == "\u2013" and prev2.isdigit()
                                                                         and cur.isdigit())
    if cur in _DASHES_BEFORE:
        return prev not in _HYPHENS
    if prev >= "\u1100" or cur >= "\u1100":
        # ideographs and other full-width characters: a break between any two of them
        return _wide(prev) or _wide(cur)
    return False


@lru_cache(maxsize=4096)
def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and not is_emoji(ord(ch))


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


_BREAKY = _HYPHENS | _DASHES_AFTER | _DASHES_BEFORE | {SHY}
_SPACE_CLASS = "".join(sorted(_SPACES)).replace("\t", "\\t")
_WORDS = re.compile(f"([^{_SPACE_CLASS}]*)([{_SPACE_CLASS}]*)")
# a word needs the character-by-character rules if it holds a hyphen, a dash, a soft hyphen, or
# anything from U+1100 on (CJK, emoji, ...): "not below U+1100", as a class up to U+10FFFF takes
# Python 3 ms to compile at every start
_SPECIAL = re.compile("[" + re.escape("".join(sorted(c for c in _BREAKY if c < "\u1100"))) + r"]|[^\x00-\u10ff]")
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
            if content[0] in _NO_START and content[0] != "/":
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


def _wrap_paragraph(text: str, face: Face, size: float, avail_em: float) -> list[tuple[str, str]]:
    """Greedy line breaking of one paragraph; avail_em is the room on a line in em / SAFETY.

    Each line with how it ends: "" (at a break opportunity, or the last line), "-" (inside a
    word too wide for a line, at a hyphen deck adds) or "|" (inside an address, no hyphen).
    """
    if not text:
        return [("", "")]
    lines: list[tuple[str, str]] = []
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
        end_em = c_em + face.hyphen if content.endswith(SHY) else c_em
        if cur_em + end_em > avail_em and end_em > avail_em:
            # a word longer than a whole line: deck breaks it (see deck.measure.hyphen)
            for piece, piece_em, how in pieces(content, face, size, avail_em - cur_em, avail_em, _SPACES):
                if how == "\n":
                    lines.append((cur, ""))
                    cur, cur_em = "", 0.0
                    continue
                cur += piece
                cur_em += piece_em
                if how:
                    lines.append((cur, how))
                    cur, cur_em = "", 0.0
        else:
            if cur and cur_em + end_em > avail_em:
                lines.append((cur, ""))
                cur, cur_em = "", 0.0
            cur += content
            cur_em += c_em
        if spaces:
            cur += spaces
            if spaces == " ":
                cur_em += face[" "]
            else:
                cur_em += _em(face, spaces, size)
    lines.append((cur, ""))
    return lines


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
    ``"".join(wrap(text, ...)) == text``: a word deck breaks (see ``drawn_text``) is cut
    without the hyphen it shows. Empty text gives one empty line.
    """
    return [line for line, _ in _wrapped(text, family, size, width, bold)]


def line_count(text: str, family: str, size: float, width: float, bold: bool = False) -> int:
    """Number of lines ``wrap`` gives (at least 1)."""
    return len(_wrapped(text, family, size, width, bold))


def cuts_a_word(text: str, family: str, size: float, width: float, bold: bool = False) -> bool:
    """Whether a word is too wide for a line of ``width`` pt, so that deck must break it inside
    (with a hyphen, or within an address) rather than at a space, a hyphen or a soft hyphen."""
    return any(how for _, how in _wrapped(text, family, size, width, bold))


# Render asks for every paragraph it writes; a long deck repeats most of them (footers, source
# lines, sections alike), and the answer depends only on the arguments.
@lru_cache(maxsize=16384)
def drawn_text(text: str, family: str, size: float, width: float, bold: bool = False) -> str:
    """The text to write into a box ``width`` pt wide so that every renderer draws ``wrap``'s lines.

    PowerPoint and LibreOffice break lines at spaces and hyphens alike, but each chops a word
    too wide for its line in its own place and without a hyphen, and they differ on soft
    hyphens and zero-width spaces. So the breaks deck makes there are written out: a word deck
    breaks gets its hyphen (none inside an address or a path) and a line break ("\\v", drawn as
    ``a:br``); a soft hyphen where a line ends becomes "-" and a line break, every other soft
    hyphen is left out (it would show nothing); a zero-width space where a line ends is followed
    by a line break; a range of numbers gets a word joiner after its dash.
    ``line_count(drawn_text(t)) == line_count(t)``.
    """
    if not any(ch in text for ch in _EXPLICIT) and line_count(text, family, size, width, bold) == 1:
        return _RANGE.sub(_RANGE_JOINED, text)
    out = []
    for part in _HARD_SPLIT.split(text):
        if _HARD_SPLIT.fullmatch(part):
            out.append(part)
            continue
        lines = _wrapped(part, family, size, width, bold)
        # Once deck breaks a line itself, it writes every line end of the paragraph: a renderer
        # would otherwise pull the start of a broken word up onto the line before ("heid verant-").
        made = any(how in ("-", "|") or line.endswith((SHY, "\u200b")) for line, how in lines[:-1])
        for i, (line, how) in enumerate(lines):
            if i < len(lines) - 1:
                if how == "-" or (not how and line.endswith(SHY)):
                    line = line.removesuffix(SHY) + "-\v"
                elif how == "|" or line.endswith("\u200b"):
                    line += "\v"
                elif made:  # the space that ended the line gives way to the line break
                    line = line.rstrip(" ") + "\v"
            out.append(line.replace(SHY, ""))
    return _RANGE.sub(_RANGE_JOINED, "".join(out))


_EXPLICIT = (SHY, "\u200b")
# A range of numbers ("2026–2029") is one word, which `wrap` never breaks at its dash: a word
# joiner after the dash keeps renderers from breaking it there either.
_RANGE = re.compile("(?<=\\d)\u2013(?=\\d)")
_RANGE_JOINED = "\u2013\u2060"
_HARD_SPLIT = re.compile("(" + "|".join(map(re.escape, _HARD_BREAKS + ("\n",))) + ")")


# Layout measures the same text again and again: at every shrink step, for every page it tries,
# and in every build of a watch session. Wrapping is pure, so its result is kept (as a tuple,
# which no caller can change).
@lru_cache(maxsize=65536)
def _wrapped(text: str, family: str, size: float, width: float, bold: bool
             ) -> tuple[tuple[str, str], ...]:
    face = get_face(family, bold)
    if size <= 0:
        raise ValueError(f"font size must be positive, got {size!r}")
    avail_em = width / (size * SAFETY) + 1e-9  # a line may end exactly at the edge
    if "\n" not in text and not any(b in text for b in _HARD_BREAKS):
        return tuple(_wrap_paragraph(text, face, size, avail_em))
    out: list[tuple[str, str]] = []
    for para in _hard_lines(text):
        out.extend(_wrap_paragraph(para, face, size, avail_em))
    return tuple(out)
