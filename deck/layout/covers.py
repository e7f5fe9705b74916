"""The title and closing slides on deck's own themes: painted covers, the title on the grid.
A template's covers are laid out by deck.layout.template_covers."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import (
    Item,
    breaks_a_word,
    fit,
    fit_title,
    height,
    make_para,
    shrink_stack,
    sizes,
    stack_height,
    text_box,
)
from deck.layout.furniture import cover_logo
from deck.layout.slides import cover_background
from deck.plan import Box, Para, Shape, SlidePlan


def title_slide(ctx: Context) -> None:
    outline = ctx.outline
    if ctx.geo.covers is not None:
        from deck.layout import template_covers  # a template's covers; deck's own themes never need it

        return template_covers.title_slide(ctx)
    g, sp = ctx.geo, ctx.geo.space
    width = g.grid_w(10)
    title = fit_title(ctx, outline.title, width, role="deck-title", max_lines=3)
    if title is None:
        # a long title (a title and its subtitle in one) takes the full width and a fourth line
        width = g.content_w
        title = fit_title(ctx, outline.title, width, role="deck-title", max_lines=4)
    if title is None:
        # and then the size of a headline, still on the cover's colours
        title = fit_title(ctx, outline.title, width, role="title", max_lines=4)
        title = title and title._replace(color=ctx.style("deck-title").color)
    if title is None:
        ctx.fail(("title",), "does not fit on the title slide at the minimum size",
                 "shorten the deck title; use `subtitle:` for the rest")
        return
    subtitle = None
    if outline.subtitle:
        subtitle = fit_title(ctx, outline.subtitle, width, role="deck-subtitle", max_lines=3)
        if subtitle is None:
            ctx.fail(("subtitle",), "does not fit on the title slide at the minimum size",
                     "shorten the subtitle to one line")
    items: list = []
    # The author line stands on the bottom margin; when it takes more lines it grows upwards,
    # and the title and subtitle above it shrink together to leave it room.
    meta = meta_paras(ctx, g.content_w)
    bottom = g.bottom - sp.cover_meta_y + ctx.style("deck-meta").line
    meta_top = bottom - height(meta) if meta else g.bottom
    stack = [(title, "deck-title")] + ([(subtitle, "deck-subtitle")] if subtitle else [])
    texts = shrink_stack(ctx, stack, width, meta_top - sp.cover_text_gap - sp.cover_title_y, sp.cover_text_gap,
                         max_lines=max(3, title.lines))
    y = max(g.top + sp.cover_bar_gap,
            min(sp.cover_title_y, meta_top - sp.cover_text_gap - stack_height(texts, sp.cover_text_gap)))
    title_box = text_box([texts[0]], g.left, y, width, "Title")
    items.append(_accent_bar(ctx, y))
    sub_box = None
    if subtitle:
        sub_box = text_box([texts[1]], g.left, title_box.box.bottom + sp.cover_text_gap, width, "Subtitle")
    if meta:
        items.append(text_box(meta, g.left, meta_top, g.content_w, "Meta"))
    items.extend(cover_logo(ctx))
    line = meta_line(outline)
    notes = "\n\n".join(x for x in (outline.title, outline.subtitle, line) if x)
    ctx.slides.append(SlidePlan(kind="title", layout="title", title=title_box, subtitle=sub_box,
                                items=tuple(items), background=cover_background(ctx), notes=notes, footer=False,
                                path=()))


def meta_line(outline) -> str:
    """"Author · Organization · Date": the title slide's line about who, and when."""
    return " · ".join(x for x in (outline.author, outline.organization, outline.date) if x)


def meta_paras(ctx: Context, width: float) -> list[Para]:
    """The author, organization and date on one line, at the largest size it fits; when they do
    not, each on a line of its own (a long name on two). Never cut: a part that does not fit
    two lines at the minimum size is a problem at its line in the outline."""
    outline = ctx.outline
    parts = [(key, text) for key in ("author", "organization", "date") if (text := getattr(outline, key))]
    if not parts:
        return []
    style = ctx.style("deck-meta")
    one = fit_title(ctx, meta_line(outline), width, role="deck-meta", max_lines=1)
    if one is not None and not breaks_a_word(ctx, one, width):
        return [one]
    for size in sizes(style):
        paras = [make_para(text, style.at(size), width, ctx.theme.font) for _, text in parts]
        if all(p.lines <= 2 and not breaks_a_word(ctx, p, width) for p in paras):
            return paras
    for key, text in parts:
        para = make_para(text, style.at(style.floor), width, ctx.theme.font)
        if para.lines > 2 or breaks_a_word(ctx, para, width):
            ctx.fail((key,), "does not fit on the title slide in two lines at the minimum size",
                     "write it in a few words: the title slide has one line for author, organization and date")
    return []


def closing(ctx: Context) -> None:
    closing = ctx.outline.closing
    if ctx.geo.covers is not None:
        from deck.layout import template_covers  # a template's covers; deck's own themes never need it

        return template_covers.closing(ctx)
    g, sp = ctx.geo, ctx.geo.space
    width = g.grid_w(10)
    text = (closing.title if closing and closing.title else None) or ctx.labels["questions"]
    title = fit_title(ctx, text, width, role="deck-title", max_lines=2) \
        or fit_title(ctx, text, width, role="deck-title", max_lines=3)
    if title is None:
        ctx.fail(("closing", "title"), "does not fit on the closing slide at the minimum size",
                 "a closing title is a few words; put the rest in `closing.text`")
        return
    y = sp.closing_title_y
    title_box = text_box([title], g.left, y, width, "Title")
    items: list = [_accent_bar(ctx, y)]
    rest = []
    if closing and closing.text:
        rest.append(Item(closing.text, "deck-subtitle"))
    if closing and closing.contact:
        rest.append(Item(closing.contact, "deck-meta"))
    if rest:
        limit = g.bottom - title_box.box.bottom - sp.closing_text_gap
        paras = fit(ctx, rest, width, limit)
        if paras is None:
            ctx.fail(("closing", "text"), "does not fit on the closing slide at the minimum size",
                     "keep the closing text to one or two sentences")
        else:
            items.append(text_box(paras, g.left, title_box.box.bottom + sp.closing_text_gap, width, "Text"))
    items.extend(cover_logo(ctx))
    notes = "\n\n".join(x for x in (text, closing.text if closing else None) if x)
    ctx.slides.append(SlidePlan(kind="closing", layout="content", title=title_box, items=tuple(items),
                                background=cover_background(ctx), notes=notes, footer=False, path=("closing",)))


def _accent_bar(ctx: Context, title_y: float) -> Shape:
    sp = ctx.geo.space
    return Shape(Box(ctx.geo.left, title_y - sp.cover_bar_gap, sp.cover_bar_w, sp.cover_bar_h), "rect",
                 fill="cover_muted", name="Accent bar")
