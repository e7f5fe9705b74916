"""Paging: how content that does not fit on one slide is shared over several.

One rule for every kind that continues (bullets, compare, steps, table rows, agenda and recap
entries, question prompts): the fewest slides on which every part fits, and among those the most
even share.

  - Parts differ by at most one item where the items are alike in height; where they are not
    (one bullet of four lines among bullets of one), the parts are balanced by height instead.
  - No part holds a single item when the whole holds more than three ("6 + 1" reads as a
    mistake), unless even two items do not fit together.

`share` pages one sequence of items, `by_height` one of known heights; `share_sides` pages two
that go together (the two columns of a compare slide), each side shared out over the same slides.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

Fits = Callable[[range], bool]

# Items count as alike in height while the tallest is at most this much taller than the lowest.
ALIKE = 1.5


def share(count: int, fits: Fits, heights: Sequence[float] | None = None) -> list[range] | None:
    """Items 0..count-1 as consecutive pages on each of which `fits(page)`; None when some item
    does not fit even alone. `heights` (one per item) balances pages by height where the items
    differ; `fits` must hold for every part of a range it holds for."""
    whole = range(count)
    if count == 0 or fits(whole):
        return [whole]
    filled = _filled(count, fits)
    if filled is None:
        return None
    alike = heights is None or max(heights) <= ALIKE * max(min(heights), 1e-9)
    lengths = [len(page) for page in filled]
    if alike and max(lengths) - min(lengths) <= 1 and not _has_lone_item(filled, count):
        return filled  # already as even as it can be
    fallback = None
    for pages in range(len(filled), count + 1):
        even = _even(count, pages)
        candidates = [even] if heights is None else [even, _balanced(heights, pages)]
        if not alike:
            candidates.reverse()
        if pages == len(filled):
            candidates.append(filled)  # when nothing more even fits, at least the fewest slides
        fitting = [c for c in candidates if all(fits(part) for part in c)]
        lonely = [c for c in fitting if _has_lone_item(c, count)]
        if len(fitting) > len(lonely):
            return next(c for c in fitting if c not in lonely)
        fallback = fallback or (fitting[0] if fitting else None)
        if fallback is not None and _has_lone_item(even, count):
            return fallback  # more slides only make the parts smaller
    return fallback


def by_height(heights: Sequence[float], room: float) -> list[range] | None:
    """Items of known heights (table rows) stacked on pages of `room` points."""
    return share(len(heights), lambda page: sum(heights[i] for i in page) <= room + 0.01, heights)


def share_sides(counts: tuple[int, int], fits: Callable[[range, range], bool]) -> list[tuple[range, range]] | None:
    """Two sequences shared out over the same slides, each side evenly: page n shows part n of
    both. A side with fewer items than slides leaves its later parts empty."""
    longest = max(counts)
    if longest == 0:
        return [(range(0), range(0))]
    for pages in range(1, longest + 1):
        parts = list(zip(_even(counts[0], pages), _even(counts[1], pages), strict=True))
        if all(fits(left, right) for left, right in parts):
            return parts
    return None


def _filled(count: int, fits: Fits) -> list[range] | None:
    """The pages of filling each as full as it goes (no split takes fewer pages), or None when an
    item does not fit alone. Each page's end is searched from the last page's length (pages of
    alike items are alike), galloping and then bisecting: a longer page never fits where a
    shorter one does not."""
    pages: list[range] = []
    start, guess = 0, 1
    while start < count:
        size = min(guess, count - start)
        if fits(range(start, start + size)):
            good = start + size
            if good < count and not fits(range(start, good + 1)):
                bad = good + 1  # the common case: as long as the page before
            else:
                good = min(count, good + 1)
                while good < count and fits(range(start, min(count, start + 2 * (good - start)))):
                    good = min(count, start + 2 * (good - start))
                bad = min(count, start + 2 * (good - start)) if good < count else count + 1
        else:
            good, bad = start, start + size
        while bad - good > 1:
            middle = (good + bad) // 2
            if fits(range(start, middle)):
                good = middle
            else:
                bad = middle
        if good == start:
            return None
        pages.append(range(start, good))
        start, guess = good, good - start
    return pages


def _even(count: int, pages: int) -> list[range]:
    """count items over `pages` parts that differ by at most one, the longer parts first."""
    share_, extra = divmod(count, pages)
    parts, start = [], 0
    for n in range(pages):
        stop = start + share_ + (1 if n < extra else 0)
        parts.append(range(start, stop))
        start = stop
    return parts


def _balanced(heights: Sequence[float], pages: int) -> list[range]:
    """The parts as even in height as they can be (least sum of squared heights, which also keeps
    the tallest low), none of a single item where there are enough items: a table of best splits,
    small since a slide's items are few."""
    n = len(heights)
    pages = min(pages, n)
    least = 2 if n > 3 and n >= 2 * pages else 1
    prefix = [0.0]
    for h in heights:
        prefix.append(prefix[-1] + h)
    inf = float("inf")
    # best[k][i]: the least cost when the first i items make k parts
    best = [[inf] * (n + 1) for _ in range(pages + 1)]
    cut = [[0] * (n + 1) for _ in range(pages + 1)]
    best[0][0] = 0.0
    for k in range(1, pages + 1):
        for i in range(k * least, n + 1):
            for j in range((k - 1) * least, i - least + 1):
                cost = best[k - 1][j] + (prefix[i] - prefix[j]) ** 2
                if cost < best[k][i] - 1e-9:
                    best[k][i], cut[k][i] = cost, j
    bounds, i = [], n
    for k in range(pages, 0, -1):
        j = cut[k][i]
        bounds.append(range(j, i))
        i = j
    return bounds[::-1]


def _has_lone_item(parts: list[range], count: int) -> bool:
    return count > 3 and any(len(part) == 1 for part in parts)
