"""steps: numbered circles joined by a line, a text under each; too many for one row continue on
the next slide, the numbers running on."""
from __future__ import annotations

from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import Item, breaks_a_word, fit_pair, height, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_page, paged
from deck.outline.model import StepsSlide
from deck.plan import Box, Para, Shape, TextBox


def lay(ctx: Context, slide: StepsSlide, path: tuple, notes: str) -> None:
    g, sp = ctx.geo, ctx.geo.space
    title_box = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    gap = g.gutter
    circle = sp.step_circle
    room = limit - circle - sp.step_gap
    texts = [[Item(s.title, "step-title")] + ([Item(s.text, "secondary")] if s.text else [])
             for s in slide.steps]

    def width(count: int) -> float:
        return (g.content_w - (count - 1) * gap) / count

    def laid(rows: range):
        return fit_pair(ctx, texts[rows.start:rows.stop], width(len(rows)), room)

    def whole_words(rows: range) -> bool:
        blocks = laid(rows)
        return blocks is not None and not any(breaks_a_word(ctx, p, width(len(rows))) for b in blocks for p in b)

    # Fewer steps a slide rather than words broken inside a narrow column.
    pages = paging.chunks(len(texts), whole_words) or paging.chunks(len(texts), lambda rows: laid(rows) is not None)
    if not paged(ctx, pages, path, slide.headline, "steps", "a step does not fit on a slide at the minimum size",
                 "shorten each step's text to about twelve words"):
        return
    assert pages is not None
    number_style = ctx.theme.style("step-number")
    # Every page uses the first page's column width, so the steps line up from slide to slide.
    w = width(len(pages[0]))
    for n, rows in enumerate(pages):
        # A shorter page was judged in its own wider columns: where the common width is too
        # narrow for its steps, it keeps those.
        page_w = w
        columns = fit_pair(ctx, texts[rows.start:rows.stop], w, room)
        if columns is None:
            page_w = width(len(rows))
            columns = fit_pair(ctx, texts[rows.start:rows.stop], page_w, room) or []
        block = circle + sp.step_gap + max((height(c) for c in columns), default=0.0)
        y = top + max(0.0, (limit - block) / 3)
        items: list = []
        if len(rows) > 1:
            first_c = g.left + circle / 2
            last_c = g.left + (len(rows) - 1) * (page_w + gap) + circle / 2
            items.append(Shape(Box(first_c, y + circle / 2 - sp.hairline / 2, last_c - first_c, sp.hairline), "rect",
                               fill="rule", name="Connector"))
        for i, paras in zip(rows, columns, strict=False):
            x = g.left + (i - rows.start) * (page_w + gap)
            number = Para(text=str(i + 1), size=number_style.size, line=number_style.line,
                          color="on_accent", bold=True, align="c")
            items.append(Shape(Box(x, y, circle, circle), "oval", fill="accent", name=f"Step {i + 1}",
                               text=TextBox(Box(x, y, circle, circle), (number,), "m", f"Step {i + 1}")))
            items.append(text_box(paras, x, y + circle + sp.step_gap, page_w, f"Step {i + 1} text"))
        add_page(ctx, "steps", slide.headline, n, items, notes, path, slide.source, title_box)
