"""Metrics for a family deck has no table of its own for (deck.measure.fonts' slower tiers).

Imported only when a template or a brand names such a family: deck's own themes (Calibri, Arial)
never load it, nor fontconfig, nor fontTools.
"""
from __future__ import annotations

from functools import cache

from deck.measure import faces, installed
from deck.measure.catalogue import HEAVIER, WEIGHTS, Measure, key, shipped_family
from deck.measure.faces import get_face

STAND_IN = "Arial"
STAND_IN_MARGIN = 1.2
# Scaling a known face to another's average width: over the 24 shipped Google fonts, measured both
# ways on 2,365 strings of real outlines, 8 % leaves 1.4 % of the strings (short ones, capitals and
# digits) measured up to 17 % short, the median 8 % wide (tests/test_fonts.py checks the spread).
ESTIMATE_MARGIN = 1.08
_BASE = {"e": "Times New Roman", "m": "Courier New"}  # by category; Arial for the others


def resolved(family: str) -> Measure:
    """How `family` is measured, before asking what draws it here (the tiers of deck.measure.fonts)."""
    name = key(family or "")
    found = shipped(name) or _installed(family or "")
    if found:
        return found
    words = name.split()
    for cut in (1, 2):
        if len(words) <= cut or not all(w in WEIGHTS for w in words[-cut:]):
            continue
        base = " ".join(words[:-cut])
        found = shipped(base) or _installed(base)
        if found:
            heavier = any(w in HEAVIER for w in words[-cut:])
            weight = " ".join(words[-cut:])
            return Measure(found.bold if heavier else found.regular, found.bold,
                           f"as {base} {'bold' if heavier else 'regular'}, no narrower than its {weight}")
    estimate = from_average(name)
    if estimate:
        return estimate
    return Measure((STAND_IN, False, STAND_IN_MARGIN), (STAND_IN, True, STAND_IN_MARGIN),
                   f"estimated: {STAND_IN} +{round((STAND_IN_MARGIN - 1) * 100)} %, no metrics known")


def shipped(name: str) -> Measure | None:
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


def from_average(name: str) -> Measure | None:
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


def drawn_here(family: str, found: Measure) -> Measure:
    """Where fontconfig draws another font in the family's place on this machine (LibreOffice
    does), the wider of the two, so the text fits here and where the family is installed."""
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
