"""image: a picture on the body area, its proportions kept (contain: the whole picture in the
frame; cover: the frame filled and the overflow cropped), with an optional caption under it. On a
template whose image layout has a picture placeholder, the frame is that placeholder's (below the
headline), so render can put the picture into it."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import Item, fit, height, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content
from deck.outline.model import ImageSlide
from deck.plan import Box, Picture, TextBox


def lay(ctx: Context, slide: ImageSlide, path: tuple, notes: str) -> None:
    sp = ctx.geo.space
    info = ctx.assets[path]
    title_box = headline(ctx, slide.headline, path)
    top, limit = body_area(ctx, title_box)
    area = _frame(ctx, title_box, top, limit)
    items: list = []
    frame_h = top + limit - area.y
    if slide.caption:
        caption = fit(ctx, [Item(slide.caption, "secondary")], area.w, limit / 4)
        if caption is None:
            ctx.fail(path + ("caption",), "does not fit under the picture at the minimum size",
                     "keep the caption to a line or two")
            return
        # The caption belongs to the picture, not to the footer: keep air below it too.
        frame_h = min(area.h, frame_h - height(caption) - 2 * sp.caption_gap)
        items.append(text_box(caption, area.x, area.y + frame_h + sp.caption_gap, area.w, "Caption"))
    frame_h = min(area.h, frame_h)
    box, crop = place_picture(info.width, info.height, Box(area.x, area.y, area.w, frame_h), slide.fit)
    alt = "" if slide.decorative else slide.alt or ""  # validation requires alt text unless decorative
    items.insert(0, Picture(box, str(info.file), alt, slide.decorative, crop))
    add_content(ctx, "image", slide.headline, items, notes, path, slide.source, title_box)


def place_picture(width: int, height_px: int, frame: Box, mode: str) -> tuple[Box, tuple]:
    """The picture's box and crop fractions (left, top, right, bottom) inside `frame`."""
    ratio = width / height_px
    if mode == "cover":
        frame_ratio = frame.w / frame.h
        if ratio > frame_ratio:  # wider than the frame: crop left and right
            cut = (1 - frame_ratio / ratio) / 2
            return frame, (cut, 0.0, cut, 0.0)
        cut = (1 - ratio / frame_ratio) / 2
        return frame, (0.0, cut, 0.0, cut)
    w = min(frame.w, frame.h * ratio)
    h = w / ratio
    return Box(frame.x + (frame.w - w) / 2, frame.y + (frame.h - h) / 2, w, h), (0.0, 0.0, 0.0, 0.0)


def _frame(ctx: Context, title: TextBox, top: float, limit: float) -> Box:
    """Where the picture may stand: the body area, or a template's picture placeholder as far as
    it lies below the headline and above the footer (a placeholder the headline covers most of
    leaves the body area to the picture)."""
    g = ctx.geo
    body = Box(g.left, top, g.content_w, limit)
    place = g.picture
    if place is None:
        return body
    y = max(place.y, title.box.bottom + g.title_gap)
    bottom = min(place.bottom, top + limit)
    if bottom - y < limit / 3:
        return body
    return Box(place.x, y, place.w, bottom - y)
