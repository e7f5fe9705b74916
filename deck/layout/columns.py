"""A table's columns: how wide each is and which side its cells keep to, from the cells themselves.

Figures in a column are compared digit under digit, so a column of numbers keeps to the right,
its header too; text keeps to the left. A number and its unit ("18.2 TB", "€ 4,8", "38 %")
are one unit: the space inside is written as a no-break space, so no renderer puts "TB" under
"18.2".

Widths give way in the order a reader minds least:
  1. every column on one line, the room left over shared in proportion (the table spans the
     content width);
  2. else the text of the body wraps at its spaces: columns whose cells are short (figures,
     one-word labels) keep their width, the long ones share what is left in proportion to their
     length; a header wraps at its spaces too, never inside a word;
  3. else, with not even every word in its column, the fewest words of the body break inside;
     the headers' words and the figures never, while the others can give way;
  4. else every column in proportion to its longest word, which then breaks inside.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from deck.measure import fonts as measure
from deck.measure.text import SAFETY

# LibreOffice wraps a table cell's text up to half a point short of the cell's width less its
# margins (measured: "2,15 %" in a column exactly its width lost its "%" to a second line, with
# half a point more it did not). Every cell is measured that much narrower, and every column is
# that much wider, so a line counted as fitting fits.
SHORTFALL = 1.0


def wrap_width(width: float, inset: float) -> float:
    """The room a line of a cell `width` wide really has."""
    return width - 2 * inset - SHORTFALL


# Where a line may break: ordinary spaces, not the no-break ones that bind a figure to its unit.
_GAP = re.compile(r"[^\S\u00a0\u2007\u202f]+")
_NO_BREAK = "\u00a0"
_CURRENCY = r"(?:[€$£¥₹₽¢]|CHF|EUR|USD|GBP|kr)"
_FIGURE = r"[(]?[+\-−±~≈<>≤≥]?" + _CURRENCY + r"?\s?[+\-−]?\d[\d.,:'’\u00a0\u202f]*[)]?"
# A unit after a figure: a symbol or a short word ("%", "TB", "mln", "Mio.", "dagen", "km/h", "m²")
_UNIT = r"(?:[%‰×°′″]|[^\W\d_][^\W\d_.'/²³]{0,9}\.?(?:/[^\W\d_]{1,4})?[²³]?)"
_NUMBER = re.compile(rf"^{_FIGURE}(?:\s?{_UNIT}){{0,2}}(?:\s?{_CURRENCY})?"
                     rf"(?:\s?[/–\-−]\s?{_FIGURE}(?:\s?{_UNIT})?)?$")
# Inside text: a figure and the short unit after it, a currency sign and the figure after it
_UNIT_AFTER = re.compile(r"(?<=\d) (?=(?:[%‰×°]|(?:[A-Z][A-Za-z]{0,2}|k|m|mln|mrd|bn|ms|s|h|kg|g|km|cm|mm|min|pp|pts?"
                         r"|fte|x)\b))")
_FIGURE_AFTER = re.compile(r"(?<=[€$£¥₹₽¢]) (?=[+\-−]?\d)")
# Cells that say "no figure here" in a column of figures
_BLANKS = frozenset({"", "-", "–", "—", "n/a", "n.a.", "nvt", "n.v.t.", "k.a.", "k.A.", "?", "…", "s.o."})


def is_number(text: str) -> bool:
    """A figure, with its sign, currency and unit: "+1,2", "€ 4,8 mln", "18.2 TB", "312 / 486"."""
    return _NUMBER.match(text.strip()) is not None


def alignments(rows: list[list[str]]) -> list[str]:
    """Per column, "r" where every cell of the body that holds something is a figure, else "l"."""
    columns = list(zip(*rows[1:], strict=False)) or [() for _ in rows[0]]
    aligned = []
    for cells in columns:
        filled = [c.strip() for c in cells if c.strip().lower() not in _BLANKS]
        aligned.append("r" if filled and all(is_number(c) for c in filled) else "l")
    return aligned


def bound(text: str) -> str:
    """The cell's text with its figures bound to their units by no-break spaces."""
    if is_number(text):
        return _NO_BREAK.join(text.split(" "))
    return _FIGURE_AFTER.sub(_NO_BREAK, _UNIT_AFTER.sub(_NO_BREAK, text))


def column_widths(rows: list[list[str]], font: str, size: float, total: float, inset: float,
                  head_bold: bool = True) -> list[float]:
    """Widths summing to `total`, one per column; `rows` starts with the header, set bold."""
    pad = 2 * inset
    texts = [[bound(t) for t in row] for row in rows]
    head, body = texts[0], texts[1:]
    count = len(head)

    def natural(text: str, bold: bool) -> float:
        return max(measure.text_width(line, font, size, bold=bold) for line in text.split("\n"))

    def longest_word(text: str, bold: bool) -> float:
        return max((measure.text_width(w, font, size, bold=bold) for w in _GAP.split(text) if w), default=0.0)

    def widest(width_of: Callable[[str, bool], float], cells: list[str], bold: bool = False) -> float:
        return max((width_of(t, bold) for t in cells), default=0.0) * SAFETY + pad + SHORTFALL

    columns = [[row[c] for row in body] for c in range(count)]
    head_word = [widest(longest_word, [head[c]], head_bold) for c in range(count)]
    body_word = [widest(longest_word, columns[c]) for c in range(count)]
    body_line = [widest(natural, columns[c]) for c in range(count)]
    head_line = [widest(natural, [head[c]], head_bold) for c in range(count)]
    aligned = alignments(rows)
    # what must not break: the headers' words and the figures
    firm = [max(head_word[c], body_word[c] if aligned[c] == "r" else pad) for c in range(count)]
    words = [max(firm[c], body_word[c]) for c in range(count)]
    lines = [max(words[c], body_line[c]) for c in range(count)]
    whole = [max(lines[c], head_line[c]) for c in range(count)]
    if sum(whole) <= total:  # 1.
        return [w * total / sum(whole) for w in whole]
    if sum(lines) <= total:  # the body on one line, headers wrapping as little as they can
        return share(lines, whole, total)
    if sum(words) <= total:  # 2.
        widths = share(words, lines, total)
        return _headers_unwrapped(widths, words, head_line, texts, font, size, inset, head_bold)
    if sum(firm) <= total:  # 3.
        units = [[widest(natural, [u]) for t in column for u in _GAP.split(t) if u] for column in columns]
        return _fewest_broken(firm, words, units, total)
    return [w * total / sum(firm) for w in firm]  # 4.


def _headers_unwrapped(widths: list[float], words: list[float], head_line: list[float], texts: list[list[str]],
                       font: str, size: float, inset: float, head_bold: bool) -> list[float]:
    """A header that wraps gets the room for one line, the text columns giving it up, wherever
    that saves the table a line: "Size on disk" need not stand on two lines when the body's
    longest text wraps either way."""
    def lines(found: list[float]) -> int:
        return sum(max(measure.line_count(t, font, size, wrap_width(w, inset), bold=head_bold and r == 0)
                       for t, w in zip(row, found, strict=True)) for r, row in enumerate(texts))

    count = lines(widths)
    for c in sorted(range(len(widths)), key=lambda c: head_line[c] - widths[c]):
        need = head_line[c] - widths[c]
        if need <= 0:
            continue
        slack = [widths[d] - words[d] if d != c else 0.0 for d in range(len(widths))]
        if sum(slack) < need:
            continue
        tried = [w - need * slack[d] / sum(slack) if d != c else head_line[c] for d, w in enumerate(widths)]
        tried_count = lines(tried)
        if tried_count < count:
            widths, count = tried, tried_count
    return widths


def _fewest_broken(firm: list[float], words: list[float], units: list[list[float]], total: float) -> list[float]:
    """The widths that break the fewest words, each column at least `firm`; the room left over
    then shared as in step 2.

    A column's useful widths are its own words' widths; combining the columns one by one and
    keeping only the combinations no other beats in both width and words broken (few: each
    column adds at most its words) finds the best exactly."""
    best: list[tuple[float, int, tuple[float, ...]]] = [(0.0, 0, ())]
    for c, column in enumerate(units):
        options = sorted({firm[c], *(u for u in column if u > firm[c])})
        grown = [(w + t, b + sum(u > t + 0.01 for u in column), chosen + (t,))
                 for w, b, chosen in best for t in options if w + t <= total + 0.01]
        grown.sort(key=lambda found: (found[0], found[1]))
        best = []
        for found in grown:
            if not best or found[1] < best[-1][1]:
                best.append(found)
    _, _, chosen = min(best, key=lambda found: (found[1], found[0]))
    return share(list(chosen), [max(w, t) for w, t in zip(words, chosen, strict=True)], total)


def share(least: list[float], wish: list[float], total: float) -> list[float]:
    """Every column at least `least`, at most `wish`, the rest shared in proportion to the wishes:
    a column that wishes for little keeps its wish, long ones share alike. Sums to `total` when
    sum(least) <= total <= sum(wish)."""
    def widths(k: float) -> list[float]:
        return [min(w, max(m, k * w)) for m, w in zip(least, wish, strict=True)]

    low, high = 0.0, 1.0
    for _ in range(60):
        middle = (low + high) / 2
        if sum(widths(middle)) > total:
            high = middle
        else:
            low = middle
    found = widths(low)
    spare = total - sum(found)
    # the few hundredths bisection leaves go to the widest column, so the table keeps its width
    found[found.index(max(found))] += spare
    return found
