"""A template's covers: the title, closing and section slides in its own title, subtitle and
section-header placeholders. A title shrinks to fit its placeholder's height or, at the floor,
the box grows away from its anchor."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import Item, fit, fit_title, height, text_box
from deck.layout.furniture import as_shown, cover_logo
from deck.layout.slides import cover_background
from deck.outline.model import Section
from deck.plan import Box, Para, SlidePlan, TextBox


def title_slide(ctx: Context) -> None:
    outline = ctx.outline
    parts = [(key, text) for key in ("author", "organization", "date") if (text := getattr(outline, key))]
    values = [text for _, text in parts]
    meta = " · ".join(values)
    subtitle = [(outline.subtitle, "deck-subtitle")] if outline.subtitle else []
    texts = subtitle + ([(meta, "deck-meta")] if meta else [])
    placed = _in_own_places(ctx, values)
    # the subtitle is what to shorten; without one, the longest of author, organization and date
    failing = (("subtitle",), "shorten the subtitle to one line") if outline.subtitle else \
        ((max(parts, key=lambda part: len(part[1]))[0],) if parts else ("title",),
         "write the author, organization and date in a few words each")
    _cover(ctx, "title", outline.title, 3,
           (("title",), "does not fit on the title slide at the minimum size",
            "shorten the deck title; use `subtitle:` for the rest"),
           texts, (failing[0], "does not fit on the title slide at the minimum size", failing[1]),
           "Subtitle", "\n\n".join(x for x in (outline.title, outline.subtitle, meta) if x), (),
           (subtitle, placed) if placed else None)


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
           "Text", "\n\n".join(x for x in (text, closing.text if closing else None) if x), ("closing",), None)


def divider(ctx: Context, index: int, section: Section, number: int) -> tuple[TextBox, list] | None:
    """The divider's title and texts in the template's section layout, or None after a problem."""
    covers, sp = ctx.geo.covers, ctx.geo.space
    assert covers is not None
    # Two lines in the placeholder, else three in it; only then does the box grow.
    box, align, font = covers.divider_title, covers.divider_align, ctx.theme.title_font
    title = None
    for limit, lines in ((box.h, 2), (box.h, 3), (None, 2), (None, 3)):
        title = title or fit_title(ctx, section.title, box.w, role="divider-title", max_lines=lines, font=font,
                                   limit=limit, align=align)
    if title is None:
        ctx.fail(("sections", index, "title"), "does not fit on the section divider in three lines at the minimum size",
                 "shorten the section title to about fifteen words; say the rest in its `message:`")
        return None
    grown = _grown([title], covers.divider_title, covers.divider_anchor)
    # the frame holds just the title, where the placeholder's anchor puts it: the section's
    # number above it then stands clear of the frame
    title_box = text_box([title], grown.box.x, _text_top(grown), grown.box.w, "Title")
    items: list = []
    top_text = _text_top(title_box)
    if section.message:
        message_items = [Item(section.message, "divider-message", (("align", covers.divider_body_align),))]
        area = covers.divider_body or _below(ctx, title_box)
        gap = ctx.geo.title_gap
        if area.y < title_box.box.y and area.bottom > title_box.box.y - gap:
            # A body placeholder over the title (as the template has it) keeps clear of the title.
            area = Box(area.x, area.y, area.w, max(0.0, title_box.box.y - gap - area.y))
        paras = fit(ctx, message_items, area.w, area.h)
        if paras is None and covers.divider_body is not None and area.y >= title_box.box.y:
            # a small text place under the title: the message takes the room down to the margin
            area = Box(area.x, area.y, area.w, max(area.h, ctx.geo.bottom - area.y))
            paras = fit(ctx, message_items, area.w, area.h)
        if paras is None:
            ctx.fail(("sections", index, "message"), "does not fit on the divider at the minimum size",
                     "the message is one sentence of about fifteen words")
        else:
            # the frame holds just the text, where the placeholder's anchor puts it: the number
            # above it then stands clear of the frame
            placed = text_box(paras, area.x, area.y, area.w, "Message", covers.divider_body_anchor, area.h)
            message = text_box(paras, area.x, _text_top(placed), area.w, "Message")
            items.append(message)
            if message.box.y < title_box.box.y:  # the layout puts the text above the title
                top_text = _text_top(message)
    # The section's number stands over the first text, where the layout leaves room.
    style = ctx.style("divider-number")
    room = top_text - ctx.geo.top - sp.number_gap
    size = min(style.size, room / style.leading)
    if size >= style.floor:
        number_para = Para(text=f"{number:02d}", size=size, line=size * style.leading, color=style.color,
                           bold=True, align=covers.divider_align)
        items.insert(0, text_box([number_para], title_box.box.x, top_text - number_para.line - sp.number_gap,
                                 title_box.box.w, "Number"))
    return title_box, items


def _title(ctx: Context, text: str, box: Box, align: str, role: str, max_lines: int) -> Para | None:
    font = ctx.theme.title_font
    shown = as_shown(ctx, text, "divider" if role == "divider-title" else "title")
    para = (fit_title(ctx, shown, box.w, role=role, max_lines=max_lines, font=font, limit=box.h, align=align)
            or fit_title(ctx, shown, box.w, role=role, max_lines=max_lines, font=font, align=align))
    # Measured as the template shows it (in capitals where it sets them); written as written.
    return para._replace(text=text) if para else None


def _in_own_places(ctx: Context, values: list[str]) -> list[TextBox] | None:
    """The author, organisation and date in the title layout's own places for them, in reading
    order (the last place takes what is left); None when the layout has none or one does not fit."""
    covers = ctx.geo.covers
    assert covers is not None
    if not covers.meta or not values:
        return None
    places = list(covers.meta[:len(values)])
    shares = values[:len(places) - 1] + [" · ".join(values[len(places) - 1:])]
    boxes = []
    for text, box in zip(shares, places, strict=True):
        paras = fit(ctx, [Item(text, "deck-meta", (("align", covers.meta_align),))], box.w, box.h)
        if paras is None:
            return None
        boxes.append(text_box(paras, box.x, box.y, box.w, "Meta", h=box.h))
    return boxes


def _cover(ctx: Context, kind: str, title_text: str, max_lines: int, title_failure: tuple,
           texts: list[tuple[str, str]], texts_failure: tuple, name: str, notes: str, path: tuple,
           own: tuple[list[tuple[str, str]], list[TextBox]] | None) -> None:
    """A title or closing slide on the template's title layout: the title in its title
    placeholder, the other texts in its subtitle placeholder (or under the title). `own` is the
    subtitle alone and the meta texts in the layout's own places for them, tried first.

    Texts that do not fit the subtitle's place take the room of all the layout's text places
    under the title, down to the bottom margin: the places left empty are removed."""
    covers = ctx.geo.covers
    assert covers is not None
    title = _title(ctx, title_text, covers.title, covers.title_align, "deck-title", max_lines)
    if title is None:
        ctx.fail(*title_failure)
        return
    title_box = _grown([title], covers.title, covers.title_anchor)
    items: list = cover_logo(ctx)
    sub_box = None
    aligned = (("align", covers.subtitle_align),)
    if covers.subtitle is None:
        if texts:
            area = _below(ctx, title_box)
            paras = fit(ctx, [Item(text, role, aligned) for text, role in texts], area.w, area.h)
            if paras is None:
                ctx.fail(*texts_failure)
            else:
                items.append(text_box(paras, area.x, area.y, area.w, name))
    else:
        tries = ([(own[0], covers.subtitle, own[1])] if own else []) + \
            [(texts, covers.subtitle, []), (texts, _roomy(ctx, covers, title_box), [])]
        for wanted, area, placed in tries:
            paras = fit(ctx, [Item(text, role, aligned) for text, role in wanted], area.w, area.h) if wanted else []
            if paras is not None:
                sub_box = text_box(paras, area.x, area.y, area.w, name, h=area.h) if paras else None
                items += placed
                break
        else:
            ctx.fail(*texts_failure)
    ctx.slides.append(SlidePlan(kind=kind, layout="title", title=title_box, subtitle=sub_box,
                                items=tuple(items), background=cover_background(ctx), notes=notes,
                                footer=False, path=path))


def _roomy(ctx: Context, covers, title: TextBox) -> Box:
    """The room of the subtitle's and the other text places together, from under the title down to
    the bottom margin."""
    boxes = [b for b in (covers.subtitle, *covers.meta) if b is not None and b.y >= title.box.y]
    if not boxes:  # the layout's text places stand above the title
        return _below(ctx, title)
    x = min(b.x for b in boxes)
    right = max(b.right for b in boxes)
    y = max(min(b.y for b in boxes), title.box.bottom)
    bottom = max(ctx.geo.bottom, max(b.bottom for b in boxes))
    if covers.bottom is not None:  # not onto a band the layout draws along its foot
        bottom = min(bottom, covers.bottom)
    return Box(x, y, right - x, max(0.0, bottom - y))


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
    y = title.box.bottom + ctx.geo.space.below_title
    return Box(title.box.x, y, title.box.w, max(0.0, ctx.geo.bottom - y))
