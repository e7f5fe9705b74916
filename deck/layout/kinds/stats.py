"""stats: big numbers with their labels; one stands alone, large and centred; several share the
row as equals, all at one size so the row reads as one figure family.

A figure is set on one line, never broken inside: "€ 12,4 mln" that wrapped would put "mln"
under the number, onto its label. Its spaces are written as no-break spaces, so a renderer whose
font runs a little wider lets the figure run into the gutter rather than break it.

Where the figures do not fit their columns, the arrangement gives way in this order, each step
measured, never guessed from a character count:
  1. the row as written, the figures from their preferred size down to their floor;
  2. the same row below that floor, as far as a figure still reads as the figure: half as large
     again as its label (a row of four KPIs like "€ 12,4 mln" stays a row);
  3. fewer figures to a row, on two rows (four as two and two, three as two and one) and on,
     each row in wider columns, from the preferred size down to that same least size.
  4. what fits in none of these continues on a next slide, the figures shared out evenly.
A row whose labels would break a word inside ("Leistungsberechti|gte" in a column of four) gives
way to the next arrangement that keeps every word whole, when there is one.
All figures of the slide share one size in every arrangement. What fits in none is reported
for every figure and label of the slide at once, with the room the slide really has.
"""
from __future__ import annotations

import math
from dataclasses import replace
from typing import NamedTuple

from deck.layout import paging
from deck.layout.context import SMALL_ALLOWANCE, Context
from deck.layout.fitting import Item, breaks_a_word, fit_pair, height, sizes, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content, add_page, continuing, note_split
from deck.look.theme import Style
from deck.measure import fonts as measure
from deck.measure.text import SAFETY
from deck.outline.model import StatsSlide
from deck.plan import Box, Para, Shape

COLUMNS_FOR = {1: 6, 2: 5, 3: 4, 4: 3}  # grid columns a stat takes, by how many share the row
SINGLE_COLUMNS = 8  # a stat alone on its slide
# A figure still reads as the figure of its column, above its label, while it is at least this
# many times the label's preferred size (a type scale's step between two levels of a hierarchy).
FIGURE_OVER_LABEL = 1.5
NO_BREAK = "\u00a0"


class Arranged(NamedTuple):
    """One way to set a slide's figures: how many to a row, how wide, at what sizes."""

    per_row: int
    width: float  # of every column
    figure: Para  # the figure's size and pitch, shared by every figure of the slide
    labels: list[list[Para]]  # each stat's label and context
    chopped: bool  # a label's word is wider than its column and breaks inside


def lay(ctx: Context, slide: StatsSlide, path: tuple, notes: str) -> None:
    title_box = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    style = figure_style(ctx, len(slide.stats))
    found = best(ctx, slide, limit)
    if found is not None:
        add_content(ctx, "stats", slide.headline, draw(ctx, slide, found, top, limit), notes, path, slide.source,
                    title_box)
        return
    # What fits in no arrangement continues: four figures with long labels as two and two.
    later, top, room = continuing(ctx, slide.headline, path, title_box)

    def part(page: range) -> StatsSlide:
        return slide.model_copy(update={"stats": slide.stats[page.start:page.stop]})

    pages = paging.share(len(slide.stats), lambda page: best(ctx, part(page), room) is not None) \
        if len(slide.stats) > 1 else None
    if pages is None:
        explain(ctx, slide, path, style, limit)
        return
    note_split(ctx, path, slide.headline, len(pages))
    for n, page in enumerate(pages):
        shown = part(page)
        arranged = best(ctx, shown, room)
        assert arranged is not None
        add_page(ctx, "stats", slide.headline, n, draw(ctx, shown, arranged, top, room), notes, path, slide.source,
                 title_box, later)


def best(ctx: Context, slide: StatsSlide, limit: float) -> Arranged | None:
    """The first arrangement whose labels keep their words whole; else the first that fits at all."""
    style = figure_style(ctx, len(slide.stats))
    first = None
    for per_row in arrangements(len(slide.stats)):
        arranged = arrange(ctx, slide, per_row, style, limit)
        if arranged is not None and not arranged.chopped:
            return arranged
        first = first or arranged
    return first


def figure_style(ctx: Context, count: int) -> Style:
    """The figures' style, its floor lowered to the least size at which a figure still reads as one
    (lowered again, as every floor, by --allow-small)."""
    role = "hero" if count == 1 else "big"
    style = ctx.style(role)
    allowance = ctx.theme.style(role).floor - style.floor
    least = FIGURE_OVER_LABEL * ctx.theme.style("entry-title").size - allowance
    return style._replace(floor=min(style.floor, least))


def arrangements(count: int) -> list[int]:
    """How many figures a row may hold, the row as written first: on one row, then on two, and so on."""
    options: list[int] = []
    for rows in range(1, count + 1):
        per_row = math.ceil(count / rows)
        if per_row not in options:
            options.append(per_row)
    return options


def column_width(ctx: Context, count: int, per_row: int) -> float:
    """A row as written keeps its designed columns; rows of fewer share the whole width, so the
    figures of a grid stand in line under each other."""
    g = ctx.geo
    if count == 1:
        return g.grid_w(SINGLE_COLUMNS)
    return g.grid_w(COLUMNS_FOR[count] if per_row == count else g.columns // per_row)


def figure(ctx: Context, value: str, style: Style, size: float, width: float, align: str) -> Para:
    text = NO_BREAK.join(value.split(" "))
    lines = measure.line_count(text, ctx.theme.font, size, width, bold=style.bold)
    return Para(text=text, size=size, line=size * style.leading, color=style.color, bold=style.bold,
                align=align, lines=lines)


def arrange(ctx: Context, slide: StatsSlide, per_row: int, style: Style, limit: float) -> Arranged | None:
    """The figures `per_row` to a row at the largest size where every one fits on a line and every
    label under it, all rows on the slide; None when no size down to the floor does."""
    count = len(slide.stats)
    width = column_width(ctx, count, per_row)
    align = "c" if count == 1 else "l"
    groups = [label_items(stat, align) for stat in slide.stats]
    rows = [range(start, min(start + per_row, count)) for start in range(0, count, per_row)]
    # Figures fit on their line from some size down; labels fit under them from some size down
    # (a smaller figure leaves them more room). The answer is the larger sizes' meeting point:
    # the first size where the figures fit, or, when the labels do not fit there, the largest
    # size below it where they do, found by bisecting.
    steps = sizes(style)
    measured: dict[int, list[Para]] = {}

    def figures(i: int) -> list[Para]:
        if i not in measured:
            measured[i] = [figure(ctx, stat.value, style, steps[i], width, align) for stat in slide.stats]
        return measured[i]

    first = next((i for i in range(len(steps)) if all(f.lines == 1 for f in figures(i))), None)
    if first is None:
        return None

    def labelled(i: int) -> list[list[Para]] | None:
        over = figure_height(ctx, figures(i)[0])
        return fit_pair(ctx, groups, width,
                        lambda heights: stacked([over + max(heights[j] for j in row) for row in rows], ctx)
                        <= limit + 0.01)

    good, labels = first, labelled(first)
    if labels is None:
        good, labels = len(steps) - 1, labelled(len(steps) - 1)
        if labels is None:
            return None
        bad = first
        while good - bad > 1:
            middle = (good + bad) // 2
            found = labelled(middle)
            if found is None:
                bad = middle
            else:
                good, labels = middle, found
    chopped = any(breaks_a_word(ctx, p, width) for block in labels for p in block)
    return Arranged(per_row, width, figures(good)[0], labels, chopped)


def label_items(stat, align: str) -> list[Item]:
    items = [Item(stat.label, "entry-title", (("align", align),))]
    return items + ([Item(stat.context, "secondary", (("align", align),))] if stat.context else [])


def figure_height(ctx: Context, para: Para) -> float:
    """From a stat's rule down to where its label starts."""
    sp = ctx.geo.space
    return sp.rule_gap + para.line + sp.stat_gap


def stacked(rows: list[float], ctx: Context) -> float:
    return sum(rows) + ctx.geo.space.entry_gap * (len(rows) - 1)


def draw(ctx: Context, slide: StatsSlide, found: Arranged, top: float, limit: float) -> list:
    g, sp = ctx.geo, ctx.geo.space
    count, per_row, width = len(slide.stats), found.per_row, found.width
    single = count == 1
    over = figure_height(ctx, found.figure)
    rows = [range(start, min(start + per_row, count)) for start in range(0, count, per_row)]
    row_h = [over + max(height(found.labels[i]) for i in row) for row in rows]
    y = top + max(0.0, (limit - stacked(row_h, ctx)) / 2 - sp.stat_gap)
    gap = (g.content_w - per_row * width) / (per_row - 1) if per_row > 1 else 0.0
    items: list = []
    for row, h in zip(rows, row_h, strict=True):
        for column, i in enumerate(row):
            x = g.grid_x(2) if single else g.left + column * (width + gap)
            big = found.figure._replace(text=NO_BREAK.join(slide.stats[i].value.split(" ")))
            rule_x = x + (width - sp.rule_w) / 2 if single else x
            items.append(Shape(Box(rule_x, y, sp.rule_w, sp.rule_h), "rect", fill="accent", name="Rule"))
            items.append(text_box([big], x, y + sp.rule_gap, width, "Number"))
            items.append(text_box(found.labels[i], x, y + over, width, "Label"))
        y += h + sp.entry_gap
    return items


def explain(ctx: Context, slide: StatsSlide, path: tuple, style: Style, limit: float) -> None:
    """Every figure and label of the slide that keeps it from fitting, each with the room it has."""
    count = len(slide.stats)
    least = style.floor
    # the widest column the slide can give a figure: the arrangement with the fewest to a row
    # whose rows still stand on the slide at the least size, with labels at their floor
    standing = [p for p in arrangements(count) if _rows_stand(ctx, slide, p, style, limit)]
    per_row = min(standing) if standing else count
    room = column_width(ctx, count, per_row)
    blamed = False
    small_helps = _small_helps(ctx, slide, limit)
    small = f"; or build with --allow-small ({SMALL_ALLOWANCE:g} pt smaller)" if small_helps else ""
    for i, stat in enumerate(slide.stats):
        wide = measure.text_width(NO_BREAK.join(stat.value.split(" ")), ctx.theme.font, least, bold=style.bold)
        if wide * SAFETY <= room:
            continue
        blamed = True
        ctx.fail(path + ("stats", i, "value"),
                 f"is {wide:.0f} pt wide at the least size a figure reads at ({least:g} pt); "
                 f"a figure on this slide has {room:.0f} pt",
                 _value_hint(ctx, slide, stat.value, wide, room, style, limit, small_helps))
    if blamed:
        return
    width = column_width(ctx, count, count)
    under = limit - figure_height(ctx, figure(ctx, "0", style, least, width, "l"))
    for i, stat in enumerate(slide.stats):
        if fit_pair(ctx, [label_items(stat, "l")], width, under) is None:
            blamed = True
            ctx.fail(path + ("stats", i), "label and context do not fit under the figure at the minimum size",
                     "keep the label to about six words and the context to one line; put the rest in the notes"
                     + small)
    if not blamed:
        widest = max(slide.stats, key=lambda s: measure.text_width(s.value, ctx.theme.font, least, bold=style.bold))
        ctx.fail(path + ("stats",), f"the figures need more than one row here ('{widest.value}' is the widest), "
                 "and their labels leave no room for a second row",
                 f"shorten '{widest.value}' to fit {width:.0f} pt, shorten the labels, or share the stats over "
                 "two slides" + small)


def _rows_stand(ctx: Context, slide: StatsSlide, per_row: int, style: Style, limit: float) -> bool:
    count = len(slide.stats)
    width = column_width(ctx, count, per_row)
    over = figure_height(ctx, figure(ctx, "0", style, style.floor, width, "l"))
    rows = [range(start, min(start + per_row, count)) for start in range(0, count, per_row)]

    def fits(heights: list[float]) -> bool:
        return stacked([over + max(heights[i] for i in row) for row in rows], ctx) <= limit + 0.01

    return fit_pair(ctx, [label_items(stat, "l") for stat in slide.stats], width, fits) is not None


def _could_stand(ctx: Context, count: int, per_row: int, style: Style, limit: float) -> bool:
    """Whether rows of `per_row` stand on the slide at the least size with one-line labels."""
    label = ctx.style("entry-title")
    over = figure_height(ctx, figure(ctx, "0", style, style.floor, 1.0, "l")) + label.floor * label.leading
    return stacked([over] * math.ceil(count / per_row), ctx) <= limit + 0.01


def _value_hint(ctx: Context, slide: StatsSlide, value: str, wide: float, room: float, style: Style,
                limit: float, small_helps: bool) -> str:
    """The choices that would really make this figure fit."""
    chars = max(1, math.floor(len(value) * room / (wide * SAFETY)))
    choices = [f"write it in at most about {chars} characters, moving the unit or the words into the label "
               "('€ 1,2' over 'mln revenue')"]
    count = len(slide.stats)
    fewer = [n for n in range(count - 1, 0, -1) if wide * SAFETY <= column_width(ctx, n, n)
             and column_width(ctx, n, n) > room]
    if fewer:
        n = fewer[0]
        choices.append(f"put at most {n} stat{'s' if n > 1 else ''} on this slide "
                       f"(a figure then has {column_width(ctx, n, n):.0f} pt)")
    # rows that would stand with one-line labels, wide enough for this figure
    grid = [p for p in arrangements(count) if p < count and wide * SAFETY <= column_width(ctx, count, p)
            and _could_stand(ctx, count, p, style, limit)]
    if grid and column_width(ctx, count, grid[0]) > room:
        rows = math.ceil(count / grid[0])
        choices.append(f"shorten the labels and contexts so the stats stand on {rows} rows "
                       f"(a figure then has {column_width(ctx, count, grid[0]):.0f} pt)")
    if small_helps:
        choices.append(f"build with --allow-small (figures and labels {SMALL_ALLOWANCE:g} pt smaller)")
    return "; or ".join(choices)


def _small_helps(ctx: Context, slide: StatsSlide, limit: float) -> bool:
    """Whether --allow-small, not given, would let the slide fit."""
    if ctx.allow_small:
        return False
    small = replace(ctx, allow_small=True)
    style = figure_style(small, len(slide.stats))
    return any(arrange(small, slide, p, style, limit) is not None for p in arrangements(len(slide.stats)))
