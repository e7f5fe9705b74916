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

Same calls as deck.measure.text (`wrap`, `line_count`, `text_width`), with any family name.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from deck.measure import text as _text
from deck.measure.catalogue import HEAVIER, SHIPPED, WEIGHTS, key, shipped_family
from deck.measure.faces import em, get_face

STAND_IN = "Arial"
STAND_IN_MARGIN = 1.2
# Scaling a known face to another's average width: over the 24 shipped Google fonts, measured both
# ways on 2,365 strings of real outlines, 8 % leaves 1.4 % of the strings (short ones, capitals and
# digits) measured up to 17 % short, the median 8 % wide (tests/test_fonts.py checks the spread).
ESTIMATE_MARGIN = 1.08
_BASE = {"e": "Times New Roman", "m": "Courier New"}  # by category; Arial for the others


Face = tuple[str, bool, float]  # a face deck.measure.faces knows (family, bold), and a width factor


@dataclass(frozen=True)
class Measure:
    """How deck measures a family: regular text with the face `regular`, bold text with `bold`,
    each (family, bold, width factor). `how` says it in words, for `deck template inspect`."""

    regular: Face
    bold: Face
    how: str

    @property
    def exact(self) -> bool:
        return not self.how.startswith("estimated")

    @property
    def factor(self) -> float:
        """The larger width factor of the two faces."""
        return max(self.regular[2], self.bold[2])

    def face(self, bold: bool) -> Face:
        return self.bold if bold else self.regular


@lru_cache(maxsize=256)
def measure(family: str) -> Measure:
    """How `family` is measured (see the module's docstring)."""
    found = _resolved(family)
    if found.how.startswith("exact, from the installed") or shipped_family(key(family or "")) in _EVERYWHERE:
        return found
    return _drawn_here(family, found)


# The fonts every PowerPoint has, whose twins every machine that builds decks installs: fontconfig is
# not asked about them, so deck's own themes cost nothing.
_EVERYWHERE = ("calibri", "arial")


def _drawn_here(family: str, found: Measure) -> Measure:
    """Where fontconfig draws another font in the family's place on this machine (LibreOffice
    does), the wider of the two, so the text fits here and where the family is installed."""
    from deck.measure import faces, installed

    faces_out = []
    drawn = None
    for bold, (face, heavy, factor) in ((False, found.regular), (True, found.bold)):
        here = installed.drawn_by(family, bold or heavy)
        data = installed.metrics(here[1]) if here else None
        if here is None or data is None or shipped_family(here[0]) == shipped_family(face):
            faces_out.append((face, heavy, factor))
            continue
        drawn = here[0]
        name = f"{key(family)} {'bold' if bold else 'regular'} or {here[1].name}"
        faces.add_face(f"{name} (drawn)", bold, data)
        faces.add_wider(name, bold, get_face(face, heavy), factor, get_face(f"{name} (drawn)", bold))
        faces_out.append((name, bold, 1.0))
    if drawn is None:
        return found
    return Measure(faces_out[0], faces_out[1], f"{found.how}; not installed here, where {drawn} draws it: "
                                                f"measured as the wider of the two")


def _resolved(family: str) -> Measure:
    name = key(family or "")
    found = _shipped(name) or _installed(family or "")
    if found:
        return found
    words = name.split()
    for cut in (1, 2):
        if len(words) <= cut or not all(w in WEIGHTS for w in words[-cut:]):
            continue
        base = " ".join(words[:-cut])
        found = _shipped(base) or _installed(base)
        if found:
            heavier = any(w in HEAVIER for w in words[-cut:])
            weight = " ".join(words[-cut:])
            return Measure(found.bold if heavier else found.regular, found.bold,
                           f"as {base} {'bold' if heavier else 'regular'}, no narrower than its {weight}")
    estimate = _from_average(name)
    if estimate:
        return estimate
    return Measure((STAND_IN, False, STAND_IN_MARGIN), (STAND_IN, True, STAND_IN_MARGIN),
                   f"estimated: {STAND_IN} +{round((STAND_IN_MARGIN - 1) * 100)} %, no metrics known")


def _shipped(name: str) -> Measure | None:
    shipped = shipped_family(name)
    if shipped is None:
        return None
    # Calibri and Arial keep their spelling: deck.measure.text's callers name them so
    face = {"calibri": "Calibri", "arial": "Arial"}.get(shipped, shipped)
    how = "exact" if name == shipped else f"exact, as its twin {shipped}"
    return Measure((face, False, 1.0), (face, True, 1.0), how)


def _installed(family: str) -> Measure | None:
    if not family.strip():
        return None
    from deck.measure import faces, installed

    path = installed.font_file(family, False)
    if path is None:
        return None
    bold_path = installed.font_file(family, True) or path
    names = []
    for file, bold in ((path, False), (bold_path, True)):
        data = installed.metrics(file)
        if data is None:
            return None
        name = f"{key(family)} ({file.name})"
        faces.add_face(name, bold, data)
        names.append(name)
    return Measure((names[0], False, 1.0), (names[1], True, 1.0), f"exact, from the installed {path.name}")


@cache
def _averages() -> dict[str, tuple[str, dict[int, float]]]:
    from importlib import resources

    table: dict[str, tuple[str, dict[int, float]]] = {}
    raw = resources.files("deck.measure").joinpath("fontdata", "averages.tsv").read_text("utf-8")
    for line in raw.splitlines():
        family, category, weights = line.split("\t")
        table[key(family)] = (category, {int(w[0]) * 100: int(w[1:]) / 10000 for w in weights.split()})
    return table


def _from_average(name: str) -> Measure | None:
    table = _averages()
    words = name.split()
    weight = 400  # a lighter weight is measured as the regular one (no wider)
    while words and " ".join(words) not in table and words[-1] in WEIGHTS:
        weight = max(weight, WEIGHTS[words.pop()])
    family = " ".join(words)
    if family not in table:
        return None
    category, widths = table[family]
    base = _BASE.get(category, STAND_IN)
    base_widths = table[key(base)][1]
    at = max((w for w in widths if w <= weight), default=400)
    base_at = base_widths[700] if at > 400 else base_widths[400]
    regular = round(widths[at] / base_at * ESTIMATE_MARGIN, 3)
    # a family without a bold weight is drawn emboldened: as wide as its regular, or a little wider
    bold_ratio = widths[700] / base_widths[700] if 700 in widths else widths[at] / base_at * 1.03
    bold = round(bold_ratio * ESTIMATE_MARGIN, 3)
    return Measure((base, at > 400, regular), (base, True, bold),
                   f"estimated from its average width: {base} x {regular:.2f} (bold x {bold:.2f})")


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


__all__ = ["Measure", "measure", "measured_as", "is_exact", "stand_in_notice", "wrap", "line_count",
           "text_width", "widest_word", "SHIPPED"]
