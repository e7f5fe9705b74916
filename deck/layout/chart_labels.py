"""Which values of a chart carry a label: those that can be read where the chart draws them.

A label is the number as the deck writes it ("1,850 kg"), set in the chart's text size. Each
label is measured and put where PowerPoint and LibreOffice put it: above a column or a line's
point, at the end of a bar, on a doughnut's ring, outside a pie's slice with the slice's name.
Where any two labels would cover each other, a chart with lines labels only the last point of
each line, beside it (of the lines whose last labels would cover one another, the first),
against its value axis; bars and columns then label nothing and show a value axis instead. A
doughnut leaves out the labels of slices too thin to hold theirs, and a pie the labels that
would run into one before them (it then names every slice in a legend). The plot area is
estimated from the chart's frame and its text size, as both programs lay it out; the estimate
leans to the small side, so that a label that passes has room to spare.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

from deck.measure import fonts as measure
from deck.plan import Box

GAP_WIDTH = 60  # the space between groups of bars, % of a bar's width (render sets it)
SPACING = 10  # the space between the bars of a group, % of a bar's width (render sets it)
HOLE = 55  # a doughnut's hole, % of its diameter (render sets it)
LEADING = 1.2  # a label's height, in its text size
MARGIN = 0.5  # the space renderers keep inside the chart frame, in the text size, each side
AXIS_ROW = 1.6  # the row of category names under columns and lines, in the text size

Values = Sequence[float | None]


def decimals(values: Values) -> int:
    """As many decimals as the numbers need, at most two."""
    places = 0
    for value in values:
        while value is not None and places < 2 and round(value, places) != value:
            places += 1
    return places


def label_text(value: float, places: int, prefix: str | None, suffix: str | None) -> str:
    """A value as its label shows it (English grouping: other languages' are as wide)."""
    return f"{prefix or ''}{value:,.{places}f}{suffix or ''}"


def labelled(kind: str, box: Box, categories: Sequence[str], series: Sequence[Values], texts: Sequence[Sequence[str]],
             size: float, font: str) -> tuple[tuple[tuple[bool, ...], ...], bool, bool]:
    """Per series, per point: whether its label is shown; whether the chart needs a value axis
    because its bars' labels are left out; and whether a line's labels stand at its end, to the
    right of its last point. `texts` are the labels as written."""
    widths = [[measure.text_width(t, font, size) for t in row] for row in texts]
    if kind == "pie":
        return (_around_pie(box, categories, series[0], widths[0], size, font),), False, False
    if kind == "doughnut":
        return (_on_ring(box, categories, series[0], widths[0], size, font),), False, False
    rects = _places(kind, box, categories, series, widths, size, font)
    every = tuple(tuple(r is not None for r in row) for row in rects)
    if _apart([r for row in rects for r in row if r is not None], size):
        return every, False, False
    if kind == "line":
        # The last value of each line beside its end, first series first, where it covers none kept.
        kept: list[Rect] = []
        ends: list[int | None] = []
        for row in rects:
            i = _last(row)
            point = row[i] if i is not None else None
            rect = _beside(point, size) if point is not None else None
            if rect is not None and _apart([*kept, rect], size):
                kept.append(rect)
                ends.append(i)
            else:
                ends.append(None)
        shown = tuple(tuple(i == j for i in range(len(row))) for row, j in zip(rects, ends, strict=True))
        return shown, False, True
    return tuple(tuple(False for _ in row) for row in rects), kind != "line", False


def _beside(above: Rect, size: float) -> Rect:
    """A label moved from above its point to the right of it."""
    left, top, right, bottom = above
    x, y, height = (left + right) / 2, bottom + size * 0.3, bottom - top
    return x + size * 0.4, y - height / 2, x + size * 0.4 + right - left, y + height / 2


Rect = tuple[float, float, float, float]  # left, top, right, bottom


def _last(row: Sequence[Rect | None]) -> int | None:
    return next((i for i in range(len(row) - 1, -1, -1) if row[i] is not None), None)


def _apart(rects: list[Rect], size: float) -> bool:
    """No two labels closer than a quarter of the text size, side by side or one above the other."""
    gap = size * 0.25
    ordered = sorted(rects)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if b[0] >= a[2] + gap:
                break  # sorted by left edge: no later label reaches back to this one
            if b[1] < a[3] + gap and a[1] < b[3] + gap:
                return False
    return True


def scale(series: Sequence[Values]) -> tuple[float, float, float]:
    """The value axis as renderers choose it: from zero (or below the lowest value) to the first
    round number at or above the highest, in about five steps of 1, 2 or 5 times a power of ten;
    and that step."""
    numbers = [v for values in series for v in values if v is not None]
    low, high = min(0.0, *numbers), max(0.0, *numbers)
    span = (high - low) or 1.0
    unit = 10 ** math.floor(math.log10(span / 5))
    unit = next(unit * m for m in (1, 2, 5, 10) if span / (unit * m) <= 6)
    return math.floor(low / unit) * unit, math.ceil(high / unit) * unit or unit, unit


def _places(kind: str, box: Box, categories: Sequence[str], series: Sequence[Values],
            widths: list[list[float]], size: float, font: str) -> list[list[Rect | None]]:
    """Where each label is drawn, in points from the plot area's top left; None for no value."""
    low, high, _ = scale(series)
    height = size * LEADING
    count, group = len(categories), len(series)
    inner_w, inner_h = box.w - 2 * MARGIN * size, box.h - 2 * MARGIN * size
    out: list[list[Rect | None]] = []
    if kind == "bar":
        names = max(measure.text_width(c, font, size) for c in categories)
        plot_w, plot_h = inner_w - min(names, inner_w * 0.4) - size, inner_h - AXIS_ROW * size
        slot = plot_h / count
        pitch = _pitch(slot, group)
        for j, values in enumerate(series):
            row: list[Rect | None] = []
            for i, value in enumerate(values):
                if value is None:
                    row.append(None)
                    continue
                centre = i * slot + (slot - pitch * group) / 2 + pitch * (j + 0.5)
                end = plot_w * (value - low) / (high - low)
                left = end + size * 0.3 if value >= 0 else end - size * 0.3 - widths[j][i]
                row.append((left, centre - height / 2, left + widths[j][i], centre + height / 2))
            out.append(row)
        return out
    axis = 0.0
    if kind == "line":
        ticks = (label_text(low, 0, None, None), label_text(high, 0, None, None))
        axis = max(measure.text_width(t, font, size) for t in ticks) + size
    plot_w, plot_h = inner_w - axis, inner_h - AXIS_ROW * size
    slot = plot_w / count
    pitch = _pitch(slot, group) if kind == "column" else 0.0
    for j, values in enumerate(series):
        row = []
        for i, value in enumerate(values):
            if value is None:
                row.append(None)
                continue
            centre = i * slot + slot / 2 + (pitch * (j + 0.5) - pitch * group / 2 if kind == "column" else 0.0)
            y = plot_h * (high - value) / (high - low)  # from the top
            # above the column's end or the line's marker; a negative column's below its end
            top = y + size * 0.3 if value < 0 and kind == "column" else y - size * 0.3 - height
            row.append((centre - widths[j][i] / 2, top, centre + widths[j][i] / 2, top + height))
        out.append(row)
    return out


def _pitch(slot: float, group: int) -> float:
    """From one bar's centre to the next in a group: a bar and the space after it."""
    spacing = SPACING / 100 if group > 1 else 0.0
    bar = slot / (group + (group - 1) * spacing + GAP_WIDTH / 100)
    return bar * (1 + spacing)


def _around_pie(box: Box, categories: Sequence[str], values: Values, widths: list[float], size: float,
                font: str) -> tuple[bool, ...]:
    """A slice's name and value stand outside the pie, beside the middle of its arc, leaning away
    from the pie: shown for the slices in order whose label covers none shown before it."""
    total = sum(v for v in values if v is not None) or 1.0
    height = 2 * size * LEADING  # name over value
    label_w = [max(measure.text_width(c, font, size), w) for c, w in zip(categories, widths, strict=True)]
    widest = max(label_w)
    radius = max(size, min(box.h - 2 * height, box.w - 2 * widest) / 2 - MARGIN * size)
    kept: list[Rect] = []
    shown = []
    start = 0.0
    for value, width in zip(values, label_w, strict=True):
        share = (value or 0) / total
        middle = 2 * math.pi * (start + share / 2)  # clockwise from twelve o'clock
        start += share
        x, y = (radius + size * 0.5) * math.sin(middle), -(radius + size * 0.5) * math.cos(middle)
        left = x if x >= 0 else x - width
        top = y - height / 2 if abs(x) > abs(y) else (y - height if y < 0 else y)
        rect = (left, top, left + width, top + height)
        fits = share > 0 and _apart([*kept, rect], size)
        if fits:
            kept.append(rect)
        shown.append(fits)
    return tuple(shown)


def _on_ring(box: Box, categories: Sequence[str], values: Values, widths: list[float], size: float,
             font: str) -> tuple[bool, ...]:
    """A slice's value sits on the ring, inside the slice: shown where the slice holds it."""
    legend = max(measure.text_width(c, font, size) for c in categories) + 2 * size
    legend = min(legend, box.w * 0.4)
    radius = min(box.h - 2 * MARGIN * size, box.w - legend - 2 * MARGIN * size) / 2
    ring = radius * (1 - HOLE / 100)
    middle = radius - ring / 2
    total = sum(v for v in values if v is not None) or 1.0
    shown = []
    for value, width in zip(values, widths, strict=True):
        arc = 2 * math.pi * middle * (value or 0) / total
        # the label's diagonal must fit the slice where it is widest and the ring's thickness
        shown.append(math.hypot(width, size * LEADING) <= min(arc, ring * 1.6) - size * 0.25)
    return tuple(shown)
