"""stats: big numbers with their labels; one stands alone, large and centred; several share the
row as equals, all at one size so the row reads as one figure family."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import Item, fit, fit_title, height, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content
from deck.outline.model import StatsSlide
from deck.plan import Box, Para, Shape

COLUMNS_FOR = {1: 6, 2: 5, 3: 4, 4: 3}  # grid columns a stat takes, by how many share the row


def lay(ctx: Context, slide: StatsSlide, path: tuple, notes: str) -> None:
    g, sp = ctx.geo, ctx.geo.space
    title_box = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    count = len(slide.stats)
    single = count == 1
    width = g.grid_w(8) if single else g.grid_w(COLUMNS_FOR[count])
    align = "c" if single else "l"
    columns = []
    for i, stat in enumerate(slide.stats):
        big = fit_title(ctx, stat.value, width, role="hero" if single else "big", max_lines=1, align=align)
        if big is None:
            ctx.fail(path + ("stats", i, "value"), "does not fit its column at the minimum size",
                     "write the number short, e.g. '$150k' or '1.850'")
            return
        rest = [Item(stat.label, "entry-title", (("align", align),))]
        rest += [Item(stat.context, "secondary", (("align", align),))] if stat.context else []
        paras = fit(ctx, rest, width, limit - big.line - sp.stat_gap)
        if paras is None:
            ctx.fail(path + ("stats", i), "label and context do not fit at the minimum size",
                     "keep the label to about six words and the context to one line")
            return
        columns.append((big, paras))
    size = min(big.size for big, _ in columns)
    block = max(size * 1.05 + sp.stat_gap + height(p) for _, p in columns)
    y = top + max(0.0, (limit - block) / 2 - sp.stat_gap)
    items: list = []
    gap = (g.content_w - count * width) / max(1, count - 1) if count > 1 else 0
    for i, (big, paras) in enumerate(columns):
        x = g.grid_x(2) if single else g.left + i * (width + gap)
        big = Para(**{**big.__dict__, "size": size, "line": size * 1.05})
        rule_x = x + (width - sp.rule_w) / 2 if single else x
        items.append(Shape(Box(rule_x, y, sp.rule_w, sp.rule_h), "rect", fill="accent", name="Rule"))
        items.append(text_box([big], x, y + sp.rule_gap, width, "Number"))
        items.append(text_box(paras, x, y + sp.rule_gap + big.line + sp.stat_gap, width, "Label"))
    add_content(ctx, "stats", slide.headline, items, notes, path, slide.source, title_box)
