"""compare: two columns side by side that shrink together; too many bullets continue, both
headings repeated."""
from __future__ import annotations

from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import Item, bulleted, fit_pair, height, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_page, continuing, paged
from deck.outline.model import CompareSlide
from deck.plan import Box, Para, Shape


def lay(ctx: Context, slide: CompareSlide, path: tuple, notes: str) -> None:
    g, sp = ctx.geo, ctx.geo.space
    title_box = later = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    width = g.grid_w(6) - g.gutter / 2
    colours = ("muted", "accent")
    sides_ = (slide.left, slide.right)

    def columns(parts: tuple[range, range], small: bool) -> list[list[Item]]:
        # a side with nothing left on a later page is left out rather than shown as a bare heading
        role, ink = ("secondary", (("color", "ink"),)) if small else ("sub", ())
        return [[Item(side.heading, "entry-title", (("color", colour),))] +
                [Item(b, role, bulleted(colour) + ink) for b in side.bullets[rows.start:rows.stop]]
                for side, colour, rows in zip(sides_, colours, parts, strict=True) if rows or not side.bullets]

    counts = (len(slide.left.bullets), len(slide.right.bullets))
    whole = (range(counts[0]), range(counts[1]))
    # A comparison is read whole: its bullets take the size of secondary text before it continues.
    first = fit_pair(ctx, columns(whole, False), width, limit - sp.heading_room)
    small = first is None and fit_pair(ctx, columns(whole, True), width, limit - sp.heading_room) is not None

    def laid(parts: tuple[range, range], room: float) -> list[list[Para]] | None:
        return fit_pair(ctx, columns(parts, small), width, room)

    pages: list[tuple[range, range]] | None = [whole]
    if first is None and not small:
        later, top, limit = continuing(ctx, slide.headline, path, title_box)
        pages = paging.share_sides(counts, lambda left, right: laid((left, right), limit - sp.heading_room) is not None)
    if not paged(ctx, pages, path, slide.headline, "left", "the two columns do not fit at the minimum size",
                 "keep each side to three short bullets; move the explanation to the notes"):
        return
    assert pages is not None
    for n, parts in enumerate(pages):
        shown = [i for i, rows in enumerate(parts) if rows or not sides_[i].bullets]
        items: list = []
        laid_out = first if first is not None else laid(parts, limit - sp.heading_room)
        for i, paras in zip(shown, laid_out or [], strict=True):
            x = g.left + i * (width + 2 * g.gutter)
            heading, rest = paras[0], paras[1:]
            items.append(text_box([heading], x, top, width, "Heading"))
            rule_y = top + height([heading]) + sp.heading_gap
            items.append(Shape(Box(x, rule_y, width, sp.hairline), "rect", fill=("rule" if i == 0 else "accent"),
                               name="Rule"))
            if rest:
                items.append(text_box(list(rest), x, rule_y + sp.rule_gap, width, "Column"))
        add_page(ctx, "compare", slide.headline, n, items, notes, path, slide.source, title_box, later)
