"""Where a word wider than its line may be broken (pure: a small rule, no dictionary).

A renderer that meets a word wider than its line chops it where it reaches the edge, with no
hyphen ("arbeidsmarktparticipatiebevorderingsprogramm|a"). deck breaks such a word itself, at
a place a reader accepts, and writes the break into the slide (deck.measure.text.drawn_text):

- **Addresses and paths** (a word holding ``/``, ``\\``, ``_``, ``@`` or a ``.`` before two
  letters): after ``/``, ``\\``, ``_``, ``-`` or ``.``, with no hyphen added (a hyphen would
  change the address), never between two of them ("https://" stays whole).
- **Other words**: between syllable-like parts, with a visible hyphen. A run of consonants
  between two vowels is split before its last consonant ("arbeids|markt", "mark|ten"), before
  a consonant pair that starts syllables ("rings|programma", "ma|chen"), or after the joining
  s of a compound ("Beschäftigungs|aufnahmen"); a single consonant goes with the vowel after
  it ("be|vor|de|rings"). Never inside the first or last three letters, never between two
  vowels, never next to a digit or a mark.
- **Marks inside a word**: after a hyphen, dash, dot or comma between two letters or digits
  ("2026-|2027", "250.|000"), with nothing added.

These are the places preferred; a word with none that fits is cut where it reaches the edge,
between two letters where one fits (with a hyphen; a number without one), so a line never
overflows. The rule knows no language: it finds most compound joints of Dutch, German and
English words ("markt|participatie") and sometimes a poor one ("mark|tintegration"), which is
why deck breaks only words that cannot fit a line whole.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from deck.measure.faces import SHY, Face, em

MIN_PART = 3  # letters a broken word keeps before and after its hyphen
# A line that ends in a break deck writes keeps this much of the line free (a share of it), on top
# of SAFETY: were it drawn wider than measured, a renderer would push the hyphen alone onto a
# line of its own, while a break one syllable earlier costs nothing. LibreOffice draws such a
# line up to 0.37 % wider than measured (a 16-letter piece at 20 pt, in the calibration).
EDGE = 0.01

# Consonant pairs (and "sch") that start a syllable; a cluster keeps them together after the break
_ONSETS = frozenset(
    "bl br ch cl cr dr fl fr gl gr kl kr ph pl pr pfl sch schr schl sh th tr vl vr wr".split())
# English digraphs start a syllable only on their own ("mo|ther"), not after another consonant
# ("arbeidsongeschikt|heid")
_WHOLE = frozenset(("ph", "sh", "th"))
# A joining s of a Dutch or German compound after these ("Beschäftigungs|aufnahmen",
# "arbeids|ongeschikt"): the cut goes after it, not before it
_JOINING_S = frozenset("ds gs ks ts".split())
_PATH_MARKS = frozenset("/\\_@")
_PATH_BREAKS = frozenset("/\\_-.")
_INNER_MARKS = frozenset("-\u2010\u2013.,:")


@lru_cache(maxsize=1024)
def _is_vowel(ch: str) -> bool:
    base = unicodedata.normalize("NFD", ch)[:1].lower()
    return base in "aeiouy" or ch.lower() in "æœøåə"


def is_path(word: str) -> bool:
    """Whether a word reads as an address or a path ("www.example.org/a_b", "C:\\data")."""
    if any(ch in _PATH_MARKS for ch in word):
        return True
    # a dot between a letter or digit and two letters: "example.org", "rapport.xlsx"; not "e.g."
    return any(word[i] == "." and word[i - 1].isalnum() and word[i + 1:i + 3].isalpha()
               and len(word[i + 1:i + 3]) == 2 for i in range(1, len(word) - 2))


@lru_cache(maxsize=4096)
def break_points(word: str) -> tuple[tuple[int, bool], ...]:
    """The offsets where ``word`` may break, each with whether a hyphen shows there (ascending).

    An offset i breaks the word into ``word[:i]`` and ``word[i:]``.
    """
    if is_path(word):
        return tuple((i, False) for i in range(1, len(word))
                     if word[i - 1] in _PATH_BREAKS and word[i] not in _PATH_BREAKS
                     and not word[i].isspace())
    # after a hyphen, dash, dot or comma between two letters or digits ("2026-|2027", "250.|000"),
    # where line breaking does not break: nothing added, the mark is there
    marks = [(i, False) for i in range(2, len(word) - 1)
             if word[i - 1] in _INNER_MARKS and word[i - 2].isalnum() and word[i].isalnum()]
    return tuple(sorted(marks + [(i, True) for i in _syllable_points(word)]))


def _syllable_points(word: str) -> list[int]:
    letters = [ch.isalpha() for ch in word]
    # "ij" is one vowel in Dutch ("bij|zon|der"); elsewhere j is a consonant
    vowel = [letters[i] and (_is_vowel(ch) or (ch in "jJ" and i and word[i - 1] in "iI"))
             for i, ch in enumerate(word)]
    before = [0] * (len(word) + 1)  # letters before each offset
    for i, is_letter in enumerate(letters):
        before[i + 1] = before[i] + is_letter
    total = before[-1]
    points = []
    i = 1
    while i < len(word):
        if not (vowel[i - 1] and letters[i] and not vowel[i]):
            i += 1
            continue
        end = i  # a run of consonants word[i:end] after a vowel
        while end < len(word) and letters[end] and not vowel[end]:
            end += 1
        if end < len(word) and vowel[end]:
            cluster = word[i:end].lower()
            cut = end - 1 if len(cluster) > 1 else i
            for n in (4, 3, 2):
                onset = cluster[-n:]
                if len(cluster) >= n and onset in _ONSETS and (onset not in _WHOLE or onset == cluster):
                    cut = end - n
                    break
            else:
                if cluster[-2:] in _JOINING_S:
                    cut = end
            if before[cut] >= MIN_PART and total - before[cut] >= MIN_PART:
                points.append(cut)
        i = end
    return points


def pieces(word: str, face: Face, size: float, room: float, avail_em: float, spaces: frozenset[str]
           ) -> list[tuple[str, float, str]]:
    """A word wider than a line in pieces: (piece, width in em, how its line ends).

    The first piece goes on the current line, which has `room` left; a piece "" with how "\\n"
    ends the current line first (no break place of the word fits in what is left of it). Each
    piece is cut at the last break place that fits (``break_points``), or, where none does,
    where the word reaches the edge, between clusters (a letter with its combining marks, or a
    ligature, stays whole); the last piece ends as the word does ("").
    """
    hyphen = face.hyphen
    preferred = break_points(word.rstrip(SHY))
    mark = "|" if is_path(word) else "-"
    edge = EDGE * avail_em
    cuts = []  # between clusters, not before a space, not after leading spaces only
    at, lead = 0, len(word) - len(word.lstrip("".join(spaces)))
    for unit in clusters(word, face.ligatures):
        at += len(unit)
        if lead < at < len(word) and word[at] not in spaces:
            cuts.append(at)
    out: list[tuple[str, float, str]] = []
    start = 0
    fresh = room >= avail_em  # the current line is empty
    while True:
        rest_em = em(face, word[start:], size)
        tail = face.hyphen if word.endswith(SHY) else 0.0
        if rest_em + tail <= room:
            out.append((word[start:], rest_em, ""))
            return out
        best = None
        for offset, shows in preferred:
            if offset <= start:
                continue
            w = em(face, word[start:offset], size)
            if w + (hyphen if shows else 0.0) > room - edge:
                break
            best = (offset, w, "-" if shows else "|")
        if best is None and not fresh:
            out.append(("", 0.0, "\n"))
            room, fresh = avail_em, True
            continue
        if best is None:
            # no break place fits a whole line: cut where the word reaches the edge, between two
            # letters or digits where one fits ("change-|?" reads badly)
            extra = hyphen if mark == "-" else 0.0
            between = None
            for offset in cuts:
                if offset <= start:
                    continue
                w = em(face, word[start:offset], size)
                if not w:  # a piece without ink (a soft hyphen alone) would show nothing, or a lone hyphen
                    continue
                if best is not None and w + extra > room - edge:
                    break
                # a number is cut with no hyphen: one would read as a minus or a range
                digits = word[offset - 1].isdigit() or word[offset].isdigit()
                best = (offset, w, "|" if digits else mark)  # the first even if it does not fit
                if word[offset - 1].isalnum() and word[offset].isalnum():
                    between = best
            best = between or best
            if best is None:  # a single cluster is the rest of the word
                out.append((word[start:], rest_em, ""))
                return out
        offset, w, how = best
        out.append((word[start:offset], w, how))
        start = offset
        room, fresh = avail_em, True


def clusters(word: str, ligatures: dict[str, tuple[str, ...]]) -> list[str]:
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
