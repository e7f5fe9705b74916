"""chart: a native chart on the whole body area; its numbers are direct labels in the deck's
number format, where they can be read (deck.layout.chart_labels)."""
from __future__ import annotations

from deck.layout.chart_labels import decimals, label_text, labelled, scale
from deck.layout.context import Context
from deck.layout.fitting import make_para, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content
from deck.look.series import others, series_colours
from deck.measure import fonts as measure
from deck.outline.chart import Chart as ChartSpec
from deck.outline.model import ChartSlide
from deck.plan import Box, Chart, TextBox

# Windows locale ids: a number format tagged with the deck's language shows 1.850 in Dutch and
# 1,850 in English in LibreOffice; PowerPoint formats by the viewer's regional settings.
_LOCALE_IDS = {"nl": "413", "nl-be": "813", "en": "409", "en-gb": "809", "de": "407", "fr": "40C",
               "es": "40A", "it": "410", "pt": "816", "da": "406", "sv": "41D", "nb": "414"}
SWATCH = "■"  # a legend entry's mark, in its series' colour


def lay(ctx: Context, slide: ChartSlide, path: tuple, notes: str) -> None:
    g = ctx.geo
    spec = slide.chart
    title_box = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    size = ctx.style("chart").size
    count = len(spec.categories)
    # A line that stops early is a gap to its end.
    series = tuple((s.name, tuple(s.values) + (None,) * (count - len(s.values))) for s in spec.series)
    single = len(series) == 1
    round_chart = spec.type in ("pie", "doughnut")
    colours = chart_colours(ctx, spec)
    language = ctx.outline.language
    affixes = [spec.affixes(s) for s in spec.series]
    # Series in the same unit share their decimals: 1,200.0 beside 350.5, not 1,200.
    unit = {affix: [v for (_, vs), a in zip(series, affixes, strict=True) if a == affix for v in vs]
            for affix in affixes}
    formats = tuple(number_format(unit[affix], language, *affix) for affix in affixes)
    # One axis for series in different units shows the bare numbers.
    shared = affixes[0] if len(set(affixes)) == 1 else (None, None)
    # The axis counts in round steps: 0, 20, 40, not 0.0, 20.0, 40.0 because a value has a decimal.
    axis_format = number_format([scale([vs for _, vs in series])[2]], language, *shared)
    legend: list[TextBox] = []
    if not single and not round_chart:
        legend = legend_boxes(ctx, [name for name, _ in series], colours, g.left, top, g.content_w)
        skip = max(b.box.bottom for b in legend) - top + size * 0.5
        top, limit = top + skip, limit - skip
    box = Box(g.left, top, g.content_w, limit)
    texts = [[label_text(v, decimals(unit[affix]), *affix) if v is not None else "" for v in values]
             for (_, values), affix in zip(series, affixes, strict=True)]
    shown, axis, ends = labelled(spec.type, box, spec.categories, [vs for _, vs in series], texts, size, ctx.theme.font)
    # A doughnut names its slices in a legend, and a pie whose labels leave some slices out.
    legend_of_slices = spec.type == "doughnut" or (spec.type == "pie" and not all(shown[0]))
    item = Chart(box, spec.type, tuple(spec.categories), series, colours, axis_format, size,
                 legend=legend_of_slices, formats=formats, labelled=shown, axis=axis, ends=ends)
    add_content(ctx, "chart", slide.headline, [*legend, item], notes, path, slide.source, title_box)


def chart_colours(ctx: Context, spec: ChartSpec) -> tuple[str, ...]:
    """A colour per series, or per slice or bar for one series. The highlighted slice or bar is the
    only one in the highlight colour; the others take the series colours without it."""
    theme = ctx.theme
    highlight = "#" + theme.palette.highlight
    if spec.type in ("pie", "doughnut"):
        rest = others(theme) if spec.highlight is not None else series_colours(theme)
        out, n = [], 0
        for category in spec.categories:
            if category == spec.highlight:
                out.append(highlight)
            else:
                out.append("#" + rest[n % len(rest)])
                n += 1
        return tuple(out)
    if len(spec.series) == 1 and spec.type != "line":
        accent = "#" + theme.palette.accent
        return tuple(highlight if c == spec.highlight else accent for c in spec.categories)
    palette = series_colours(theme)
    return tuple("#" + palette[i % len(palette)] for i in range(len(spec.series)))


def legend_boxes(ctx: Context, names: list[str], colours: tuple[str, ...], x: float, y: float,
                 width: float) -> list[TextBox]:
    """The series' names above the chart, in the order of the outline (which is the order of the
    bars, columns and lines), flowing in rows: drawn by deck, so every program shows the same order."""
    style = ctx.style("chart")
    font = ctx.theme.font
    hang = measure.text_width(SWATCH + " ", "Arial", style.size)
    gap = style.size * 1.2
    boxes: list[TextBox] = []
    left, row_top, row_h = x, y, 0.0
    for i, (name, colour) in enumerate(zip(names, colours, strict=True)):
        need = min(width, hang + measure.text_width(name, font, style.size) + style.size * 0.1)
        if left > x and left + need > x + width:
            left, row_top, row_h = x, row_top + row_h, 0.0
        para = make_para(name, style, need, font, bullet=SWATCH, bullet_color=colour, hang=hang, indent=hang)
        box = text_box([para], left, row_top, need, f"Legend {i + 1}")
        boxes.append(box)
        left += need + gap
        row_h = max(row_h, box.box.h)
    return boxes


def number_format(values, language: str, prefix: str | None = None, suffix: str | None = None) -> str:
    """Thousands grouped, as many decimals as the data needs (at most two), in the deck's language."""
    places = decimals(values)
    code = "#,##0" + ("." + "0" * places if places else "")
    code = _literal(prefix) + code + _literal(suffix)
    tag = _LOCALE_IDS.get(language.lower()) or _LOCALE_IDS.get(language.split("-")[0].lower())
    return f"[$-{tag}]{code}" if tag else code


def _literal(text: str | None) -> str:
    return '"' + text.replace('"', "") + '"' if text else ""
