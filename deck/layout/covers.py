"""The title and closing slides on deck's own themes: painted covers, the title on the grid.
A template's covers are laid out by deck.layout.template_covers."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import Item, fit, fit_title, make_para, one_line, text_box
from deck.layout.furniture import cover_logo
from deck.layout.slides import cover_background
from deck.plan import Box, Shape, SlidePlan


def title_slide(ctx: Context) -> None:
    outline = ctx.outline
    if ctx.geo.covers is not None:
        from deck.layout import template_covers  # a template's covers; deck's own themes never need it

        return template_covers.title_slide(ctx)
    g, sp = ctx.geo, ctx.geo.space
    width = g.grid_w(10)
    title = fit_title(ctx, outline.title, width, role="deck-title", max_lines=3)
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
    meta = " · ".join(x for x in (outline.author, outline.organization, outline.date) if x)
    y = sp.cover_title_y
    title_box = text_box([title], g.left, y, width, "Title")
    items: list = [_accent_bar(ctx, y)]
    sub_box = None
    if subtitle:
        sub_box = text_box([subtitle], g.left, title_box.box.bottom + sp.cover_text_gap, width, "Subtitle")
    if meta:
        para = one_line(ctx, make_para(meta, ctx.style("deck-meta"), g.content_w, ctx.theme.font), g.content_w)
        items.append(text_box([para], g.left, g.bottom - sp.cover_meta_y, g.content_w, "Meta"))
    items.extend(cover_logo(ctx))
    notes = "\n\n".join(x for x in (outline.title, outline.subtitle, meta) if x)
    ctx.slides.append(SlidePlan(kind="title", layout="title", title=title_box, subtitle=sub_box,
                                items=tuple(items), background=cover_background(ctx), notes=notes, footer=False,
                                path=()))


def closing(ctx: Context) -> None:
    closing = ctx.outline.closing
    if ctx.geo.covers is not None:
        from deck.layout import template_covers  # a template's covers; deck's own themes never need it

        return template_covers.closing(ctx)
    g, sp = ctx.geo, ctx.geo.space
    width = g.grid_w(10)
    text = (closing.title if closing and closing.title else None) or ctx.labels["questions"]
    title = fit_title(ctx, text, width, role="deck-title", max_lines=2)
    if title is None:
        ctx.fail(("closing", "title"), "does not fit on the closing slide at the minimum size",
                 "a closing title is a few words")
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
