"""table: a native table, column widths from its measured content; rows that do not fit continue
on further slides under the repeated header."""
from __future__ import annotations

from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import make_para, sizes
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_page, continuing, paged
from deck.look.spacing import Spacing
from deck.look.theme import Style
from deck.measure import fonts as measure
from deck.outline.model import TableSlide
from deck.plan import Box, Para, Table


def lay(ctx: Context, slide: TableSlide, path: tuple, notes: str) -> None:
    g = ctx.geo
    inset = g.space.cell_inset
    title_box = later = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    head_style, cell_style = ctx.style("table-head"), ctx.style("table")
    # The largest size at which the table fits on one slide; a longer one continues at the floor.
    for size in sizes(cell_style):
        widths = column_widths([slide.columns] + slide.rows, ctx.theme.font, size, g.content_w, inset)
        head = _row(ctx, slide.columns, widths, head_style.at(size), "on_accent", inset)
        rows = [_row(ctx, r, widths, cell_style.at(size), "ink", inset) for r in slide.rows]
        if head[1] + sum(h for _, h in rows) <= limit:
            pages: list[range] | None = [range(len(rows))]
            break
    else:
        later, top, limit = continuing(ctx, slide.headline, path, title_box)
        pages = paging.by_height([h for _, h in rows], limit - head[1])
    if not paged(ctx, pages, path, slide.headline, "rows", "a row does not fit on a slide at the minimum size",
                 "shorten the longest cell; put the detail in the notes"):
        return
    assert pages is not None
    for n, page in enumerate(pages):
        laid = [head] + [rows[i] for i in page]
        cells = tuple(paras for paras, _ in laid)
        heights = tuple(h for _, h in laid)
        box = Box(g.left, top, sum(widths), sum(heights))
        add_page(ctx, "table", slide.headline, n, [Table(box, tuple(widths), heights, cells, inset)], notes,
                 path, slide.source, title_box, later)


def _row(ctx: Context, texts: list[str], widths: list[float], style: Style, colour: str,
         inset: float) -> tuple[tuple[Para, ...], float]:
    paras = tuple(make_para(t, style, w - 2 * inset, ctx.theme.font, color=colour)
                  for t, w in zip(texts, widths, strict=False))
    return paras, max(p.lines * p.line for p in paras) + 2 * inset


def column_widths(rows: list[list[str]], font: str, size: float, total: float,
                  inset: float = Spacing.cell_inset) -> list[float]:
    """Widths that give each column room in proportion to its content, never below its longest word."""
    pad = 2 * inset
    columns = list(zip(*rows, strict=False))
    natural = [max(measure.text_width(t, font, size) for t in col) + pad for col in columns]
    minimum = [max((measure.text_width(w, font, size) for t in col for w in t.split()), default=0) + pad
               for col in columns]
    if sum(natural) <= total:
        scale = total / sum(natural)
        return [w * scale for w in natural]
    spare = max(0.0, total - sum(minimum))
    extra = [n - m for n, m in zip(natural, minimum, strict=False)]
    widths = [m + spare * e / (sum(extra) or 1) for m, e in zip(minimum, extra, strict=False)]
    scale = total / sum(widths)  # when even the longest words do not fit, they break inside
    return [w * scale for w in widths]
