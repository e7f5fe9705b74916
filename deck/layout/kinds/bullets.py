"""bullets: a headline and a list, one sub level; a list too long for one slide continues, each
bullet with its subs kept whole."""
from __future__ import annotations

from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import Item, bulleted, fit, height, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_page, continuing, paged
from deck.outline.model import BulletsSlide


def lay(ctx: Context, slide: BulletsSlide, path: tuple, notes: str) -> None:
    groups = [[Item(bullet.text, "body", bulleted("accent"))] +
              [Item(sub, "sub", bulleted("muted", level=1)) for sub in bullet.sub] for bullet in slide.bullets]
    title = slide.headline
    width, x = ctx.geo.content_w, ctx.geo.left
    title_box = later = headline(ctx, title, path)
    top, limit = body_area(ctx, title_box)

    def items(page: range) -> list[Item]:
        return [item for group in groups[page.start:page.stop] for item in group]

    whole = fit(ctx, items(range(len(groups))), width, limit)
    if whole is not None:
        pages, laid = [range(len(groups))], [whole]
    else:
        later, top, limit = continuing(ctx, title, path, title_box)
        alone = [fit(ctx, group, width, limit) is not None for group in groups]
        for i in (i for i, fits in enumerate(alone) if not fits):
            ctx.fail(path + ("bullets", i), "does not fit on a slide even alone at the minimum size",
                     "shorten this item; put the detail in the notes")
        if not all(alone):
            return
        natural = [height(fit(ctx, group, width, float("inf")) or []) for group in groups]
        found = paging.share(len(groups), lambda page: fit(ctx, items(page), width, limit) is not None, natural)
        if not paged(ctx, found, path, title, "bullets", "does not fit at the minimum size",
                     "shorten the items; put the detail in the notes"):
            return
        assert found is not None
        pages = found
        # every page at the largest step it fits: all lie between floor and preferred size
        laid = [fit(ctx, items(page), width, limit) or [] for page in pages]
    for n, paras in enumerate(laid):
        box = text_box(paras, x, top, width, "Body")
        add_page(ctx, "bullets", title, n, [box], notes, path, slide.source, title_box, later)
