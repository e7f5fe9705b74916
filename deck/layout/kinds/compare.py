"""compare: two columns side by side that shrink together; too many bullets continue, both
headings repeated. On a template's two-content layout each column is laid out in its own
placeholder's box, its heading the first paragraph of its text, so render puts it there."""
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
    top, limit = _room(ctx, *body_area(ctx, title_box))
    width = g.grid_w(6) - g.gutter / 2
    places = g.two
    xs = (places[0].x, places[1].x) if places else (g.left, g.left + width + 2 * g.gutter)
    ws = (places[0].w, places[1].w) if places else (width, width)
    # In a placeholder the rule stands in the space after the heading, and the bullets follow it
    # in the same text: that space is what the rule takes.
    room = sp.heading_gap + sp.rule_gap if places else sp.heading_room
    colours = ("muted", "accent")
    sides_ = (slide.left, slide.right)

    def shown(parts: tuple[range, range]) -> list[int]:
        # a side with nothing left on a later page is left out rather than shown as a bare heading
        return [i for i, rows in enumerate(parts) if rows or not sides_[i].bullets]

    def columns(parts: tuple[range, range], small: bool) -> list[list[Item]]:
        role, ink = ("secondary", (("color", "ink"),)) if small else ("sub", ())
        return [[Item(sides_[i].heading, "entry-title", (("color", colours[i]),))] +
                [Item(b, role, bulleted(colours[i]) + ink) for b in sides_[i].bullets[parts[i].start:parts[i].stop]]
                for i in shown(parts)]

    def widths(parts: tuple[range, range]) -> list[float]:
        return [ws[i] for i in shown(parts)]

    counts = (len(slide.left.bullets), len(slide.right.bullets))
    whole = (range(counts[0]), range(counts[1]))
    # A comparison is read whole: its bullets take the size of secondary text before it continues.
    first = fit_pair(ctx, columns(whole, False), widths(whole), limit - room)
    small = first is None and fit_pair(ctx, columns(whole, True), widths(whole), limit - room) is not None

    def laid(parts: tuple[range, range], space: float) -> list[list[Para]] | None:
        return fit_pair(ctx, columns(parts, small), widths(parts), space)

    pages: list[tuple[range, range]] | None = [whole]
    if first is None and not small:
        later, top, limit = continuing(ctx, slide.headline, path, title_box)
        top, limit = _room(ctx, top, limit)
        pages = paging.share_sides(counts, lambda left, right: laid((left, right), limit - room) is not None)
    if not paged(ctx, pages, path, slide.headline, "left", "the two columns do not fit at the minimum size",
                 "keep each side to three short bullets; move the explanation to the notes"):
        return
    assert pages is not None
    for n, parts in enumerate(pages):
        items: list = []
        laid_out = first if first is not None else laid(parts, limit - room)
        for i, paras in zip(shown(parts), laid_out or [], strict=True):
            x, w = xs[i], ws[i]
            heading, rest = paras[0], paras[1:]
            rule_y = top + height([heading]) + sp.heading_gap
            rule = Shape(Box(x, rule_y, w, sp.hairline), "rect", fill=("rule" if i == 0 else "accent"), name="Rule")
            if places:
                # one text per placeholder, so each column shows in PowerPoint's outline view
                after = rule_y + sp.rule_gap - top - height([heading])
                items += [text_box([heading._replace(after=after), *rest], x, top, w, "Body"), rule]
                continue
            items += [text_box([heading], x, top, w, "Heading"), rule]
            if rest:
                items.append(text_box(list(rest), x, rule_y + sp.rule_gap, w, "Column"))
        add_page(ctx, "compare", slide.headline, n, items, notes, path, slide.source, title_box, later)


def _room(ctx: Context, top: float, limit: float) -> tuple[float, float]:
    """The columns' top and height: under the headline, and on a template's two-content layout
    within both its placeholders."""
    places = ctx.geo.two
    if places is None:
        return top, limit
    start = max(top, places[0].y, places[1].y)
    return start, min(top + limit, places[0].bottom, places[1].bottom) - start
