"""Fitting text: measure paragraphs, and find the largest size at which a block fits.

Every kind of text follows one policy: set it at its style's preferred size, then shrink in
2 pt steps, every style of a block together, down to each style's floor.
"""
from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from deck.layout.context import STEP_STEP, Context
from deck.look.theme import Style
from deck.measure import fonts as measure
from deck.plan import BULLET_HANG, Box, Para, TextBox

# The spaces between words that one_line may cut at; not the no-break ones, which bind a word to
# the next ("Source\u00a0:", "1\u202f850") and must survive the cut.
_WORD_GAP = re.compile(r"[^\S\u00a0\u2007\u202f]+")
# Punctuation that would hang before an ellipsis.
_TRAILING = ",;:·–—-/&"


class Item(NamedTuple):
    """A paragraph to fit: text, its style's role, and options for Para."""

    text: str
    role: str
    options: tuple = ()


def sizes(style: Style) -> list[float]:
    """Preferred size down to the floor, in steps."""
    count = max(0, math.ceil((style.size - style.floor) / STEP_STEP))
    return [max(style.floor, style.size - i * STEP_STEP) for i in range(count + 1)]


def make_para(text: str, style: Style, width: float, font: str, **extra) -> Para:
    indent = extra.get("indent", 0.0)
    bold = extra.pop("bold", style.bold)
    lines = measure.line_count(text, font, style.size, width - indent, bold=bold)
    return Para(text=text, size=style.size, line=style.line, color=extra.pop("color", style.color),
                bold=bold, after=style.after * style.size, lines=lines, **extra)


def height(paras: list[Para] | tuple[Para, ...]) -> float:
    if not paras:
        return 0.0
    return sum(p.lines * p.line + p.after for p in paras) - paras[-1].after


def text_box(paras: list[Para], x: float, y: float, w: float, name: str, anchor: str = "t",
             h: float | None = None) -> TextBox:
    return TextBox(Box(x, y, w, h if h is not None else height(paras)), tuple(paras), anchor, name)


def bulleted(colour: str, level: int = 0) -> tuple:
    """Para options for a bullet (level 0) or a sub-bullet under it (level 1)."""
    mark = "•" if level == 0 else "–"
    return (("bullet", mark), ("bullet_color", colour), ("hang", BULLET_HANG),
            ("indent", BULLET_HANG * (level + 1)))


def fit(ctx: Context, items: list[Item], width: float, limit: float) -> list[Para] | None:
    """The paragraphs at the largest step where they fit in `limit` points, or None."""
    blocks = fit_pair(ctx, [items], width, limit)
    return blocks[0] if blocks else None


def fit_pair(ctx: Context, groups: list[list[Item]], width: float | Sequence[float],
             fits: float | Callable[[list[float]], bool]) -> list[list[Para]] | None:
    """Blocks side by side, shrunk together: the largest common step where `fits(heights)`.
    `width` is every block's, or each block's own (a template's columns may differ).

    `fits` is a limit in points for every block, or a test on the list of block heights. A step
    where some word is wider than its column (and would be broken inside) counts only when no
    smaller step avoids that: a smaller size reads better than "innovatiepro-|jecten"."""
    if not callable(fits):
        limit = fits
        fits = lambda heights: max(heights) <= limit + 0.01  # noqa: E731
    styles = {item.role: ctx.style(item.role) for g in groups for item in g}
    steps = max(len(sizes(s)) for s in styles.values())
    widths = list(width) if isinstance(width, Sequence) else [width] * len(groups)
    chopped = None
    for step in range(steps):
        blocks = [[_at_step(ctx, item, styles[item.role], step, w) for item in group]
                  for group, w in zip(groups, widths, strict=True)]
        if fits([height(b) for b in blocks]):
            if not any(breaks_a_word(ctx, p, w) for b, w in zip(blocks, widths, strict=True) for p in b):
                return blocks
            chopped = chopped or blocks
    return chopped


def fit_title(ctx: Context, text: str, width: float, role: str = "title", max_lines: int = 2,
              align: str = "l", font: str | None = None, limit: float | None = None) -> Para | None:
    """One paragraph at the largest size where it takes at most `max_lines` lines (and, with a
    `limit`, at most that height). Text for a title placeholder passes the theme's title font."""
    style = ctx.style(role)
    for size in sizes(style):
        para = make_para(text, style.at(size), width, font or ctx.theme.font, align=align)
        if para.lines <= max_lines and (limit is None or height([para]) <= limit + 0.01):
            return para
    return None


def shrink_stack(ctx: Context, stack: list[tuple[Para, str]], width: float, room: float, gap: float,
                 max_lines: int = 3, font: str | None = None) -> list[Para]:
    """Paragraphs stacked with `gap` between them, each a step smaller together (within its
    role's floor and `max_lines` lines) until the stack fits in `room` points. A paragraph that
    cannot shrink further stays as it is; at their floors they stay, however tall."""
    paras = [para for para, _ in stack]
    steps = 0
    while stack_height(paras, gap) > room + 0.01:
        steps += 1
        smaller = []
        for first, role in stack:
            style = ctx.style(role)
            size = first.size - steps * STEP_STEP
            candidate = make_para(first.text, style.at(size), width, font or ctx.theme.font, align=first.align) \
                if size >= style.floor else None
            smaller.append(candidate if candidate is not None and candidate.lines <= max_lines else None)
        if not any(smaller):
            break
        paras = [new or old for new, old in zip(smaller, paras, strict=True)]
    return paras


def stack_height(paras: list[Para], gap: float) -> float:
    return sum(height([p]) for p in paras) + gap * max(0, len(paras) - 1)


def one_line(ctx: Context, para: Para, width: float, font: str | None = None) -> Para:
    """The paragraph cut at a word, with an ellipsis, until it takes one line. Only for words
    deck makes up from text that stands in full elsewhere (a kicker, a progress label): the
    outline's own texts wrap or are refused, never cut."""
    return shortened(ctx, para, width, 1, font)


def shortened(ctx: Context, para: Para, width: float, max_lines: int, font: str | None = None) -> Para:
    """The paragraph cut at a word, with an ellipsis, until it takes at most `max_lines` lines."""
    words = [word for word in _WORD_GAP.split(para.text) if word]
    font = font or ctx.theme.font
    lines = measure.line_count(" ".join(words), font, para.size, width, bold=para.bold)
    while words and lines > max_lines:
        words = words[:-1]
        # "Costs, risks…" rather than "Costs, risks,…" or "Costs – …"
        while words and not words[-1].rstrip(_TRAILING):
            words.pop()
        if words:
            words[-1] = words[-1].rstrip(_TRAILING) + "…"
        lines = measure.line_count(" ".join(words), font, para.size, width, bold=para.bold)
    return para._replace(text=" ".join(words), lines=max(1, min(lines, max_lines)))


def breaks_a_word(ctx: Context, para: Para, width: float) -> bool:
    """Whether a word of the paragraph is wider than its line, so that it must be broken inside
    (with a hyphen deck adds). A break at a hyphen, a dash or a soft hyphen the author wrote does
    not count: those are the word's own places to break."""
    return measure.cuts_a_word(para.text, ctx.theme.font, para.size, width - para.indent, bold=para.bold)


def _at_step(ctx: Context, item: Item, style: Style, step: int, width: float) -> Para:
    size = max(style.floor, style.size - step * STEP_STEP)
    options = dict(item.options)
    return make_para(item.text, style.at(size), width, ctx.theme.font, **options)
