"""Layout of the evidence slides: a picture, a native chart, a table. Pure, like layout.py.

Pictures keep their proportions (contain: the whole picture in the frame; cover: the frame
filled and the overflow cropped). Charts get the whole body area; their numbers are direct
labels in the deck's number format. Tables take column widths from their measured content and
continue on further slides with the header repeated.
"""
from __future__ import annotations

from deck.measure import fonts as measure
from deck.layout import (
    Item, _box, _headline, _sizes, fit, height, make_para,
)
from deck.outline.model import ChartSlide, ImageSlide, TableSlide
from deck.plan import Box, Chart, Para, Picture, Table

CAPTION_GAP = 12.0
CELL_INSET = 6.0

# Windows locale ids: a number format tagged with the deck's language shows 1.850 in Dutch and
# 1,850 in English in LibreOffice; PowerPoint formats by the viewer's regional settings.
_LOCALE_IDS = {"nl": "413", "nl-be": "813", "en": "409", "en-gb": "809", "de": "407", "fr": "40C",
               "es": "40A", "it": "410", "pt": "816", "da": "406", "sv": "41D", "nb": "414"}


def image(deck, slide: ImageSlide, path: tuple, notes: str) -> None:
    ctx = deck.ctx
    info = ctx.assets[path]
    title_box = _headline(ctx, slide.title, path)
    top, limit = deck.body_limit(title_box)
    items: list = []
    frame_h = limit
    if slide.caption:
        caption = fit(ctx, [Item(slide.caption, "secondary")], ctx.geo.content_w, limit / 4)
        if caption is None:
            ctx.fail(path + ("caption",), "does not fit under the picture at the minimum size",
                     "keep the caption to a line or two")
            return
        # The caption belongs to the picture, not to the footer: keep air below it too.
        frame_h = limit - height(caption) - 2 * CAPTION_GAP
        items.append(_box(caption, ctx.geo.left, top + frame_h + CAPTION_GAP, ctx.geo.content_w, "Caption"))
    box, crop = place_picture(info.width, info.height, Box(ctx.geo.left, top, ctx.geo.content_w, frame_h), slide.fit)
    alt = "" if slide.decorative else slide.alt
    items.insert(0, Picture(box, str(info.file), alt, slide.decorative, crop))
    deck.content("image", slide.title, items, notes, path, slide.source, title_box)


def place_picture(width: int, height_px: int, frame: Box, mode: str) -> tuple[Box, tuple]:
    """The picture's box and crop fractions (left, top, right, bottom) inside `frame`."""
    ratio = width / height_px
    if mode == "cover":
        frame_ratio = frame.w / frame.h
        if ratio > frame_ratio:  # wider than the frame: crop left and right
            cut = (1 - frame_ratio / ratio) / 2
            return frame, (cut, 0.0, cut, 0.0)
        cut = (1 - ratio / frame_ratio) / 2
        return frame, (0.0, cut, 0.0, cut)
    w = min(frame.w, frame.h * ratio)
    h = w / ratio
    return Box(frame.x + (frame.w - w) / 2, frame.y + (frame.h - h) / 2, w, h), (0.0, 0.0, 0.0, 0.0)


def chart(deck, slide: ChartSlide, path: tuple, notes: str) -> None:
    ctx = deck.ctx
    spec = slide.chart
    title_box = _headline(ctx, slide.title, path)
    top, limit = deck.body_limit(title_box)
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
    item = Chart(Box(ctx.geo.left, top, ctx.geo.content_w, limit), spec.type, tuple(spec.categories), series, colours,
                 number_format(values, ctx.outline.language, spec.prefix, spec.suffix), ctx.style("chart").size,
                 legend=not single or spec.type == "doughnut")
    deck.content("chart", slide.title, [item], notes, path, slide.source, title_box)


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


def table(deck, slide: TableSlide, path: tuple, notes: str) -> None:
    ctx = deck.ctx
    title_box = _headline(ctx, slide.title, path)
    top, limit = deck.body_limit(title_box)
    head_style, cell_style = ctx.style("table-head"), ctx.style("table")
    pages = None
    for size in _sizes(cell_style):
        widths = column_widths([slide.columns] + slide.rows, ctx.theme.font, size, ctx.geo.content_w)
        head = _row(ctx, slide.columns, widths, head_style.at(size), "on_accent")
        rows = [_row(ctx, r, widths, cell_style.at(size), "ink") for r in slide.rows]
        pages = _paginate(head, rows, limit)
        if (pages is not None and len(pages) == 1) or size == cell_style.floor:
            break
    if not deck.paged(pages, path, slide.title, "rows", "a row does not fit on a slide at the minimum size",
                      "shorten the longest cell; put the detail in the notes"):
        return
    for n, page in enumerate(pages):
        cells = tuple(paras for paras, _ in page)
        heights = tuple(h for _, h in page)
        box = Box(ctx.geo.left, top, sum(widths), sum(heights))
        deck.page("table", slide.title, n, [Table(box, tuple(widths), heights, cells, CELL_INSET)], notes,
                  path, slide.source, title_box)


def _row(ctx, texts: list[str], widths: list[float], style, colour: str) -> tuple[tuple[Para, ...], float]:
    paras = tuple(make_para(t, style, w - 2 * CELL_INSET, ctx.theme.font, color=colour)
                  for t, w in zip(texts, widths))
    return paras, max(p.lines * p.line for p in paras) + 2 * CELL_INSET


def _paginate(head, rows, limit: float) -> list[list] | None:
    """Rows onto pages under a repeated header; None when one row alone is too tall."""
    pages, current, used = [], [head], head[1]
    for row in rows:
        if head[1] + row[1] > limit:
            return None
        if used + row[1] > limit:
            pages.append(current)
            current, used = [head], head[1]
        current.append(row)
        used += row[1]
    pages.append(current)
    return pages


def column_widths(rows: list[list[str]], font: str, size: float, total: float) -> list[float]:
    """Widths that give each column room in proportion to its content, never below its longest word."""
    pad = 2 * CELL_INSET
    columns = list(zip(*rows))
    natural = [max(measure.text_width(t, font, size) for t in col) + pad for col in columns]
    minimum = [max((measure.text_width(w, font, size) for t in col for w in t.split()), default=0) + pad
               for col in columns]
    if sum(natural) <= total:
        scale = total / sum(natural)
        return [w * scale for w in natural]
    spare = max(0.0, total - sum(minimum))
    extra = [n - m for n, m in zip(natural, minimum)]
    widths = [m + spare * e / (sum(extra) or 1) for m, e in zip(minimum, extra)]
    scale = total / sum(widths)  # when even the longest words do not fit, they break inside
    return [w * scale for w in widths]
