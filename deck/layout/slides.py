"""Adding slides to the deck being laid out: a content slide with its furniture, the pages of a
slide that continues, and the notice that it does."""
from __future__ import annotations

from deck.errors import Message
from deck.layout.context import Context
from deck.layout.fitting import fit_title, text_box
from deck.layout.furniture import body_area, footer, headline, kicker, logo
from deck.plan import SlidePlan, TextBox


def add_content(ctx: Context, kind: str, title: str, items: list, notes: str, path: tuple,
                source: str | None = None, title_box: TextBox | None = None, background: str | None = None,
                kicker_text: str | None = None) -> None:
    """A content slide: kicker, headline, the body items, footer."""
    title_box = title_box or headline(ctx, title, path)
    parts: list = []
    if kicker_text is None and ctx.section is not None:
        kicker_text = ctx.section.short_title
    g = ctx.geo
    kicker_w = g.kicker.w if g.kicker else g.content_w
    if ctx.theme.logo_on_content and g.kicker is not None:
        # a small logo on the kicker's row, at its right end; the kicker makes room
        found = logo(ctx, g.kicker.right, g.kicker.y, g.space.kicker_logo_w,
                     g.kicker.h + g.space.kicker_logo_over)
        if found:
            parts.append(found)
            kicker_w -= found.box.w + g.gutter
    if kicker_text and g.kicker is not None:
        parts.append(kicker(ctx, kicker_text, kicker_w))
    parts.extend(items)
    credit = f"{ctx.labels['source']}{ctx.labels['colon']} {source}" if source else ctx.outline.source
    parts.extend(footer(ctx, credit, len(ctx.slides) + 1))
    ctx.slides.append(SlidePlan(kind=kind, layout="content", title=title_box, items=tuple(parts),
                                notes=notes, path=path, background=background))


def cover_background(ctx: Context) -> str | None:
    """Title, divider and closing slides: deck's own covers are painted; a template's keep the
    background its layout gives them."""
    return "cover_bg" if ctx.theme.paint_covers else None


def continued(ctx: Context, title: str, n: int = 1) -> str:
    """The title of page n (from 1) after the first: "… (continued)", then "… (continued 2)", so
    that every slide's title is unique (PowerPoint's outline view and accessibility check tell
    slides apart by their titles)."""
    label = ctx.labels["continued"]
    return f"{title} ({label})" if n <= 1 else f"{title} ({label} {n})"


def continued_headline(ctx: Context, title: str, path: tuple, first: TextBox, n: int = 1) -> TextBox:
    """The headline of a later page. Its body was laid out under the first page's headline, so
    when "… (continued)" (longer in some languages: "Fortsetzung", "continuación") would take
    more lines, it shrinks to the first headline's height instead of running into the body."""
    page_title = continued(ctx, title, n)
    box = headline(ctx, page_title, path)
    if box.box.h <= first.box.h:
        return box
    g = ctx.geo
    para = fit_title(ctx, page_title, g.title.w, font=ctx.theme.title_font, align=g.title_align, limit=first.box.h)
    if para is None:
        return box
    return text_box([para], g.title.x, g.title.y, g.title.w, "Title", g.title_anchor, first.box.h)


def continuing(ctx: Context, title: str, path: tuple, first: TextBox) -> tuple[TextBox, float, float]:
    """For a slide that continues: the later pages' headline, and the body area under the taller
    of the two headlines, so that content laid out once keeps its distance on every page."""
    later = continued_headline(ctx, title, path, first)
    top, limit = body_area(ctx, later if later.box.bottom > first.box.bottom else first)
    return later, top, limit


def add_page(ctx: Context, kind: str, title: str, n: int, items: list, notes: str, path: tuple,
             source: str | None, title_box: TextBox, later: TextBox) -> None:
    """Page n of a slide that may continue: later pages carry "(continued)" in their headline
    (`later`, from `continuing`), and in the notes a pointer back rather than a second copy of
    the first page's notes."""
    if n == 0:
        add_content(ctx, kind, title, items, notes, path, source, title_box)
    else:
        add_content(ctx, kind, continued(ctx, title, n), items, ctx.labels["notes_continued"] if notes else "",
                    path, source, later_headline(ctx, title, path, later, n))


def later_headline(ctx: Context, title: str, path: tuple, later: TextBox, n: int) -> TextBox:
    """The headline of page n (from 1) after the first: the numbered ones no taller than the
    first "(continued)", under which the body was laid out."""
    return later if n <= 1 else continued_headline(ctx, title, path, later, n)


def paged(ctx: Context, pages: list | None, path: tuple, title: str, field_name: str, message: str,
          hint: str) -> bool:
    """Whether a slide that may continue has pages to draw: a failure names the field, a
    continuation is mentioned in build's output."""
    if pages is None:
        ctx.fail(path + (field_name,), message, hint)
        return False
    if len(pages) > 1:
        note_split(ctx, path, title, len(pages))
    return True


def note_split(ctx: Context, path: tuple, title: str, count: int) -> None:
    line = ctx.source.line(path)
    ctx.notices.append(Message.notice(ctx.source.file, f"'{title}' continues on {count} slides", line,
                                      rule="fit-continued"))
