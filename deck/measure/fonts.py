"""Which metrics measure a font family, from the exact ones down to a cautious estimate.

For any family name (a template's theme font, a placeholder's font, a brand font), in this order:

1. deck's own tables (deck.measure.catalogue): the family or its metric-compatible twin (Carlito
   is Calibri, Liberation Sans and Helvetica are Arial, Caladea is Cambria, ...). Exact.
2. the font installed on this machine, found by fontconfig under its own name and read with
   fontTools (deck.measure.installed). Exact.
3. a weight of 1 or 2 ("Calibri Light", "Montserrat Medium"): a lighter weight measured with
   the regular face, a heavier one with the bold face; neither is narrower than the weight it
   stands for.
4. the family's published average character width (fontdata/averages.tsv: the Google fonts and
   the common system fonts such as Verdana, Segoe UI, Trebuchet MS, Helvetica Neue): Arial's
   widths (Times New Roman's for a serif, Courier New's for a monospace) scaled to that average,
   plus ESTIMATE_MARGIN for the letters that differ more than the average.
5. nothing known: Arial with every width counted 20 % wider, enough for the widest common text
   faces, at the cost of an earlier shrink or continuation. deck says so once per build.

Calibri and Arial (deck's own themes) are answered at once; the other tiers live in
deck.measure.lookup, loaded only for another family.

Same calls as deck.measure.text (`wrap`, `line_count`, `text_width`), with any family name.
"""
from __future__ import annotations

from functools import lru_cache

from deck.measure import text as _text
from deck.measure.catalogue import SHIPPED, Measure, key, shipped_family
from deck.measure.faces import em, get_face


@lru_cache(maxsize=256)
def measure(family: str) -> Measure:
    """How `family` is measured (see the module's docstring)."""
    name = key(family or "")
    if name in _EVERYWHERE:
        return _EVERYWHERE[name]
    from deck.measure import lookup

    found = lookup.resolved(family)
    if found.how.startswith("exact, from the installed") or shipped_family(name) in ("calibri", "arial"):
        return found
    return lookup.drawn_here(family, found)


# The fonts every PowerPoint has, whose twins every machine that builds decks installs: deck's own
# themes measure in them at no cost (no lookup, no fontconfig).
_EVERYWHERE = {name: Measure((face, False, 1.0), (face, True, 1.0), "exact")
               for name, face in (("calibri", "Calibri"), ("arial", "Arial"))}


# --- the calls of deck.measure.text, for any family ----------------------------------------------------

def measured_as(family: str) -> tuple[str, float]:
    """(face deck.measure.text measures regular text in, width factor)."""
    m = measure(family)
    return m.regular[0], m.regular[2]


def is_exact(family: str) -> bool:
    return measure(family).exact


def stand_in_notice(family: str) -> str | None:
    """What to tell the user when nothing is known of `family`; the caller says where it is named."""
    m = measure(family)
    if not m.how.startswith("estimated: "):
        return None
    from deck.measure.lookup import STAND_IN, STAND_IN_MARGIN

    return (f"deck has no metrics for the font '{family}'; it measures text as {STAND_IN} "
            f"+{round((STAND_IN_MARGIN - 1) * 100)} % so nothing overflows; check the spacing in PowerPoint, "
            "install the font, or use a font deck knows (deck template inspect lists how each font is measured)")


def wrap(text: str, family: str, size: float, width: float, bold: bool = False) -> list[str]:
    m = measure(family)
    face, heavy, factor = m.face(bold)
    return _text.wrap(text, face, size, width / factor, heavy)


def line_count(text: str, family: str, size: float, width: float, bold: bool = False) -> int:
    return len(wrap(text, family, size, width, bold))


def text_width(text: str, family: str, size: float, bold: bool = False) -> float:
    m = measure(family)
    face, heavy, factor = m.face(bold)
    return _text.text_width(text, face, size, heavy) * factor


def widest_word(text: str, family: str, size: float, bold: bool = False) -> float | None:
    """What `text_width` gives for the widest word of `text` (split at white space); None when it
    has no word. Layout asks at every size it tries, so the words' widths in em are kept."""
    face, heavy, factor = measure(family).face(bold)
    widest = _widest_em(text, face, heavy)
    if widest is None:
        return None
    if size <= 0:
        raise ValueError(f"font size must be positive, got {size!r}")
    return widest * size * factor  # as text_width: (em x size) x factor


@lru_cache(maxsize=16384)
def _widest_em(text: str, base: str, bold: bool) -> float | None:
    face = get_face(base, bold)
    return max((em(face, word, 1.0) for word in text.split()), default=None)  # a word holds no tab


def cuts_a_word(text: str, family: str, size: float, width: float, bold: bool = False) -> bool:
    """Whether `wrap` must break a word inside, at a place deck chooses (see deck.measure.text)."""
    face, heavy, factor = measure(family).face(bold)
    return _text.cuts_a_word(text, face, size, width / factor, heavy)


def drawn_text(text: str, family: str, size: float, width: float, bold: bool = False) -> str:
    """The text to write so that renderers draw the lines `wrap` found (see deck.measure.text)."""
    face, heavy, factor = measure(family).face(bold)
    return _text.drawn_text(text, face, size, width / factor, heavy)


__all__ = ["Measure", "measure", "measured_as", "is_exact", "stand_in_notice", "wrap", "line_count",
           "text_width", "widest_word", "cuts_a_word", "drawn_text", "SHIPPED"]
