"""Which metrics measure a font family: exact ones, or a conservative stand-in.

deck ships the metrics of Calibri and Arial (deck/measure/faces.py). Their metric twins measure exactly
the same (Carlito is Calibri, Liberation Sans and Arimo are Arial, Arial was drawn to
Helvetica's widths). Any other family (a brand font, a template's theme font) is measured as
Arial, the wider of the two, with every width counted 20 % wider: enough for the common text
faces (Segoe UI, Aptos, Georgia, Verdana, Calibri Light), so text set in them stays inside its
box at the cost of an earlier shrink or continuation. deck says so once per build.

Same calls as deck.measure.text (`wrap`, `line_count`, `text_width`), with any family name.
"""
from __future__ import annotations

from functools import lru_cache

from deck.measure import text as _text
from deck.measure.faces import em, get_face

STAND_IN = "Arial"
STAND_IN_MARGIN = 1.2

_TWINS = {
    "calibri": "Calibri",
    "carlito": "Calibri",
    "arial": "Arial",
    "liberation sans": "Arial",
    "arimo": "Arial",
    "helvetica": "Arial",
}


@lru_cache(maxsize=64)
def measured_as(family: str) -> tuple[str, float]:
    """(family deck.measure.text measures, width factor): factor 1.0 means exact."""
    twin = _TWINS.get(family.strip().lower())
    return (twin, 1.0) if twin else (STAND_IN, STAND_IN_MARGIN)


def is_exact(family: str) -> bool:
    return measured_as(family)[1] == 1.0


def stand_in_notice(family: str) -> str | None:
    """What to tell the user when `family` can only be estimated; the caller says where it is named."""
    if is_exact(family):
        return None
    return (f"deck has no metrics for the font '{family}'; it measures text as {STAND_IN} "
            f"+{round((STAND_IN_MARGIN - 1) * 100)} % so nothing overflows; check the spacing in PowerPoint, "
            "or use Calibri or Arial for exact fitting")


def wrap(text: str, family: str, size: float, width: float, bold: bool = False) -> list[str]:
    base, factor = measured_as(family)
    return _text.wrap(text, base, size, width / factor, bold)


def line_count(text: str, family: str, size: float, width: float, bold: bool = False) -> int:
    return len(wrap(text, family, size, width, bold))


def text_width(text: str, family: str, size: float, bold: bool = False) -> float:
    base, factor = measured_as(family)
    return _text.text_width(text, base, size, bold) * factor


def widest_word(text: str, family: str, size: float, bold: bool = False) -> float | None:
    """What `text_width` gives for the widest word of `text` (split at white space); None when it
    has no word. Layout asks at every size it tries, so the words' widths in em are kept."""
    widest = _widest_em(text, measured_as(family)[0], bool(bold))
    if widest is None:
        return None
    if size <= 0:
        raise ValueError(f"font size must be positive, got {size!r}")
    return widest * size * measured_as(family)[1]  # as text_width: (em x size) x factor


@lru_cache(maxsize=16384)
def _widest_em(text: str, base: str, bold: bool) -> float | None:
    face = get_face(base, bold)
    return max((em(face, word, 1.0) for word in text.split()), default=None)  # a word holds no tab


def cuts_a_word(text: str, family: str, size: float, width: float, bold: bool = False) -> bool:
    """Whether `wrap` must break a word inside, at a place deck chooses (see deck.measure.text)."""
    base, factor = measured_as(family)
    return _text.cuts_a_word(text, base, size, width / factor, bold)


def drawn_text(text: str, family: str, size: float, width: float, bold: bool = False) -> str:
    """The text to write so that renderers draw the lines `wrap` found (see deck.measure.text)."""
    base, factor = measured_as(family)
    return _text.drawn_text(text, base, size, width / factor, bold)
