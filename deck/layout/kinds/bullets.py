"""bullets: a headline and a list, one sub level; a list too long for one slide continues."""
from __future__ import annotations

from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import Item, bulleted, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content, continued, continued_headline, note_split
from deck.outline.model import BulletsSlide


def lay(ctx: Context, slide: BulletsSlide, path: tuple, notes: str) -> None:
    groups = []
    for i, bullet in enumerate(slide.bullets):
        group = [Item(bullet.text, "body", bulleted("accent"))]
        group += [Item(sub, "sub", bulleted("muted", level=1)) for sub in bullet.sub]
        groups.append((i, group))
    title = slide.headline
    width, x = ctx.geo.content_w, ctx.geo.left
    title_box = headline(ctx, title, path)
    top, limit = body_area(ctx, title_box)
    # Each group (a bullet and its subs) stays whole.
    pages = paging.groups(ctx, groups, width, limit, path + ("bullets",))
    if len(pages) > 1:
        note_split(ctx, path, title, len(pages))
    for n, paras in enumerate(pages):
        box = text_box(paras, x, top, width, "Body")
        page_title = title if n == 0 else continued(ctx, title)
        tbox = title_box if n == 0 else continued_headline(ctx, title, path, title_box)
        add_content(ctx, "bullets", page_title, [box], notes, path, slide.source, tbox)
