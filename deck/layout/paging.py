"""Paging: how content that does not fit on one slide is shared over several.

Four routines, one for each shape of content that continues:
  - `groups`: bullets, each with its sub-bullets, filled greedily and then shared out evenly;
  - `chunks`: compare rows, steps and question prompts, the fewest pages of equal share;
  - `entry_pages`: agenda and recap entries, pages of one size found by bisection;
  - `rows_under_header`: table rows under a repeated header.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from deck.layout.context import Context
from deck.layout.fitting import Item, fit
from deck.plan import Para


def groups(ctx: Context, groups: list[tuple[int, list[Item]]], width: float, limit: float,
           path: tuple) -> list[list[Para]]:
    """The groups (a bullet and its subs stay whole) as pages of paragraphs; a group that does
    not fit even alone is a problem at its path."""
    whole = fit(ctx, [item for _, g in groups for item in g], width, limit)
    if whole is not None:
        return [whole]
    whole_groups = []
    for index, group in groups:
        if fit(ctx, group, width, limit) is None:
            ctx.fail(path + (index,), "does not fit on a slide even alone at the minimum size",
                     "shorten this item; put the detail in the notes")
        else:
            whole_groups.append(group)
    pages: list[list[Item]] = []
    current: list[Item] = []
    for group in whole_groups:
        candidate = current + group
        if current and fit(ctx, candidate, width, limit) is None:
            pages.append(current)
            candidate = group
        current = candidate
    if current:
        pages.append(current)
    # Greedy filling can leave one lonely item on the last slide: share the items out evenly
    # over the same number of slides when that fits too.
    share, extra = divmod(len(whole_groups), max(1, len(pages)))
    bounds, start = [], 0
    for n in range(len(pages)):
        end = start + share + (1 if n < extra else 0)
        bounds.append((start, end))
        start = end
    even = [[item for group in whole_groups[a:b] for item in group] for a, b in bounds]
    if all(page and fit(ctx, page, width, limit) is not None for page in even):
        pages = even
    # Every page is set at the largest step it fits; all lie between floor and preferred size.
    return [fit(ctx, page, width, limit) or [] for page in pages]


def chunks(count: int, fits: Callable[[range], bool]) -> list[range] | None:
    """The fewest pages, shared out evenly, on which every run of items `fits`; None if one item alone does not."""
    for n in range(count, 0, -1):
        pages = [range(i, min(i + n, count)) for i in range(0, count, n)]
        if all(fits(page) for page in pages):
            share, extra = divmod(count, len(pages))
            even, start = [], 0
            for k in range(len(pages)):  # 7 items on 2 pages: 4 and 3, not 6 and 1
                even.append(range(start, start + share + (1 if k < extra else 0)))
                start = even[-1].stop
            return even if all(fits(page) for page in even) else pages
    return None


def entry_pages(rows: list, lay: Callable[[list], Any]) -> list | None:
    """The rows in pages of one size, as many per page as every page can hold: each page as
    `lay(rows)` gives it, or None when not even one row fits.

    A longer first page never fits where a shorter one does not (one more entry only adds
    height), so the largest first page is found by galloping and bisecting; the sizes from there
    down are tried page by page, each attempt stopping at the first page that does not fit. The
    pages are those of trying every size from all rows down, at a few layouts per page."""
    done: dict[tuple[int, int], Any] = {}

    def page(start: int, stop: int) -> Any:
        if (start, stop) not in done:
            done[start, stop] = lay(rows[start:stop])
        return done[start, stop]

    n = len(rows)
    if n and page(0, n) is not None:
        return [done[0, n]]
    fits, fails = 0, n  # the first page holds `fits` rows and not `fails`
    size = 1
    while size < fails and page(0, size) is not None:
        fits, size = size, size * 2
    fails = min(fails, size)
    while fails - fits > 1:
        middle = (fits + fails) // 2
        if page(0, middle) is not None:
            fits = middle
        else:
            fails = middle
    for per_page in range(fits, 0, -1):
        laid = []
        for start in range(0, n, per_page):
            laid.append(page(start, min(start + per_page, n)))
            if laid[-1] is None:
                break
        else:
            return laid
    return None


def rows_under_header(head: tuple[Any, float], rows: list[tuple[Any, float]], limit: float) -> list[list] | None:
    """Table rows (each with its height) onto pages under a repeated header; None when one row
    alone is too tall."""
    pages, current, used = [], [head], head[1]
    for row in rows:
        if head[1] + row[1] > limit:
            return None
        if used + row[1] > limit:
            pages.append(current)
            current, used = [head], head[1]
        current.append(row)
        used += row[1]
    pages.append(current)
    return pages
