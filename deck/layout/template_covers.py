"""A template's covers: the title, closing and section slides in its own title, subtitle and
section-header placeholders. A title shrinks to fit its placeholder's height or, at the floor,
the box grows away from its anchor."""
from __future__ import annotations

from dataclasses import replace

from deck.layout.context import Context
from deck.layout.fitting import Item, fit, fit_title, height, text_box
from deck.layout.furniture import as_shown, cover_logo
from deck.layout.slides import cover_background
from deck.outline.model import Section
from deck.plan import Box, Para, SlidePlan, TextBox


def title_slide(ctx: Context) -> None:
    outline = ctx.outline
    meta = " · ".join(x for x in (outline.author, outline.organization, outline.date) if x)
    texts = ([(outline.subtitle, "deck-subtitle")] if outline.subtitle else []) + \
        ([(meta, "deck-meta")] if meta else [])
    _cover(ctx, "title", outline.title, 3,
           (("title",), "does not fit on the title slide at the minimum size",
            "shorten the deck title; use `subtitle:` for the rest"),
           texts,
           (("subtitle",), "does not fit on the title slide at the minimum size", "shorten the subtitle to one line"),
           "Subtitle", "\n\n".join(x for x in (outline.title, outline.subtitle, meta) if x), ())


def closing(ctx: Context) -> None:
    closing = ctx.outline.closing
    text = (closing.title if closing and closing.title else None) or ctx.labels["questions"]
    texts = ([(closing.text, "deck-subtitle")] if closing and closing.text else []) + \
        ([(closing.contact, "deck-meta")] if closing and closing.contact else [])
    _cover(ctx, "closing", text, 2,
           (("closing", "title"), "does not fit on the closing slide at the minimum size",
            "a closing title is a few words"),
           texts,
           (("closing", "text"), "does not fit on the closing slide at the minimum size",
            "keep the closing text to one or two sentences"),
           "Text", "\n\n".join(x for x in (text, closing.text if closing else None) if x), ("closing",))


def divider(ctx: Context, index: int, section: Section) -> tuple[TextBox, list] | None:
    """The divider's title and texts in the template's section layout, or None after a problem."""
    covers, s, sp = ctx.geo.covers, ctx.geo.scale, ctx.geo.space
    assert covers is not None
    title = _title(ctx, section.title, covers.divider_title, covers.divider_align, "divider-title", 2)
    if title is None:
        ctx.fail(("sections", index, "title"), "does not fit on the section divider at the minimum size",
                 "a section title is a few words")
        return None
    title_box = _grown([title], covers.divider_title, covers.divider_anchor)
    items: list = []
    top_text = _text_top(title_box)
    if section.message:
        area = covers.divider_body or _below(ctx, title_box)
        gap = ctx.geo.title_gap
        if area.y < title_box.box.y and area.bottom > title_box.box.y - gap:
            # A body placeholder over the title (as the template has it) keeps clear of the title.
            area = Box(area.x, area.y, area.w, max(0.0, title_box.box.y - gap - area.y))
        paras = fit(ctx, [Item(section.message, "divider-message", (("align", covers.divider_body_align),))],
                    area.w, area.h)
        if paras is None:
            ctx.fail(("sections", index, "message"), "does not fit on the divider at the minimum size",
                     "the message is one sentence of about fifteen words")
        else:
            if area.y < title_box.box.y and covers.divider_body_anchor == "b":
                # Over the title, set on its foot: the frame holds just the text, so the number
                # above it stands clear of the frame.
                need = min(area.h, height(paras))
                area = Box(area.x, area.bottom - need, area.w, need)
            message = text_box(paras, area.x, area.y, area.w, "Message", covers.divider_body_anchor, area.h)
            items.append(message)
            if message.box.y < title_box.box.y:  # the layout puts the text above the title
                top_text = _text_top(message)
    # The section's number stands over the first text, where the layout leaves room.
    style = ctx.style("divider-number")
    room = top_text - ctx.geo.top - sp.number_gap * s
    size = min(style.size, room / style.leading)
    if size >= style.floor:
        number = Para(text=f"{index + 1:02d}", size=size, line=size * style.leading, color=style.color,
                      bold=True, align=covers.divider_align)
        number_box = text_box([number], title_box.box.x, top_text - number.line - sp.number_gap * s,
                              title_box.box.w, "Number")
        items.insert(0, number_box)
        template = ctx.theme.template
        placeholder = template.layout_for("divider").title if template is not None else None
        bar = placeholder is not None and bool(placeholder.fill)
        if number_box.box.bottom > title_box.box.y and not bar:
            # The number stands inside the title's frame (a tall title set on its foot): the frame
            # holds just the title's text, where it was, so the two frames do not cut into each other.
            top = _text_top(title_box)
            title_box = text_box(list(title_box.paras), title_box.box.x, top, title_box.box.w, "Title",
                                 title_box.anchor, height(list(title_box.paras)))
    return title_box, items


def _title(ctx: Context, text: str, box: Box, align: str, role: str, max_lines: int) -> Para | None:
    font = ctx.theme.title_font
    shown = as_shown(ctx, text, "divider" if role == "divider-title" else "title")
    para = (fit_title(ctx, shown, box.w, role=role, max_lines=max_lines, font=font, limit=box.h, align=align)
            or fit_title(ctx, shown, box.w, role=role, max_lines=max_lines, font=font, align=align))
    # Measured as the template shows it (in capitals where it sets them); written as written.
    return replace(para, text=text) if para else None


def _cover(ctx: Context, kind: str, title_text: str, max_lines: int, title_failure: tuple,
           texts: list[tuple[str, str]], texts_failure: tuple, name: str, notes: str, path: tuple) -> None:
    """A title or closing slide on the template's title layout: the title in its title
    placeholder, the other texts in its subtitle placeholder (or under the title)."""
    covers = ctx.geo.covers
    assert covers is not None
    title = _title(ctx, title_text, covers.title, covers.title_align, "deck-title", max_lines)
    if title is None:
        ctx.fail(*title_failure)
        return
    title_box = _grown([title], covers.title, covers.title_anchor)
    items: list = cover_logo(ctx)
    sub_box = None
    if texts:
        area = covers.subtitle or _below(ctx, title_box)
        aligned = (("align", covers.subtitle_align),)
        paras = fit(ctx, [Item(text, role, aligned) for text, role in texts], area.w, area.h)
        if paras is None:
            ctx.fail(*texts_failure)
        elif covers.subtitle is not None:
            sub_box = text_box(paras, area.x, area.y, area.w, name, h=area.h)
        else:
            items.append(text_box(paras, area.x, area.y, area.w, name))
    ctx.slides.append(SlidePlan(kind=kind, layout="title", title=title_box, subtitle=sub_box,
                                items=tuple(items), background=cover_background(ctx), notes=notes,
                                footer=False, path=path))


def _grown(paras: list[Para], box: Box, anchor: str) -> TextBox:
    """The paragraphs in a placeholder's box; a box too low for them grows away from its anchor."""
    need = height(paras)
    if need <= box.h:
        return text_box(paras, box.x, box.y, box.w, "Title", anchor, box.h)
    y = {"b": box.bottom - need, "m": box.y - (need - box.h) / 2}.get(anchor, box.y)
    return text_box(paras, box.x, max(0.0, y), box.w, "Title", anchor, need)


def _text_top(box: TextBox) -> float:
    """Where the text in a box begins, given its anchor."""
    free = box.box.h - height(list(box.paras))
    return box.box.y + {"b": free, "m": free / 2}.get(box.anchor, 0.0)


def _below(ctx: Context, title: TextBox) -> Box:
    """The room under a title down to the bottom margin, when the layout has no second placeholder."""
    y = title.box.bottom + ctx.geo.space.below_title * ctx.geo.scale
    return Box(title.box.x, y, title.box.w, max(0.0, ctx.geo.bottom - y))
