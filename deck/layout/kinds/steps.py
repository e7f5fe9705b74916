"""steps: numbered circles joined by a line, a text under each.

Six steps are one plan, seen whole: a row too narrow for them becomes two rows on the same slide
(three over three), then a column with each step's text beside its circle (a timeline of dated
milestones reads well down the slide), before anything continues on a next slide, the numbers
running on."""
from __future__ import annotations

import math

from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import Item, fit_pair, height, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content, add_page, continuing, paged
from deck.outline.model import StepsSlide
from deck.plan import Box, Para, Shape, TextBox


def lay(ctx: Context, slide: StepsSlide, path: tuple, notes: str) -> None:
    g, sp = ctx.geo, ctx.geo.space
    title_box = later = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    texts = [[Item(s.title, "step-title")] + ([Item(s.text, "secondary")] if s.text else [])
             for s in slide.steps]
    count = len(texts)
    over = sp.step_circle + sp.step_gap  # from a row's circles down to its texts

    def width(per_row: int) -> float:
        return (g.content_w - (per_row - 1) * g.gutter) / per_row

    def laid(bands: list[range], room: float, per_row: int) -> list[list[Para]] | None:
        """The texts of the bands (rows on one slide) in columns for `per_row` steps, shrunk together."""
        steps = range(bands[0].start, bands[-1].stop)

        def fits(heights: list[float]) -> bool:
            tallest = [max(heights[i - steps.start] for i in band) for band in bands]
            return sum(over + h for h in tallest) + sp.entry_gap * (len(bands) - 1) <= room + 0.01

        return fit_pair(ctx, texts[steps.start:steps.stop], width(per_row), fits)

    # A word wider than its column breaks with a hyphen: that is no reason to split the row.
    half = math.ceil(count / 2)
    pages: list[list[range]] | None = [[range(count)]]
    per_row = count
    if laid([range(count)], limit, count) is None:
        if count >= 4 and laid([range(half), range(half, count)], limit, half) is not None:
            pages, per_row = [[range(half), range(half, count)]], half
        elif count > 1 and (down := _column(ctx, texts, limit)) is not None:
            add_content(ctx, "steps", slide.headline, _draw_column(ctx, down, top, limit), notes, path,
                        slide.source, title_box)
            return
        else:
            later, top, limit = continuing(ctx, slide.headline, path, title_box)
            rows = paging.share(count, lambda rows: laid([rows], limit, len(rows)) is not None)
            pages = [[rows_] for rows_ in rows] if rows else None
            per_row = len(rows[0]) if rows else count
    if not paged(ctx, pages, path, slide.headline, "steps", "a step does not fit on a slide at the minimum size",
                 "shorten each step's text to about twelve words"):
        return
    assert pages is not None
    for n, bands in enumerate(pages):
        # later pages keep the first page's columns where their steps fit in them, so they line up
        w_steps = per_row if laid(bands, limit, per_row) is not None else len(bands[0])
        columns = laid(bands, limit, w_steps) or []
        add_page(ctx, "steps", slide.headline, n, _draw(ctx, bands, columns, width(w_steps), top, limit), notes,
                 path, slide.source, title_box, later)


def _draw(ctx: Context, bands: list[range], columns: list[list[Para]], w: float, top: float, limit: float) -> list:
    g, sp = ctx.geo, ctx.geo.space
    circle = sp.step_circle
    number_style = ctx.theme.style("step-number")
    first = bands[0].start
    tallest = [max((height(columns[i - first]) for i in band), default=0.0) for band in bands]
    block = sum(circle + sp.step_gap + h for h in tallest) + sp.entry_gap * (len(bands) - 1)
    y = top + max(0.0, (limit - block) / 3)
    items: list = []
    for band, h in zip(bands, tallest, strict=True):
        if len(band) > 1:
            first_c = g.left + circle / 2
            last_c = g.left + (len(band) - 1) * (w + g.gutter) + circle / 2
            items.append(Shape(Box(first_c, y + circle / 2 - sp.hairline / 2, last_c - first_c, sp.hairline), "rect",
                               fill="rule", name="Connector"))
        for i in band:
            x = g.left + (i - band.start) * (w + g.gutter)
            number = Para(text=str(i + 1), size=number_style.size, line=number_style.line,
                          color="on_accent", bold=True, align="c")
            items.append(Shape(Box(x, y, circle, circle), "oval", fill="accent", name=f"Step {i + 1}",
                               text=TextBox(Box(x, y, circle, circle), (number,), "m", f"Step {i + 1}")))
            items.append(text_box(columns[i - first], x, y + circle + sp.step_gap, w, f"Step {i + 1} text"))
        y += circle + sp.step_gap + h + sp.entry_gap
    return items


def _column_circle(ctx: Context) -> float:
    return ctx.geo.space.step_circle * 0.75


def _column(ctx: Context, texts: list[list[Item]], limit: float) -> list[list[Para]] | None:
    """The steps one under the other, each text beside its circle, shrunk together to fit."""
    g, sp = ctx.geo, ctx.geo.space
    circle = _column_circle(ctx)
    width = g.content_w - circle - g.gutter

    def fits(heights: list[float]) -> bool:
        return sum(max(circle, h) for h in heights) + sp.step_row_gap * (len(heights) - 1) <= limit + 0.01

    return fit_pair(ctx, texts, width, fits)


def _draw_column(ctx: Context, columns: list[list[Para]], top: float, limit: float) -> list:
    g, sp = ctx.geo, ctx.geo.space
    circle = _column_circle(ctx)
    style = ctx.theme.style("step-number")
    rows = [max(circle, height(paras)) for paras in columns]
    y = top + max(0.0, (limit - sum(rows) - sp.step_row_gap * (len(rows) - 1)) / 3)
    centres = []
    items: list = []
    for i, (paras, h) in enumerate(zip(columns, rows, strict=True)):
        size = style.floor
        number = Para(text=str(i + 1), size=size, line=size * style.leading, color="on_accent", bold=True, align="c")
        box = Box(g.left, y, circle, circle)
        items.append(Shape(box, "oval", fill="accent", name=f"Step {i + 1}",
                           text=TextBox(box, (number,), "m", f"Step {i + 1}")))
        items.append(text_box(paras, g.left + circle + g.gutter, y, g.content_w - circle - g.gutter,
                              f"Step {i + 1} text"))
        centres.append(y + circle / 2)
        y += h + sp.step_row_gap
    x = g.left + circle / 2 - sp.hairline / 2
    connector = Shape(Box(x, centres[0], sp.hairline, centres[-1] - centres[0]), "rect", fill="rule", name="Connector")
    return [connector] + items
