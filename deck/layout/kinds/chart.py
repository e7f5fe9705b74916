"""chart: a native chart on the whole body area; its numbers are direct labels in the deck's
number format."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content
from deck.outline.model import ChartSlide
from deck.plan import Box, Chart

# Windows locale ids: a number format tagged with the deck's language shows 1.850 in Dutch and
# 1,850 in English in LibreOffice; PowerPoint formats by the viewer's regional settings.
_LOCALE_IDS = {"nl": "413", "nl-be": "813", "en": "409", "en-gb": "809", "de": "407", "fr": "40C",
               "es": "40A", "it": "410", "pt": "816", "da": "406", "sv": "41D", "nb": "414"}


def lay(ctx: Context, slide: ChartSlide, path: tuple, notes: str) -> None:
    g = ctx.geo
    spec = slide.chart
    title_box = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    series = tuple((s.name, tuple(s.values)) for s in spec.series)
    values = [v for _, vs in series for v in vs]
    single = len(series) == 1
    if spec.type in ("pie", "doughnut"):
        cycle = ("accent", "muted", "highlight", "ink")
        colours = tuple("highlight" if c == spec.highlight else cycle[i % len(cycle)]
                        for i, c in enumerate(spec.categories))
    elif single:
        colours = tuple("highlight" if c == spec.highlight else "accent" for c in spec.categories)
    else:
        cycle = ("accent", "highlight", "muted", "ink")
        colours = tuple(cycle[i % len(cycle)] for i in range(len(series)))
    item = Chart(Box(g.left, top, g.content_w, limit), spec.type, tuple(spec.categories), series, colours,
                 number_format(values, ctx.outline.language, spec.prefix, spec.suffix), ctx.style("chart").size,
                 legend=not single or spec.type == "doughnut")
    add_content(ctx, "chart", slide.headline, [item], notes, path, slide.source, title_box)


def number_format(values: list[float], language: str, prefix: str | None = None,
                  suffix: str | None = None) -> str:
    """Thousands grouped, as many decimals as the data needs (at most two), in the deck's language."""
    decimals = 0
    for value in values:
        while decimals < 2 and round(value, decimals) != value:
            decimals += 1
    code = "#,##0" + ("." + "0" * decimals if decimals else "")
    code = _literal(prefix) + code + _literal(suffix)
    tag = _LOCALE_IDS.get(language.lower()) or _LOCALE_IDS.get(language.split("-")[0].lower())
    return f"[$-{tag}]{code}" if tag else code


def _literal(text: str | None) -> str:
    return '"' + text.replace('"', "") + '"' if text else ""
