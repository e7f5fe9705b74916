"""Section dividers: the section's number, title and message on a cover, and a progress bar
that shows where the argument stands. A template's section layout places the texts
(deck.layout.template_covers); the progress bar and notes are the same either way."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import fit_title, text_box
from deck.layout.furniture import minutes
from deck.layout.slides import cover_background
from deck.measure import fonts as measure
from deck.outline.model import Section
from deck.plan import Box, Para, Shape, SlidePlan, TextBox

# One segment per section up to this many; beyond, a track with a mark.
PROGRESS_SEGMENTS = 12


def divider(ctx: Context, index: int, section: Section) -> None:
    if ctx.geo.covers is not None:
        from deck.layout import template_covers  # a template's dividers; deck's own themes never need it

        placed = template_covers.divider(ctx, index, section)
        if placed is not None:
            _add(ctx, index, section, *placed)
        return
    g, sp = ctx.geo, ctx.geo.space
    width = g.grid_w(10)
    number_style = ctx.theme.style("divider-number")
    number = Para(text=f"{index + 1:02d}", size=number_style.size, line=number_style.line,
                  color=number_style.color, bold=True)
    title = fit_title(ctx, section.title, width, role="divider-title", max_lines=2)
    if title is None:
        ctx.fail(("sections", index, "title"), "does not fit on the section divider at the minimum size",
                 "a section title is a few words")
        return
    y = sp.divider_number_y
    items: list = [text_box([number], g.left, y, width, "Number")]
    title_box = text_box([title], g.left, y + number.line + sp.divider_title_gap, width, "Title")
    y = title_box.box.bottom + sp.cover_text_gap
    if section.message:
        message = fit_title(ctx, section.message, width, role="divider-message", max_lines=3)
        if message is None:
            ctx.fail(("sections", index, "message"), "does not fit on the divider at the minimum size",
                     "the message is one sentence of about fifteen words")
        else:
            items.append(text_box([message], g.left, y, width, "Message"))
    _add(ctx, index, section, title_box, items)


def _add(ctx: Context, index: int, section: Section, title_box: TextBox, items: list) -> None:
    """The divider with its progress bar and notes, whichever look placed its texts."""
    items = items + _progress(ctx, index, len(ctx.outline.sections))
    time = f"{ctx.labels['time']}{ctx.labels['colon']} {minutes(section.minutes)} {ctx.labels['minutes']}" \
        if section.minutes else ""
    notes = "\n\n".join(x for x in (section.title, section.message, time) if x)
    ctx.slides.append(SlidePlan(kind="divider", layout="content", title=title_box, items=tuple(items),
                                background=cover_background(ctx), notes=notes, footer=False,
                                path=("sections", index)))


def _progress(ctx: Context, index: int, count: int) -> list:
    """Where we are in the argument: one segment per section, the current one bright; with more
    sections than fit as segments, one track with the current position marked."""
    if count > PROGRESS_SEGMENTS:
        return _progress_track(ctx, index, count)
    g, sp = ctx.geo, ctx.geo.space
    s = g.scale
    gap = sp.progress_gap * s
    seg = (g.content_w - (count - 1) * gap) / count
    y = g.bottom - sp.progress_y * s
    style = ctx.theme.style("footer")
    out: list[Shape | TextBox] = []
    labels_fit = True
    labels = []
    for i, section in enumerate(ctx.outline.sections):
        para = Para(text=section.title, size=style.size, line=style.line,
                    color="divider_ink" if i == index else "divider_muted", bold=i == index)
        lines = measure.line_count(section.title, ctx.theme.font, style.size, seg, bold=i == index)
        labels_fit &= lines <= 2
        labels.append(Para(**{**para.__dict__, "lines": lines}))
    for i in range(count):
        x = g.left + i * (seg + gap)
        out.append(Shape(Box(x, y, seg, sp.progress_h * s), "rect",
                         fill="divider_ink" if i == index else "divider_muted", name=f"Progress {i + 1}"))
        if labels_fit:
            out.append(text_box([labels[i]], x, y + sp.progress_label_gap * s, seg, f"Progress label {i + 1}"))
    return out


def _progress_track(ctx: Context, index: int, count: int) -> list:
    """Three shapes whatever the count: the whole argument as a track, the current section's
    share of it bright, and "5 / 300" under that mark, kept inside the content width."""
    g, sp = ctx.geo, ctx.geo.space
    s = g.scale
    left, width = g.left, g.content_w
    y = g.bottom - sp.progress_y * s
    mark_w = max(width / count, sp.progress_mark_min * s)  # a share too thin to see is widened
    mark_x = left + (width - mark_w) * index / (count - 1)
    style = ctx.theme.style("footer")
    text = f"{index + 1} / {count}"
    label_w = min(width, measure.text_width(text, ctx.theme.font, style.size, bold=True) + sp.progress_label_pad * s)
    # Under the mark: from its left edge in the first half, up to its right edge in the second.
    first_half = index < count / 2
    label_x = mark_x if first_half else mark_x + mark_w - label_w
    label_x = min(max(label_x, left), left + width - label_w)
    label = Para(text=text, size=style.size, line=style.line, color="divider_ink", bold=True,
                 align="l" if first_half else "r")
    return [Shape(Box(left, y, width, sp.progress_h * s), "rect", fill="divider_muted", name="Progress track"),
            Shape(Box(mark_x, y, mark_w, sp.progress_h * s), "rect", fill="divider_ink", name=f"Progress {index + 1}"),
            text_box([label], label_x, y + sp.progress_label_gap * s, label_w, "Progress label")]
