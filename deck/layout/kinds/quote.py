"""quote: a quotation under a large opening mark, with its attribution."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import Item, fit, fit_title, height, make_para, one_line, text_box
from deck.layout.furniture import body_area, headline
from deck.layout.slides import add_content
from deck.outline.model import QuoteSlide
from deck.plan import Para


def lay(ctx: Context, slide: QuoteSlide, path: tuple, notes: str) -> None:
    g, sp = ctx.geo, ctx.geo.space
    by = slide.by + (f", {slide.role}" if slide.role else "")
    if slide.title:
        title_box = headline(ctx, slide.title, path)
        title = slide.title
    else:
        # The screen reader and outline view still get a real, unique title.
        title = f"{ctx.labels['quote']}{ctx.labels['colon']} {slide.by}"
        box, font = g.title, ctx.theme.title_font
        align = g.title_align
        para = fit_title(ctx, title, box.w, role="kicker", max_lines=1, font=font, align=align)
        para = para or one_line(ctx, make_para(title, ctx.style("kicker"), box.w, font, align=align), box.w,
                                font)
        if ctx.theme.template is not None:
            # the accent is judged against the body; the title placeholder may stand on a bar
            para = para._replace(color="heading")
        title_box = text_box([para], box.x, box.y, box.w, "Title", g.title_anchor, max(box.h, para.line))
    top, limit = body_area(ctx, title_box)
    width = g.grid_w(10)
    x = g.grid_x(1)
    mark_style = ctx.theme.style("big")
    mark = Para(text="“", size=mark_style.size, line=mark_style.size * 0.8, color="accent", bold=True)
    paras = fit(ctx, [Item(slide.quote, "quote"), Item(f"— {by}", "secondary")], width, limit - mark.line)
    if paras is None:
        ctx.fail(path + ("quote",), "does not fit on the slide at the minimum size",
                 "quote a shorter passage (about 25 words) and put the rest in the notes")
        return
    paras[0] = paras[0]._replace(after=paras[0].size * 0.6)
    h = height(paras)
    y = top + (limit - h - mark.line) / 2
    items = [text_box([mark], x - sp.quote_mark_shift, y, sp.quote_mark_w, "Quote mark"),
             text_box(paras, x, y + mark.line, width, "Quote")]
    add_content(ctx, "quote", title, items, notes, path, slide.source, title_box)
