"""The chart rules of `deck check` (deck.lint): a chart with more series or slices than a reader
can tell apart, and one whose values could not all be labelled where the chart draws them.

    chart-series   warning  more than 6 series in a bar, column or line chart, or 6 slices in a pie
                            or doughnut
    chart-labels   warning  bars, columns or slices too close together for their values' labels;
                   info     a line chart labelled at the ends of its lines only
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from deck.outline.model import Slide
from deck.plan import Chart, SlidePlan

MAX_SERIES = 6  # lines or bar colours a reader matches to a legend at a glance
MAX_SLICES = 6

Finding = tuple[str, str, tuple, str, str | None]  # rule, severity, path, message, hint


def chart_findings(written: Iterable[tuple[tuple, Slide]], slides: Iterable[SlidePlan]) -> Iterator[Finding]:
    for path, slide in written:
        spec = getattr(slide, "chart", None)
        if slide.kind != "chart" or spec is None:
            continue
        if spec.type in ("pie", "doughnut") and len(spec.categories) > MAX_SLICES:
            yield ("chart-series", "warning", path + ("chart", "categories"),
                   f"{len(spec.categories)} slices are more than a reader can tell apart (at most {MAX_SLICES})",
                   "show the largest few and put the rest together as one slice, or use a bar chart")
        elif len(spec.series) > MAX_SERIES:
            yield ("chart-series", "warning", path + ("chart", "series"),
                   f"{len(spec.series)} series are more than a reader can tell apart (at most {MAX_SERIES})",
                   "show the series that make the point and put the rest together, or split the chart")
    for plan in slides:
        for item in plan.items:
            if isinstance(item, Chart) and item.labelled:
                found = _labels(item, plan.path)
                if found is not None:
                    yield found


def _labels(item: Chart, path: tuple) -> Finding | None:
    """What the layout left out (deck.layout.chart_labels), said where the chart is written."""
    where = path + ("chart",)
    values = sum(v is not None for _, vs in item.series for v in vs)
    shown = sum(s for row in item.labelled for s in row)
    if shown == values:
        return None
    if item.type == "line":
        ends = f"the last value of {shown} of the {len(item.series)} lines is" if shown else "no value is"
        return ("chart-labels", "info", where,
                f"{values} values are too many to label where the lines run; {ends} labelled, "
                "the rest is read off the axis",
                "give fewer points, or put the numbers that matter in the notes or the headline")
    if item.type in ("pie", "doughnut"):
        return ("chart-labels", "warning", where,
                f"{values - shown} of {values} slices are too thin to hold their value",
                "put the small slices together as one, or use a bar chart")
    bars = "bars" if item.type == "bar" else "columns"
    return ("chart-labels", "warning", where,
            f"the {values} {bars} are too close together to label their values; they are read off an axis",
            "show fewer categories or series, or split the chart")
