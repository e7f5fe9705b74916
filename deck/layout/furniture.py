"""The parts every content slide has around its body: the headline, the kicker (the section's
title above it), the footer with source, number and date, a logo, and the speaker notes."""
from __future__ import annotations

from deck.errors import Message
from deck.layout.context import Context
from deck.layout.fitting import breaks_a_word, fit_title, height, make_para, one_line, sizes, text_box
from deck.look.colour import contrast
from deck.measure import fonts as measure
from deck.outline.model import Notes
from deck.plan import Box, Para, Picture, TextBox

LOGO = 0.1  # a picture of less than this share of the slide is furniture (a logo), not a backdrop


def in_capitals(ctx: Context, kind: str = "bullets") -> bool:
    """Whether the template sets this kind's titles in capitals: deck then measures them so."""
    template = ctx.theme.template
    title = template.layout_for(kind).title if template is not None else None
    return bool(title and title.caps)


def as_shown(ctx: Context, text: str, kind: str = "bullets") -> str:
    """The text as the title placeholder shows it, for measuring."""
    return text.upper() if in_capitals(ctx, kind) else text


def headline(ctx: Context, text: str, path: tuple) -> TextBox:
    box, align = ctx.geo.title, ctx.geo.title_align
    shown = as_shown(ctx, text)
    # In a template's title placeholder the headline shrinks to the placeholder's height first.
    para = box.h and fit_title(ctx, shown, box.w, font=ctx.theme.title_font, align=align, limit=box.h)
    if not para and box.h and _on_its_bar(ctx, box):
        # Its colour reads only on the title bar: smaller, down to the readable minimum, before
        # a line runs off the bar.
        with ctx.readable_minimum():
            para = fit_title(ctx, shown, box.w, font=ctx.theme.title_font, align=align, limit=box.h)
    para = para or fit_title(ctx, shown, box.w, font=ctx.theme.title_font, align=align)
    if para is None:
        # A long headline is the presenter's to shorten, not deck's to refuse: more lines, said.
        para = (fit_title(ctx, shown, box.w, font=ctx.theme.title_font, align=align, max_lines=3)
                or fit_title(ctx, shown, box.w, font=ctx.theme.title_font, align=align, max_lines=4))
        where = path + ("title",)
        # said once, though a slide that continues lays its headline out again for every page
        if para is not None and not any(n.rule == "fit-headline" and n.path == where for n in ctx.notices):
            ctx.notices.append(Message.notice(ctx.source.file, f"the headline takes {para.lines} lines; an assertion "
                                              "of about eight words reads at a glance", ctx.source.line(where),
                                              path=where, rule="fit-headline"))
    if para is None:
        ctx.fail(path + ("title",), "does not fit in four lines at the minimum size",
                 "shorten the headline to one assertion of about eight words; put detail in the notes")
        para = make_para(shown, ctx.style("title").at(ctx.style("title").floor), box.w, ctx.theme.title_font,
                         align=align)
    # Measured as shown (in capitals where the template sets them); written as written.
    para = para._replace(text=text)
    # A template's title placeholder keeps its height (and anchor) unless the headline needs more.
    return text_box([para], box.x, box.y, box.w, "Title", ctx.geo.title_anchor, max(box.h, height([para])))


def _on_its_bar(ctx: Context, box: Box) -> bool:
    """Whether a template's headline colour reads in its title placeholder but not just under it
    (white on a title bar, white under it): a line more would be lost."""
    template = ctx.theme.template
    if template is None:
        return False
    layout = template.layout_for("bullets")
    heading = ctx.theme.palette.hex("heading")
    under = Box(box.x, box.bottom + 1, box.w, max(1.0, ctx.style("title").line))
    return min((contrast(heading, c) for c in layout.behind(under)), default=21.0) < 3 <= \
        min((contrast(heading, c) for c in layout.behind(box, layout.title)), default=21.0)


def kicker(ctx: Context, text: str, width: float) -> TextBox:
    style = ctx.theme.style("footer")
    box = ctx.geo.kicker
    assert box is not None  # the caller draws a kicker only where the geometry has room for one
    para = Para(text=text.upper(), size=style.size, line=style.line, color="accent", bold=True)
    # One line only: a long section title is cut at a word, never allowed to wrap.
    para = one_line(ctx, para, width)
    return text_box([para], box.x, box.y, width, "Section")


def footer(ctx: Context, source: str | None, number: int) -> tuple[TextBox, ...]:
    style = ctx.theme.style("footer")
    g = ctx.geo
    items = []
    # A template whose master draws its own number or date in a text box keeps that one alone,
    # and its own texts along the foot (a file name) stay clear of deck's source line.
    layout = ctx.theme.template.layout_for("bullets") if ctx.theme.template is not None else None
    drawn = layout.draws if layout is not None else frozenset()
    where = _source_frame(ctx, _along_the_foot(ctx, layout), drawn) if source else None
    if source and where is not None:
        # A source too long for the footer was reported by check_sources: set it at the floor.
        para = footer_para(ctx, source, where, g.source_align) or \
            _footer_at(ctx, source, ctx.style("footer").floor, where.w, g.source_align)
        items.append(_footer_box(para, where, "Footer"))
    if "sldNum" not in drawn:
        number_para = Para(text=str(number), size=style.size, line=style.line, color="footer",
                           align=g.number_align, field="slidenum")
        items.append(text_box([number_para], *_number_frame(ctx, g.number, g.number_align, style.size),
                              "Slide number", h=g.number.h))
    if g.date is not None and ctx.outline.date and "dt" not in drawn:
        # The date stands in full on the title slide; in a template's small date box it may be shortened.
        para = footer_para(ctx, ctx.outline.date, g.date, g.date_align) or one_line(
            ctx, _footer_at(ctx, ctx.outline.date, style.size, g.date.w, g.date_align), g.date.w)
        items.append(_footer_box(para, g.date, "Date"))
    return tuple(items)


def footer_para(ctx: Context, text: str, box: Box, align: str) -> Para | None:
    """A footer text on one line at the largest size it fits; else on two or three lines, when
    they fit between the body's bottom and the footer's; else None."""
    style = ctx.style("footer")
    room = max(box.h, box.bottom - ctx.geo.body_bottom)
    chopped = None  # a web address longer than the line breaks inside, if nothing else fits
    for lines in (1, 2, 3):
        for size in sizes(style):
            para = _footer_at(ctx, text, size, box.w, align)
            if para.lines <= lines and (lines == 1 or height([para]) <= room + 0.01):
                if not breaks_a_word(ctx, para, box.w):
                    return para
                chopped = chopped or para
    return chopped


def check_sources(ctx: Context) -> None:
    """Every source fits the footer (deck never cuts one): the deck's `source:` and each slide's."""
    g = ctx.geo
    found: list[tuple[tuple, str]] = [(("source",), ctx.outline.source)] if ctx.outline.source else []
    for i, section in enumerate(ctx.outline.sections):
        found += [(("sections", i, "slides", j, "source"), credit(ctx, slide.source))
                  for j, slide in enumerate(section.slides) if slide.source]
    for path, text in found:
        if footer_para(ctx, text, g.source, g.source_align) is None:
            ctx.fail(path, "does not fit in the footer at the minimum size",
                     "shorten the source to who, what and when (e.g. 'Eurostat, 2024'); put the full reference "
                     "in the notes")


def credit(ctx: Context, source: str) -> str:
    """A slide's own source as its footer shows it: "Source: …" in the deck's language."""
    return f"{ctx.labels['source']}{ctx.labels['colon']} {source}"


def _footer_at(ctx: Context, text: str, size: float, width: float, align: str) -> Para:
    style = ctx.style("footer")
    lines = measure.line_count(text, ctx.theme.font, size, width)
    return Para(text=text, size=size, line=size * style.leading, color="footer", align=align, lines=lines)


def _footer_box(para: Para, box: Box, name: str) -> TextBox:
    """One line in the footer's own box; more grow upwards from its bottom."""
    if para.lines <= 1:
        return text_box([para], box.x, box.y, box.w, name, h=box.h)
    h = height([para])
    return text_box([para], box.x, box.bottom - h, box.w, name, h=h)


def _along_the_foot(ctx: Context, layout) -> tuple[Box, ...]:
    """What a template's layout shows of its own where deck's source line may go: its texts and
    its pictures (a logo), not the pictures behind the whole slide."""
    if layout is None:
        return ()
    slide = ctx.geo.width * ctx.geo.height
    pictures = tuple(r.box for r in layout.regions if not r.colours and r.box.w * r.box.h < LOGO * slide)
    return layout.texts + pictures


def _source_frame(ctx: Context, texts: tuple[Box, ...], drawn: frozenset[str]) -> Box | None:
    """The source line's frame: the footer's own, or where the template's texts along the foot
    take that place, the widest stretch of the row they leave free; None if none is wide enough."""
    g = ctx.geo
    box = g.source
    if not any(_meet(box, text) for text in texts):
        return box
    taken = [t for t in texts if t.y < box.bottom and t.bottom > box.y]
    if "sldNum" not in drawn:
        taken.append(g.number)
    if g.date is not None and ctx.outline.date and "dt" not in drawn:
        taken.append(g.date)
    gap = g.gutter / 2
    edges = sorted((t.x - gap, t.right + gap) for t in taken)
    spans, start = [], g.left
    for left, right in edges:
        spans.append((start, left))
        start = max(start, right)
    spans.append((start, g.left + g.content_w))
    x, right = max(spans, key=lambda span: span[1] - span[0])
    if right - x < 60 * g.scale:
        return None
    return Box(x, box.y, right - x, box.h)


def _meet(a: Box, b: Box) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def _number_frame(ctx: Context, box: Box, align: str, size: float) -> tuple[float, float, float]:
    """(x, y, w) of the slide number: a template's number box, widened away from its alignment
    where it is too narrow for a number of three digits (it must never wrap)."""
    need = measure.text_width("888", ctx.theme.font, size) * 1.1
    if box.w >= need:
        return box.x, box.y, box.w
    grow = need - box.w
    x = {"r": box.x - grow, "c": box.x - grow / 2}.get(align, box.x)
    x = min(max(0.0, x), ctx.geo.width - need)
    return x, box.y, need


def body_area(ctx: Context, title: TextBox) -> tuple[float, float]:
    """The top of the body under a headline, and the height it has down to the footer."""
    top = max(title.box.bottom + ctx.geo.title_gap, ctx.geo.body_top)
    return top, ctx.geo.body_bottom - top


def logo(ctx: Context, right: float, top: float, max_w: float, max_h: float) -> Picture | None:
    """The brand logo in a box of at most max_w x max_h, its top right corner at (right, top),
    its aspect ratio kept."""
    brand = ctx.theme.logo
    if brand is None:
        return None
    scale = min(max_w / brand.width, max_h / brand.height)
    w, h = brand.width * scale, brand.height * scale
    return Picture(Box(right - w, top, w, h), brand.file, brand.alt, name="Logo")


def cover_logo(ctx: Context) -> list:
    """On the title and closing slides: a logo in the top right corner."""
    g, sp = ctx.geo, ctx.geo.space
    found = logo(ctx, g.right, g.top, sp.cover_logo_w, sp.cover_logo_h)
    return [found] if found else []


def notes_text(notes: Notes | None, labels: dict[str, str], fallback: str = "") -> str:
    """Speaker notes as labelled paragraphs; the free text stands first."""
    if notes is None:
        return fallback
    parts = []
    if notes.text:
        parts.append(notes.text.strip())
    for key in ("say", "ask", "do"):
        points = getattr(notes, key)
        if points:
            parts.append(f"{labels[key]}{labels['colon']}\n" + "\n".join(f"• {p.strip()}" for p in points))
    if notes.minutes is not None:
        parts.append(f"{labels['time']}{labels['colon']} {minutes(notes.minutes)} {labels['minutes']}")
    if notes.next:
        parts.append(f"{labels['next']}{labels['colon']} {notes.next.strip()}")
    return "\n\n".join(parts)


def minutes(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
