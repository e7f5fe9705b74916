"""The paging rule, as properties over any items: the fewest slides, parts that differ by at most
one item (or are balanced by height where the items are not alike), no part of a single item when
the whole has more than three, and nothing lost or repeated."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deck.layout import paging

HEIGHTS = st.lists(st.integers(min_value=1, max_value=12), min_size=0, max_size=40)
ROOM = st.integers(min_value=1, max_value=30)


def fewest_pages(heights: list[int], room: int) -> int:
    """The fewest pages any split needs: greedy filling is optimal for a count of pages."""
    pages, used = 1, 0
    for h in heights:
        if used + h > room:
            pages, used = pages + 1, 0
        used += h
    return pages


@settings(max_examples=300, deadline=None, derandomize=True)
@given(HEIGHTS, ROOM)
def test_pages_are_few_whole_and_fit(heights, room):
    pages = paging.by_height(heights, room)
    if any(h > room for h in heights):
        assert pages is None
        return
    assert pages is not None
    assert [i for page in pages for i in page] == list(range(len(heights)))  # nothing lost or repeated
    assert all(sum(heights[i] for i in page) <= room for page in pages)
    # one slide more than the fewest is only spent to avoid a part of a single item
    assert len(pages) == fewest_pages(heights, room) or len(pages) == fewest_pages(heights, room) + 1 \
        and len(heights) > 3


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(min_value=1, max_value=40), st.integers(min_value=2, max_value=12))
def test_alike_items_are_shared_evenly(count, per_page):
    pages = paging.share(count, lambda page: len(page) <= per_page)
    assert pages is not None
    sizes = [len(page) for page in pages]
    assert max(sizes) - min(sizes) <= 1
    assert len(pages) == -(-count // per_page)  # the fewest slides that hold them


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.integers(min_value=4, max_value=40), st.integers(min_value=3, max_value=12))
def test_no_lone_item_where_it_can_be_avoided(count, per_page):
    pages = paging.share(count, lambda page: len(page) <= per_page)
    assert pages is not None and all(len(page) > 1 for page in pages)


def test_the_shares_users_saw_are_even():
    # 12 bullets of five a slide were 5/5/2, 23 rows of nine 9/9/5, a recap of six 6+1
    assert [len(p) for p in paging.share(12, lambda p: len(p) <= 5)] == [4, 4, 4]
    assert [len(p) for p in paging.share(23, lambda p: len(p) <= 9)] == [8, 8, 7]
    assert [len(p) for p in paging.share(7, lambda p: len(p) <= 6)] == [4, 3]
    assert [len(p) for p in paging.share(8, lambda p: len(p) <= 5)] == [4, 4]


def test_unlike_heights_are_balanced_by_height():
    heights = [8, 1, 1, 1, 1, 1, 1, 1, 1]  # one tall bullet first, then short ones
    pages = paging.by_height(heights, 10)
    assert pages is not None and len(pages) == 2
    totals = [sum(heights[i] for i in page) for page in pages]
    assert max(totals) <= 9  # not 10 + 6 by count


def test_a_lone_item_stays_only_where_nothing_else_fits():
    assert [len(p) for p in paging.share(5, lambda p: len(p) <= 2)] == [2, 2, 1]


def test_an_item_too_tall_alone_gives_none():
    assert paging.by_height([2, 11, 1], 10) is None
    assert paging.share(3, lambda p: 1 not in p) is None


def test_two_sides_continue_together_without_a_bare_side():
    pages = paging.share_sides((6, 2), lambda left, right: len(left) + len(right) <= 5)
    assert pages == [(range(0, 3), range(0, 1)), (range(3, 6), range(1, 2))]
