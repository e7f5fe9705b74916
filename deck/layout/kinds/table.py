"""table: a native table, column widths from its measured content; rows that do not fit continue
on further slides under the repeated header."""
from __future__ import annotations

from deck.layout import columns, paging
from deck.layout.context import Context
from deck.layout.fitting import make_para, sizes
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_page, continuing, paged
from deck.look.theme import Style
from deck.outline.model import TableSlide
from deck.plan import Box, Para, Table


def lay(ctx: Context, slide: TableSlide, path: tuple, notes: str) -> None:
    g = ctx.geo
    inset = g.space.cell_inset
    title_box = later = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    head_style, cell_style = ctx.style("table-head"), ctx.style("table")
    aligned = columns.alignments([slide.columns] + slide.rows)
    # The largest size at which the table fits on one slide; a longer one continues at the floor.
    for size in sizes(cell_style):
        widths = columns.column_widths([slide.columns] + slide.rows, ctx.theme.font, size, g.content_w, inset,
                                       head_style.bold)
        head = _row(ctx, slide.columns, widths, aligned, head_style.at(size), "on_accent", inset)
        rows = [_row(ctx, r, widths, aligned, cell_style.at(size), "ink", inset) for r in slide.rows]
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


def _row(ctx: Context, texts: list[str], widths: list[float], aligned: list[str], style: Style, colour: str,
         inset: float) -> tuple[tuple[Para, ...], float]:
    paras = tuple(make_para(columns.bound(t), style, columns.wrap_width(w, inset), ctx.theme.font, color=colour,
                            align=a) for t, w, a in zip(texts, widths, aligned, strict=False))
    return paras, max(p.lines * p.line for p in paras) + 2 * inset
