"""The agenda and the recap: a kicker, a title and a message per section, as a list of up to
three or a grid of two or three columns, continued on further slides when they do not fit."""
from __future__ import annotations

from collections.abc import Callable

from deck.errors import Message
from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import Item, fit_pair, height, make_para, one_line, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content, continued, continuing, later_headline
from deck.plan import Box, Shape, TextBox

Row = tuple[str, str, str | None]


def add_entries(ctx: Context, kind: str, title: str, rows: list[Row], notes: str, message_role: str,
                kicker: str = "", brief: bool = False) -> None:
    """The entries as a grid; `kicker` stands in the kicker row above the headline on every page,
    or, on a canvas without that row (most templates), on a line of its own above the grid.

    Entries too long for their column take fewer, wider columns rather than being refused. With
    `brief` (the agenda, whose messages the dividers show too) the messages are left out where
    that keeps the whole on one slide."""
    g = ctx.geo
    title_box = later = headline(ctx, title, (kind,))
    lead_para = None
    if kicker and g.kicker is None:
        lead_para = one_line(ctx, make_para(kicker, ctx.style("kicker"), g.content_w, ctx.theme.font), g.content_w)
    done: dict[tuple, list | None] = {}

    def area(under: TextBox) -> tuple[list, float, float]:
        """The lead line, if any, and the grid's top and height under a headline."""
        top, limit = body_area(ctx, under)
        if lead_para is None:
            return [], top, limit
        room = height([lead_para]) + g.space.rule_gap
        return [text_box([lead_para], g.left, top, g.content_w, "Lead")], top + room, limit - room

    def grid(shown: list[Row], columns: int, page: range, top: float, limit: float) -> list | None:
        key = (id(shown), columns, page, top)
        if key not in done:
            done[key] = _grid(ctx, shown[page.start:page.stop], columns, top, limit, message_role)
        return done[key]

    # Up to three sections read best as a list; more as a grid of two or three columns.
    columns = 1 if len(rows) <= 3 else 2 if len(rows) == 4 else 3
    bare: list[Row] = [(k, t, None) for k, t, _ in rows] if brief and any(t for _, t, _ in rows) else rows
    lead, top, limit = area(title_box)
    whole = range(len(rows))
    choice: tuple[list[Row], int, list[range] | None] = (rows, columns, [whole])
    if grid(rows, columns, whole, top, limit) is None:
        if bare is not rows and grid(bare, columns, whole, top, limit) is not None:
            choice = (bare, columns, [whole])
        else:
            later = continuing(ctx, title, (kind,), title_box)[0]
            lead, top, limit = area(later if later.box.bottom > title_box.box.bottom else title_box)
            variants = [rows] if bare is rows else [rows, bare]
            tries = [(shown, n) for shown in variants for n in range(columns, 0, -1)]
            for shown, n in tries:
                pages = paging.share(len(rows), _fits(grid, shown, n, top, limit))
                if pages is not None:
                    choice = (shown, n, pages)
                    break
            else:
                choice = (rows, columns, None)
    shown, columns, found = choice
    if found is None:
        ctx.fail((), f"the {kind} does not fit at the minimum size",
                 "shorten the sections' titles and messages")
        return
    if len(found) > 1:
        ctx.notices.append(Message.notice(ctx.source.file, f"the {kind} continues on {len(found)} slides",
                                          rule="fit-continued"))
    for n, page in enumerate(found):
        page_title = title if n == 0 else continued(ctx, title, n)
        add_content(ctx, kind, page_title, lead + (grid(shown, columns, page, top, limit) or []), notes, (), None,
                    title_box if n == 0 else later_headline(ctx, title, (kind,), later, n), kicker_text=kicker)


def _fits(grid: Callable[[list[Row], int, range, float, float], list | None], shown: list[Row], columns: int,
          top: float, limit: float) -> Callable[[range], bool]:
    return lambda page: grid(shown, columns, page, top, limit) is not None


def _grid(ctx: Context, rows: list, columns: int, top: float, limit: float, message_role: str) -> list | None:
    """Entries in reading order, row by row; every row as tall as its tallest entry."""
    g, sp = ctx.geo, ctx.geo.space
    width = (g.content_w - (columns - 1) * g.gutter * 2) / columns
    gap = sp.entry_gap
    # Every entry takes at least its rule and a kicker line: a page of more rows than that allows
    # (a whole agenda of a hundred sections) is known not to fit without measuring its texts.
    kicker = ctx.style("kicker")
    grid_rows = -(-len(rows) // columns)
    if grid_rows * (sp.rule_gap + kicker.floor * kicker.leading) + gap * (grid_rows - 1) > limit:
        return None
    items = [[Item(k, "kicker")] + ([Item(t, "entry-title")] if t else []) +
             ([Item(m, message_role)] if m else []) for k, t, m in rows]
    fitted = fit_pair(ctx, items, width, lambda hs: sum(_row_heights(ctx, hs, columns)) +
                      gap * (len(_row_heights(ctx, hs, columns)) - 1) <= limit)
    if fitted is None:
        return None
    row_h = _row_heights(ctx, [height(p) for p in fitted], columns)
    out: list = []
    for i, paras in enumerate(fitted):
        row, col = divmod(i, columns)
        x = g.left + col * (width + 2 * g.gutter)
        y = top + sum(row_h[:row]) + gap * row
        out.append(Shape(Box(x, y, sp.rule_w, sp.rule_h), "rect", fill="accent", name="Rule"))
        out.append(text_box(paras, x, y + sp.rule_gap, width, "Entry"))
    return out


def _row_heights(ctx: Context, heights: list[float], columns: int) -> list[float]:
    # each row has the rule above its entries
    return [max(heights[i:i + columns]) + ctx.geo.space.rule_gap for i in range(0, len(heights), columns)]
