"""steps: numbered circles joined by a line, a text under each; too many for one row continue on
the next slide, the numbers running on."""
from __future__ import annotations

from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import Item, fit_pair, height, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_page, continuing, paged
from deck.outline.model import StepsSlide
from deck.plan import Box, Para, Shape, TextBox


def lay(ctx: Context, slide: StepsSlide, path: tuple, notes: str) -> None:
    g, sp = ctx.geo, ctx.geo.space
    title_box = later = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    gap = g.gutter
    circle = sp.step_circle
    texts = [[Item(s.title, "step-title")] + ([Item(s.text, "secondary")] if s.text else [])
             for s in slide.steps]

    def width(count: int) -> float:
        return (g.content_w - (count - 1) * gap) / count

    def laid(rows: range, w: float | None = None):
        return fit_pair(ctx, texts[rows.start:rows.stop], w or width(len(rows)), limit - circle - sp.step_gap)

    # A word wider than its column breaks with a hyphen: that is no reason to split the row.
    pages: list[range] | None = [range(len(texts))]
    if laid(range(len(texts))) is None:
        later, top, limit = continuing(ctx, slide.headline, path, title_box)
        pages = paging.share(len(texts), lambda rows: laid(rows) is not None)
    if not paged(ctx, pages, path, slide.headline, "steps", "a step does not fit on a slide at the minimum size",
                 "shorten each step's text to about twelve words"):
        return
    assert pages is not None
    number_style = ctx.theme.style("step-number")
    first_w = width(len(pages[0]))
    for n, rows in enumerate(pages):
        # the later pages keep the first page's column width where their steps fit in it
        w = first_w if laid(rows, first_w) is not None else width(len(rows))
        columns = laid(rows, w) or []
        block = circle + sp.step_gap + max(height(c) for c in columns)
        y = top + max(0.0, (limit - block) / 3)
        items: list = []
        if len(rows) > 1:
            first_c = g.left + circle / 2
            last_c = g.left + (len(rows) - 1) * (w + gap) + circle / 2
            items.append(Shape(Box(first_c, y + circle / 2 - sp.hairline / 2, last_c - first_c, sp.hairline), "rect",
                               fill="rule", name="Connector"))
        for i, paras in zip(rows, columns, strict=False):
            x = g.left + (i - rows.start) * (w + gap)
            number = Para(text=str(i + 1), size=number_style.size, line=number_style.line,
                          color="on_accent", bold=True, align="c")
            items.append(Shape(Box(x, y, circle, circle), "oval", fill="accent", name=f"Step {i + 1}",
                               text=TextBox(Box(x, y, circle, circle), (number,), "m", f"Step {i + 1}")))
            items.append(text_box(paras, x, y + circle + sp.step_gap, w, f"Step {i + 1} text"))
        add_page(ctx, "steps", slide.headline, n, items, notes, path, slide.source, title_box, later)
