"""statement: one assertion, large, beside an accent bar, in the middle of the body."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import Item, fit, height, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content
from deck.outline.model import StatementSlide
from deck.plan import Box, Shape


def lay(ctx: Context, slide: StatementSlide, path: tuple, notes: str) -> None:
    g, sp = ctx.geo, ctx.geo.space
    title_box = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    width = g.grid_w(10)
    paras = fit(ctx, [Item(slide.text, "statement")], width, limit)
    if paras is None:
        ctx.fail(path + ("text",), "does not fit on the slide at the minimum size",
                 "a statement is one short assertion: shorten it, or use a bullets slide")
        return
    h = height(paras)
    y = top + (limit - h) / 2
    bar = Shape(Box(g.left, y, sp.bar, h), "rect", fill="accent", name="Accent bar")
    text = text_box(paras, g.left + sp.statement_indent, y, width, "Statement")
    add_content(ctx, "statement", slide.headline, [bar, text], notes, path, slide.source, title_box)
