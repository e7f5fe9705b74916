"""Section dividers: the section's number, title and message on a cover, and a progress bar
that shows where the argument stands. A template's section layout places the texts
(deck.layout.template_covers); the progress bar and notes are the same either way."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import breaks_a_word, fit_title, shortened, shrink_stack, stack_height, text_box
from deck.layout.furniture import minutes
from deck.layout.slides import cover_background
from deck.measure import fonts as measure
from deck.outline.model import Section
from deck.plan import Box, Para, Shape, SlidePlan, TextBox

# One segment per section up to this many; beyond, a track with a mark.
PROGRESS_SEGMENTS = 12


def divider(ctx: Context, index: int, section: Section, number: int) -> None:
    """The divider of the section at `index` in the outline, shown as section `number`."""
    if ctx.geo.covers is not None:
        from deck.layout import template_covers  # a template's dividers; deck's own themes never need it

        placed = template_covers.divider(ctx, index, section, number)
        if placed is not None:
            _add(ctx, index, section, number, *placed)
        return
    g, sp = ctx.geo, ctx.geo.space
    width = g.grid_w(10)
    number_style = ctx.theme.style("divider-number")
    number_para = Para(text=f"{number:02d}", size=number_style.size, line=number_style.line,
                       color=number_style.color, bold=True)
    title = divider_title(ctx, section.title, width)
    message = None
    if section.message:
        message = fit_title(ctx, section.message, width, role="divider-message", max_lines=3)
    if title is None or (section.message and message is None):
        # a long title or message takes the full width of the slide
        width = g.content_w
        title = divider_title(ctx, section.title, width)
        message = fit_title(ctx, section.message, width, role="divider-message", max_lines=3) \
            if section.message else None
    if title is None:
        ctx.fail(("sections", index, "title"), "does not fit on the section divider in three lines at the minimum size",
                 "shorten the section title to about fifteen words; say the rest in its `message:`")
        return
    if section.message:
        if message is None:
            ctx.fail(("sections", index, "message"), "does not fit on the divider at the minimum size",
                     "the message is one sentence of about fifteen words")
    # The texts end above the progress bar: a long title and message shrink together, and only
    # at their floors does the number move up towards the top margin.
    bottom = g.bottom - (sp.progress_y + sp.progress_label_gap)
    head = number_para.line + sp.divider_title_gap
    stack = [(title, "divider-title")] + ([(message, "divider-message")] if message else [])
    texts = shrink_stack(ctx, stack, width, bottom - sp.divider_number_y - head, sp.cover_text_gap)
    y = max(g.top, min(sp.divider_number_y, bottom - head - stack_height(texts, sp.cover_text_gap)))
    items: list = [text_box([number_para], g.left, y, width, "Number")]
    title_box = text_box([texts[0]], g.left, y + head, width, "Title")
    if message:
        items.append(text_box([texts[1]], g.left, title_box.box.bottom + sp.cover_text_gap, width, "Message"))
    _add(ctx, index, section, number, title_box, items)


def divider_title(ctx: Context, text: str, width: float) -> Para | None:
    """A section's title on its divider: two lines at the largest size they take, or, for a
    title longer than two lines hold at the floor, three."""
    return (fit_title(ctx, text, width, role="divider-title", max_lines=2)
            or fit_title(ctx, text, width, role="divider-title", max_lines=3))


def _add(ctx: Context, index: int, section: Section, number: int, title_box: TextBox, items: list) -> None:
    """The divider with its progress bar and notes, whichever look placed its texts."""
    chapters = [s for s in ctx.outline.sections if not s.is_break]
    progress = _progress(ctx, number - 1, chapters)
    texts = [title_box.box] + [item.box for item in items if isinstance(item, TextBox)]
    # Where a template's section layout puts its message low (in a band along the foot), the
    # texts keep their place and the progress bar, a guide only, is left out.
    if not any(min(a.box.overlap(b)) > 1 for a in progress for b in texts):  # by more than a point
        items = items + progress
    time = f"{ctx.labels['time']}{ctx.labels['colon']} {minutes(section.minutes)} {ctx.labels['minutes']}" \
        if section.minutes else ""
    notes = "\n\n".join(x for x in (section.title, section.message, time) if x)
    ctx.slides.append(SlidePlan(kind="divider", layout="content", title=title_box, items=tuple(items),
                                background=cover_background(ctx), notes=notes, footer=False,
                                path=("sections", index)))


def _progress(ctx: Context, index: int, chapters: list[Section]) -> list:
    """Where we are in the argument: one segment per section (breaks are not part of it), the
    current one bright; with more sections than fit as segments, one track with the current
    position marked."""
    count = len(chapters)
    if count > PROGRESS_SEGMENTS:
        return _progress_track(ctx, index, count)
    g, sp = ctx.geo, ctx.geo.space
    gap = sp.progress_gap
    seg = (g.content_w - (count - 1) * gap) / count
    y = g.bottom - sp.progress_y
    style = ctx.theme.style("footer")
    out: list[Shape | TextBox] = []
    labels = []
    for i, section in enumerate(chapters):
        para = Para(text=section.short_title, size=style.size, line=style.line,
                    color="divider_ink" if i == index else "divider_muted", bold=i == index)
        # A label is the section's name again, in full on its divider: two lines of it are enough.
        labels.append(shortened(ctx, para, seg, 2))
    # Every label keeps a whole word, or none is drawn.
    labels_fit = all(p.text and not breaks_a_word(ctx, p, seg) for p in labels)
    for i in range(count):
        x = g.left + i * (seg + gap)
        out.append(Shape(Box(x, y, seg, sp.progress_h), "rect",
                         fill="divider_ink" if i == index else "divider_muted", name=f"Progress {i + 1}"))
        if labels_fit:
            out.append(text_box([labels[i]], x, y + sp.progress_label_gap, seg, f"Progress label {i + 1}"))
    return out


def _progress_track(ctx: Context, index: int, count: int) -> list:
    """Three shapes whatever the count: the whole argument as a track, the current section's
    share of it bright, and "5 / 300" under that mark, kept inside the content width."""
    g, sp = ctx.geo, ctx.geo.space
    left, width = g.left, g.content_w
    y = g.bottom - sp.progress_y
    mark_w = max(width / count, sp.progress_mark_min)  # a share too thin to see is widened
    mark_x = left + (width - mark_w) * index / (count - 1)
    style = ctx.theme.style("footer")
    text = f"{index + 1} / {count}"
    label_w = min(width, measure.text_width(text, ctx.theme.font, style.size, bold=True) + sp.progress_label_pad)
    # Under the mark: from its left edge in the first half, up to its right edge in the second.
    first_half = index < count / 2
    label_x = mark_x if first_half else mark_x + mark_w - label_w
    label_x = min(max(label_x, left), left + width - label_w)
    label = Para(text=text, size=style.size, line=style.line, color="divider_ink", bold=True,
                 align="l" if first_half else "r")
    return [Shape(Box(left, y, width, sp.progress_h), "rect", fill="divider_muted", name="Progress track"),
            Shape(Box(mark_x, y, mark_w, sp.progress_h), "rect", fill="divider_ink", name=f"Progress {index + 1}"),
            text_box([label], label_x, y + sp.progress_label_gap, label_w, "Progress label")]
