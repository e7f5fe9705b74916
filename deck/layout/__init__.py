"""(Outline, Theme) -> positioned, measured slide plans. Pure: no pptx, no files.

Fit policy, the same for every kind of text:
  1. set it at the theme's preferred size;
  2. shrink in 2 pt steps, every style in the block together, down to each style's floor;
  3. kinds that can continue (bullets, compare, steps, question prompts, agenda, recap) carry
     the rest onto a slide titled "… (continued)" in the deck's language;
  4. texts that cannot continue (a headline, a statement, a quote, a big number) are a
     DeckError naming the outline line, unless `allow_small` lowers the floors once by 4 pt.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from deck.measure import fonts as measure
from deck.outline import timing
from deck.measure.text import SAFETY
from deck.errors import DeckError, Message, Problem
from deck.outline.labels import labels_for
from deck.outline.reader import Loaded, Source
from deck.outline.model import (
    BulletsSlide, CompareSlide, ExerciseSlide, Notes, Outline, QuestionSlide, QuoteSlide, Section,
    StatementSlide, StatsSlide, StepsSlide,
)
from deck.plan import Box, Para, Picture, Shape, SlidePlan, TextBox
from deck.look.theme import Geometry, Style, Theme

# Every position comes from ctx.geo, the theme's Geometry: deck's own 16:9 grid, or a
# template's canvas and placeholders.
STEP_STEP = 2.0  # points per shrink step
SMALL_ALLOWANCE = 4.0  # how far --allow-small lowers every floor
# Divider progress: one segment per section up to this many; beyond, a track with a mark.
PROGRESS_SEGMENTS = 12
PROGRESS_MARK_MIN = 24.0  # points: the narrowest mark that still reads


@dataclass
class Planned:
    slides: list[SlidePlan]
    notices: list[Message]  # continuations and other things the user should know
    minutes: float | None
    theme: Theme | None = None  # the theme the slides were laid out for


@dataclass
class _Ctx:
    outline: Outline
    source: Source
    theme: Theme
    labels: dict[str, str]
    allow_small: bool
    assets: dict = field(default_factory=dict)  # picture sizes by slide path (deck.outline.assets)
    problems: list[Problem] = field(default_factory=list)
    notices: list[Message] = field(default_factory=list)

    def style(self, role: str) -> Style:
        style = self.theme.style(role)
        if self.allow_small:
            style = Style(style.size, style.floor - SMALL_ALLOWANCE, style.bold, style.color,
                          style.leading, style.after)
        return style

    def fail(self, path: tuple, message: str, hint: str) -> None:
        self.problems.append(self.source.problem(path, message, hint))

    @property
    def geo(self) -> Geometry:
        return self.theme.geometry


# --- measuring -----------------------------------------------------------------------------

def _sizes(style: Style) -> list[float]:
    """Preferred size down to the floor, in steps."""
    count = max(0, math.ceil((style.size - style.floor) / STEP_STEP))
    return [max(style.floor, style.size - i * STEP_STEP) for i in range(count + 1)]


def make_para(text: str, style: Style, width: float, font: str, **extra) -> Para:
    indent = extra.get("indent", 0.0)
    bold = extra.pop("bold", style.bold)
    lines = measure.line_count(text, font, style.size, width - indent, bold=bold)
    return Para(text=text, size=style.size, line=style.line, color=extra.pop("color", style.color),
                bold=bold, after=style.after * style.size, lines=lines, **extra)


def height(paras: list[Para] | tuple[Para, ...]) -> float:
    if not paras:
        return 0.0
    return sum(p.lines * p.line + p.after for p in paras) - paras[-1].after


@dataclass(frozen=True)
class Item:
    """A paragraph to fit: text, its style's role, and options for Para."""

    text: str
    role: str
    options: tuple = ()


def fit(ctx: _Ctx, items: list[Item], width: float, limit: float) -> list[Para] | None:
    """The paragraphs at the largest step where they fit in `limit` points, or None."""
    blocks = fit_pair(ctx, [items], width, limit)
    return blocks[0] if blocks else None


def _title_paras(ctx: _Ctx, text: str, width: float, role: str = "title", max_lines: int = 2,
                 align: str = "l", font: str | None = None, limit: float | None = None) -> Para | None:
    """One paragraph at the largest size where it takes at most `max_lines` lines (and, with a
    `limit`, at most that height). Text for a title placeholder passes the theme's title font."""
    style = ctx.style(role)
    for size in _sizes(style):
        para = make_para(text, style.at(size), width, font or ctx.theme.font, align=align)
        if para.lines <= max_lines and (limit is None or height([para]) <= limit + 0.01):
            return para
    return None


def _box(paras: list[Para], x: float, y: float, w: float, name: str, anchor: str = "t",
         h: float | None = None) -> TextBox:
    return TextBox(Box(x, y, w, h if h is not None else height(paras)), tuple(paras), anchor, name)


# --- shared parts of slides ---------------------------------------------------------------

def _headline(ctx: _Ctx, text: str, path: tuple) -> TextBox:
    box, align = ctx.geo.title, ctx.geo.title_align
    # In a template's title placeholder the headline shrinks to the placeholder's height first.
    para = box.h and _title_paras(ctx, text, box.w, font=ctx.theme.title_font, align=align, limit=box.h)
    para = para or _title_paras(ctx, text, box.w, font=ctx.theme.title_font, align=align)
    if para is None:
        ctx.fail(path + ("title",), "does not fit in two lines at the minimum size",
                 "shorten the headline to one assertion of about eight words; put detail in the notes")
        para = make_para(text, ctx.style("title").at(ctx.style("title").floor), box.w, ctx.theme.title_font,
                         align=align)
    # A template's title placeholder keeps its height (and anchor) unless the headline needs more.
    return _box([para], box.x, box.y, box.w, "Title", ctx.geo.title_anchor, max(box.h, height([para])))


def _kicker(ctx: _Ctx, text: str, width: float) -> TextBox:
    style = ctx.theme.style("footer")
    box = ctx.geo.kicker
    para = Para(text=text.upper(), size=style.size, line=style.line, color="accent", bold=True)
    # One line only: a long section title is cut at a word, never allowed to wrap.
    para = _one_line(ctx, para, width)
    return _box([para], box.x, box.y, width, "Section")


def _one_line(ctx: _Ctx, para: Para, width: float, font: str | None = None) -> Para:
    words = para.text.split()
    font = font or ctx.theme.font
    while words and measure.line_count(" ".join(words), font, para.size, width, bold=para.bold) > 1:
        words = words[:-1]
        if words:
            words[-1] = words[-1] + "…"
    return Para(**{**para.__dict__, "text": " ".join(words), "lines": 1})


def _footer(ctx: _Ctx, source: str | None, number: int) -> tuple[TextBox, ...]:
    style = ctx.theme.style("footer")
    g = ctx.geo
    items = []
    if source:
        para = _one_line(ctx, Para(text=source, size=style.size, line=style.line, color="footer",
                                   align=g.source_align), g.source.w)
        items.append(_box([para], g.source.x, g.source.y, g.source.w, "Footer", h=g.source.h))
    number_para = Para(text=str(number), size=style.size, line=style.line, color="footer", align=g.number_align,
                       field="slidenum")
    items.append(_box([number_para], g.number.x, g.number.y, g.number.w, "Slide number", h=g.number.h))
    if g.date is not None and ctx.outline.date:
        para = _one_line(ctx, Para(text=ctx.outline.date, size=style.size, line=style.line, color="footer",
                                   align=g.date_align), g.date.w)
        items.append(_box([para], g.date.x, g.date.y, g.date.w, "Date", h=g.date.h))
    return tuple(items)


def _body_top(ctx: _Ctx, title: TextBox) -> float:
    return max(title.box.bottom + ctx.geo.title_gap, ctx.geo.body_top)


def _logo(ctx: _Ctx, right: float, top: float, max_w: float, max_h: float) -> Picture | None:
    """The brand logo in a box of at most max_w x max_h, its top right corner at (right, top),
    its aspect ratio kept."""
    logo = ctx.theme.logo
    if logo is None:
        return None
    scale = min(max_w / logo.width, max_h / logo.height)
    w, h = logo.width * scale, logo.height * scale
    return Picture(Box(right - w, top, w, h), logo.file, logo.alt, name="Logo")


def _cover_logo(ctx: _Ctx) -> list:
    """On the title and closing slides: up to 160 x 48 pt in the top right corner."""
    g = ctx.geo
    logo = _logo(ctx, g.right, g.top, 160 * g.scale, 48 * g.scale)
    return [logo] if logo else []


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
            parts.append(f"{labels[key]}:\n" + "\n".join(f"• {p.strip()}" for p in points))
    if notes.minutes is not None:
        parts.append(f"{labels['time']}: {_minutes(notes.minutes)} {labels['minutes']}")
    if notes.next:
        parts.append(f"{labels['next']}: {notes.next.strip()}")
    return "\n\n".join(parts)


def _minutes(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# --- slide kinds ----------------------------------------------------------------------------

class _Deck:
    """Walks the outline and produces the slides in order."""

    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.slides: list[SlidePlan] = []
        self.section: Section | None = None

    # generic content slide: kicker, headline, body items, footer
    def content(self, kind: str, title: str, items: list, notes: str, path: tuple,
                source: str | None = None, title_box: TextBox | None = None, background: str | None = None,
                kicker: str | None = None) -> None:
        ctx = self.ctx
        title_box = title_box or _headline(ctx, title, path)
        parts = []
        kicker_text = kicker if kicker is not None else (self.section.title if self.section else None)
        g = ctx.geo
        kicker_w = g.kicker.w if g.kicker else g.content_w
        if ctx.theme.logo_on_content and g.kicker is not None:
            # a small logo on the kicker's row, at its right end; the kicker makes room
            logo = _logo(ctx, g.kicker.right, g.kicker.y, 120 * g.scale, g.kicker.h + 3)
            if logo:
                parts.append(logo)
                kicker_w -= logo.box.w + g.gutter
        if kicker_text and g.kicker is not None:
            parts.append(_kicker(ctx, kicker_text, kicker_w))
        parts.extend(items)
        credit = f"{ctx.labels['source']}: {source}" if source else ctx.outline.source
        parts.extend(_footer(ctx, credit, len(self.slides) + 1))
        self.slides.append(SlidePlan(kind=kind, layout="content", title=title_box, items=tuple(parts),
                                     notes=notes, path=path, background=background))

    def cover_background(self) -> str | None:
        """Title, divider and closing slides: deck's own covers are painted; a template's keep
        the background its layout gives them."""
        return "cover_bg" if self.ctx.theme.paint_covers else None

    def continued(self, title: str) -> str:
        return f"{title} ({self.ctx.labels['continued']})"

    def page(self, kind: str, title: str, n: int, items: list, notes: str, path: tuple, source: str | None,
             title_box: TextBox) -> None:
        """Page n of a slide that may continue: later pages carry "(continued)" in the headline."""
        if n == 0:
            self.content(kind, title, items, notes, path, source, title_box)
        else:
            page_title = self.continued(title)
            self.content(kind, page_title, items, notes, path, source, _headline(self.ctx, page_title, path))

    def paged(self, pages: list | None, path: tuple, title: str, field_name: str, message: str, hint: str) -> bool:
        """Whether a slide that may continue has pages to draw: a failure names the field,
        a continuation is mentioned in build's output."""
        if pages is None:
            self.ctx.fail(path + (field_name,), message, hint)
            return False
        if len(pages) > 1:
            self.note_split(path, title, len(pages))
        return True

    def note_split(self, path: tuple, title: str, count: int) -> None:
        line = self.ctx.source.line(path)
        self.ctx.notices.append(Message.notice(self.ctx.source.file, f"'{title}' continues on {count} slides", line,
                                               rule="fit-continued"))

    def body_limit(self, title_box: TextBox) -> tuple[float, float]:
        top = _body_top(self.ctx, title_box)
        return top, self.ctx.geo.body_bottom - top

    # -- bullets: continue where the list is too long ------------------------------------------
    def bullets(self, slide: BulletsSlide, path: tuple, notes: str) -> None:
        groups = []
        for i, bullet in enumerate(slide.bullets):
            group = [Item(bullet.text, "body", _bulleted("accent"))]
            group += [Item(sub, "sub", _bulleted("muted", level=1)) for sub in bullet.sub]
            groups.append((i, group))
        self.flowing(slide.title, groups, path, notes, slide.source, kind="bullets", what="bullets")

    def flowing(self, title: str, groups: list, path: tuple, notes: str, source: str | None,
                kind: str, what: str, width: float | None = None, x: float | None = None,
                before: list | None = None) -> None:
        """Items that may continue on further slides; each group (a bullet and its subs) stays whole."""
        ctx = self.ctx
        width = ctx.geo.content_w if width is None else width
        x = ctx.geo.left if x is None else x
        title_box = _headline(ctx, title, path)
        top, limit = self.body_limit(title_box)
        pages = self._paginate(groups, width, limit, path + (what,))
        if len(pages) > 1:
            self.note_split(path, title, len(pages))
        for n, paras in enumerate(pages):
            box = _box(paras, x, top, width, "Body")
            page_title = title if n == 0 else self.continued(title)
            tbox = title_box if n == 0 else _headline(ctx, page_title, path)
            self.content(kind, page_title, (before or []) + [box], notes, path, source, tbox)

    def _paginate(self, groups: list, width: float, limit: float, path: tuple) -> list[list[Para]]:
        ctx = self.ctx
        whole = fit(ctx, [item for _, g in groups for item in g], width, limit)
        if whole is not None:
            return [whole]
        whole_groups = []
        for index, group in groups:
            if fit(ctx, group, width, limit) is None:
                ctx.fail(path + (index,), "does not fit on a slide even alone at the minimum size",
                         "shorten this item; put the detail in the notes")
            else:
                whole_groups.append(group)
        pages, current = [], []
        for group in whole_groups:
            candidate = current + group
            if current and fit(ctx, candidate, width, limit) is None:
                pages.append(current)
                candidate = group
            current = candidate
        if current:
            pages.append(current)
        # Greedy filling can leave one lonely item on the last slide: share the items out evenly
        # over the same number of slides when that fits too.
        share, extra = divmod(len(whole_groups), max(1, len(pages)))
        bounds, start = [], 0
        for n in range(len(pages)):
            end = start + share + (1 if n < extra else 0)
            bounds.append((start, end))
            start = end
        even = [[item for group in whole_groups[a:b] for item in group] for a, b in bounds]
        if all(page and fit(ctx, page, width, limit) is not None for page in even):
            pages = even
        # Every page is set at the largest step it fits; all lie between floor and preferred size.
        return [fit(ctx, page, width, limit) or [] for page in pages]

    # -- statement: one assertion, large, beside an accent bar --------------------------------
    def statement(self, slide: StatementSlide, path: tuple, notes: str) -> None:
        ctx = self.ctx
        title_box = _headline(ctx, slide.title, path)
        top, limit = self.body_limit(title_box)
        width = ctx.geo.grid_w(10)
        paras = fit(ctx, [Item(slide.text, "statement")], width, limit)
        if paras is None:
            ctx.fail(path + ("text",), "does not fit on the slide at the minimum size",
                     "a statement is one short assertion: shorten it, or use a bullets slide")
            return
        h = height(paras)
        y = top + (limit - h) / 2
        bar = Shape(Box(ctx.geo.left, y, 6, h), "rect", fill="accent", name="Accent bar")
        text = _box(paras, ctx.geo.left + 30, y, width, "Statement")
        self.content("statement", slide.title, [bar, text], notes, path, slide.source, title_box)

    # -- quote: centred, with attribution ------------------------------------------------------
    def quote(self, slide: QuoteSlide, path: tuple, notes: str) -> None:
        ctx = self.ctx
        by = slide.by + (f", {slide.role}" if slide.role else "")
        if slide.title:
            title_box = _headline(ctx, slide.title, path)
            title = slide.title
        else:
            # The screen reader and outline view still get a real, unique title.
            title = f"{ctx.labels['quote']}: {slide.by}"
            box, font = ctx.geo.title, ctx.theme.title_font
            align = ctx.geo.title_align
            para = _title_paras(ctx, title, box.w, role="kicker", max_lines=1, font=font, align=align)
            para = para or _one_line(ctx, make_para(title, ctx.style("kicker"), box.w, font, align=align), box.w,
                                     font)
            title_box = _box([para], box.x, box.y, box.w, "Title", ctx.geo.title_anchor, max(box.h, para.line))
        top, limit = self.body_limit(title_box)
        width = ctx.geo.grid_w(10)
        x = ctx.geo.grid_x(1)
        mark_style = ctx.theme.style("big")
        mark = Para(text="“", size=mark_style.size, line=mark_style.size * 0.8, color="accent", bold=True)
        paras = fit(ctx, [Item(slide.quote, "quote"), Item(f"— {by}", "secondary")], width, limit - mark.line)
        if paras is None:
            ctx.fail(path + ("quote",), "does not fit on the slide at the minimum size",
                     "quote a shorter passage (about 25 words) and put the rest in the notes")
            return
        paras[0] = Para(**{**paras[0].__dict__, "after": paras[0].size * 0.6})
        h = height(paras)
        y = top + (limit - h - mark.line) / 2
        items = [_box([mark], x - 4, y, 80, "Quote mark"), _box(paras, x, y + mark.line, width, "Quote")]
        self.content("quote", title, items, notes, path, slide.source, title_box)

    # -- stats: big numbers in columns --------------------------------------------------------
    def stats(self, slide: StatsSlide, path: tuple, notes: str) -> None:
        ctx = self.ctx
        title_box = _headline(ctx, slide.title, path)
        top, limit = self.body_limit(title_box)
        count = len(slide.stats)
        # One number stands alone, large and centred; several share the row as equals.
        single = count == 1
        width = ctx.geo.grid_w(8) if single else ctx.geo.grid_w(COLUMNS_FOR[count])
        align = "c" if single else "l"
        columns = []
        for i, stat in enumerate(slide.stats):
            big = _title_paras(ctx, stat.value, width, role="hero" if single else "big", max_lines=1, align=align)
            if big is None:
                ctx.fail(path + ("stats", i, "value"), "does not fit its column at the minimum size",
                         "write the number short, e.g. '$150k' or '1.850'")
                return
            rest = [Item(stat.label, "entry-title", (("align", align),))]
            rest += [Item(stat.context, "secondary", (("align", align),))] if stat.context else []
            paras = fit(ctx, rest, width, limit - big.line - 12)
            if paras is None:
                ctx.fail(path + ("stats", i), "label and context do not fit at the minimum size",
                         "keep the label to about six words and the context to one line")
                return
            columns.append((big, paras))
        # All numbers at one size, so the row reads as one figure family.
        size = min(big.size for big, _ in columns)
        block = max(size * 1.05 + 12 + height(p) for _, p in columns)
        y = top + max(0.0, (limit - block) / 2 - 12)
        items = []
        gap = (ctx.geo.content_w - count * width) / max(1, count - 1) if count > 1 else 0
        for i, (big, paras) in enumerate(columns):
            x = ctx.geo.grid_x(2) if single else ctx.geo.left + i * (width + gap)
            big = Para(**{**big.__dict__, "size": size, "line": size * 1.05})
            rule_x = x + (width - 40) / 2 if single else x
            items.append(Shape(Box(rule_x, y, 40, 4), "rect", fill="accent", name="Rule"))
            items.append(_box([big], x, y + 14, width, "Number"))
            items.append(_box(paras, x, y + 14 + big.line + 12, width, "Label"))
        self.content("stats", slide.title, items, notes, path, slide.source, title_box)

    # -- compare: two columns -------------------------------------------------------------------
    def compare(self, slide: CompareSlide, path: tuple, notes: str) -> None:
        """Two columns that shrink together; too many bullets continue, both headings repeated."""
        ctx = self.ctx
        title_box = _headline(ctx, slide.title, path)
        top, limit = self.body_limit(title_box)
        width = ctx.geo.grid_w(6) - ctx.geo.gutter / 2
        colours = ("muted", "accent")

        def sides(rows: range) -> list[list[Item]]:
            return [[Item(side.heading, "entry-title", (("color", colour),))] +
                    [Item(b, "sub", _bulleted(colour)) for b in side.bullets[rows.start:rows.stop]]
                    for side, colour in zip((slide.left, slide.right), colours)]

        longest = max(len(slide.left.bullets), len(slide.right.bullets))
        pages = _chunks(longest, lambda rows: fit_pair(ctx, sides(rows), width, limit - 16) is not None)
        if not self.paged(pages, path, slide.title, "left", "the two columns do not fit at the minimum size",
                          "keep each side to three short bullets; move the explanation to the notes"):
            return
        for n, rows in enumerate(pages):
            both = fit_pair(ctx, sides(rows), width, limit - 16)
            items = []
            for i, paras in enumerate(both):
                x = ctx.geo.left + i * (width + 2 * ctx.geo.gutter)
                heading, rest = paras[0], paras[1:]
                items.append(_box([heading], x, top, width, "Heading"))
                rule_y = top + height([heading]) + 8
                items.append(Shape(Box(x, rule_y, width, 2), "rect", fill=("rule" if i == 0 else "accent"),
                                   name="Rule"))
                if rest:
                    items.append(_box(list(rest), x, rule_y + 14, width, "Column"))
            self.page("compare", slide.title, n, items, notes, path, slide.source, title_box)

    # -- steps: numbered circles joined by a line --------------------------------------------------
    def steps(self, slide: StepsSlide, path: tuple, notes: str) -> None:
        """Steps side by side; too many for one row continue on the next slide, numbers running on."""
        ctx = self.ctx
        title_box = _headline(ctx, slide.title, path)
        top, limit = self.body_limit(title_box)
        gap = ctx.geo.gutter
        circle = 56.0
        texts = [[Item(s.title, "step-title")] + ([Item(s.text, "secondary")] if s.text else [])
                 for s in slide.steps]

        def width(count: int) -> float:
            return (ctx.geo.content_w - (count - 1) * gap) / count

        def laid(rows: range):
            return fit_pair(ctx, texts[rows.start:rows.stop], width(len(rows)), limit - circle - 20)

        def whole_words(rows: range) -> bool:
            blocks = laid(rows)
            return blocks is not None and not any(_breaks_a_word(ctx, p, width(len(rows))) for b in blocks for p in b)

        # Fewer steps a slide rather than words broken inside a narrow column.
        pages = _chunks(len(texts), whole_words) or _chunks(len(texts), lambda rows: laid(rows) is not None)
        if not self.paged(pages, path, slide.title, "steps", "a step does not fit on a slide at the minimum size",
                          "shorten each step's text to about twelve words"):
            return
        number_style = ctx.theme.style("step-number")
        # Every page uses the first page's column width, so the steps line up from slide to slide.
        w = width(len(pages[0]))
        for n, rows in enumerate(pages):
            columns = fit_pair(ctx, texts[rows.start:rows.stop], w, limit - circle - 20)
            block = circle + 20 + max(height(c) for c in columns)
            y = top + max(0.0, (limit - block) / 3)
            items: list = []
            if len(rows) > 1:
                first_c = ctx.geo.left + circle / 2
                last_c = ctx.geo.left + (len(rows) - 1) * (w + gap) + circle / 2
                items.append(Shape(Box(first_c, y + circle / 2 - 1, last_c - first_c, 2), "rect", fill="rule",
                                   name="Connector"))
            for i, paras in zip(rows, columns):
                x = ctx.geo.left + (i - rows.start) * (w + gap)
                number = Para(text=str(i + 1), size=number_style.size, line=number_style.line,
                              color="on_accent", bold=True, align="c")
                items.append(Shape(Box(x, y, circle, circle), "oval", fill="accent", name=f"Step {i + 1}",
                                   text=TextBox(Box(x, y, circle, circle), (number,), "m", f"Step {i + 1}")))
                items.append(_box(paras, x, y + circle + 20, w, f"Step {i + 1} text"))
            self.page("steps", slide.title, n, items, notes, path, slide.source, title_box)

    # -- question: a discussion prompt on a tinted panel --------------------------------------------
    def question(self, slide: QuestionSlide, path: tuple, notes: str) -> None:
        ctx = self.ctx
        minutes = slide.minutes
        label = ctx.labels["discussion"] + (f" · {_minutes(minutes)} {ctx.labels['minutes']}" if minutes else "")
        self.activity("question", slide.title, label, [Item(slide.question, "question")],
                      [Item(p, "sub", _bulleted("accent")) for p in slide.prompts], path, notes, slide.source,
                      can_continue=True)

    def exercise(self, slide: ExerciseSlide, path: tuple, notes: str) -> None:
        ctx = self.ctx
        label = f"{ctx.labels['exercise']} · {_minutes(slide.minutes)} {ctx.labels['minutes']}"
        facts = []
        if slide.groups:
            facts.append(Item(f"{ctx.labels['groups']}: {slide.groups}", "body", _bulleted("accent")))
        if slide.deliverable:
            facts.append(Item(f"{ctx.labels['deliverable']}: {slide.deliverable}", "body", _bulleted("accent")))
        self.activity("exercise", slide.title, label, [Item(slide.task, "body", (("bold", True),))], facts,
                      path, notes, slide.source, can_continue=False)

    def activity(self, kind: str, title: str, label: str, lead: list[Item], rest: list[Item], path: tuple,
                 notes: str, source: str | None, can_continue: bool) -> None:
        """A tinted panel: the kind and minutes, the lead (question or task), then prompts or facts.

        A question's prompts may continue on a next slide under the same question; an exercise
        stays whole, since groups work from one slide."""
        ctx = self.ctx
        title_box = _headline(ctx, title, path)
        top, limit = self.body_limit(title_box)
        pad = 28.0
        width = ctx.geo.content_w - 2 * pad
        kicker = make_para(label.upper(), ctx.style("kicker"), width, ctx.theme.font)
        inner = limit - 2 * pad - height([kicker]) - kicker.after
        air = 12.0  # the lead and what follows shrink together; the lead gets extra air

        def laid(rows: range):
            return fit(ctx, lead + rest[rows.start:rows.stop], width, inner - air)

        whole = range(0, len(rest))
        pages = [whole] if laid(whole) is not None else (_chunks(len(rest), lambda r: laid(r) is not None)
                                                        if can_continue and rest else None)
        if not self.paged(pages, path, title, "question" if kind == "question" else "task",
                          "does not fit on the slide at the minimum size",
                          "keep it to one short sentence and at most three short prompts; put the rest in the notes"):
            return
        for n, rows in enumerate(pages):
            fitted = laid(rows)
            lead_paras = [Para(**{**p.__dict__, "after": p.after + air}) for p in fitted[:len(lead)]]
            paras = [kicker] + lead_paras + list(fitted[len(lead):])
            h = height(paras) + 2 * pad
            panel = Shape(Box(ctx.geo.left, top, ctx.geo.content_w, h), "rect", fill="soft", name="Panel")
            side = Shape(Box(ctx.geo.left, top, 6, h), "rect", fill="accent", name="Panel edge")
            text = _box(paras, ctx.geo.left + pad, top + pad, width, "Activity")
            self.page(kind, title, n, [panel, side, text], notes, path, source, title_box)

    # -- evidence: pictures, charts, tables (deck/evidence.py) ------------------------------------
    def image(self, slide, path: tuple, notes: str) -> None:
        from deck.layout import evidence
        evidence.image(self, slide, path, notes)

    def chart(self, slide, path: tuple, notes: str) -> None:
        from deck.layout import evidence
        evidence.chart(self, slide, path, notes)

    def table(self, slide, path: tuple, notes: str) -> None:
        from deck.layout import evidence
        evidence.table(self, slide, path, notes)

    # -- generated slides ------------------------------------------------------------------------
    def title_slide(self) -> None:
        ctx, outline = self.ctx, self.ctx.outline
        if ctx.geo.covers is not None:
            return self._template_title()
        width = ctx.geo.grid_w(10)
        title = _title_paras(ctx, outline.title, width, role="deck-title", max_lines=3)
        if title is None:
            ctx.fail(("title",), "does not fit on the title slide at the minimum size",
                     "shorten the deck title; use `subtitle:` for the rest")
            return
        subtitle = None
        if outline.subtitle:
            subtitle = _title_paras(ctx, outline.subtitle, width, role="deck-subtitle", max_lines=3)
            if subtitle is None:
                ctx.fail(("subtitle",), "does not fit on the title slide at the minimum size",
                         "shorten the subtitle to one line")
        meta = " · ".join(x for x in (outline.author, outline.organization, outline.date) if x)
        y = 190.0
        title_box = _box([title], ctx.geo.left, y, width, "Title")
        items: list = [Shape(Box(ctx.geo.left, y - 28, 64, 6), "rect", fill="cover_muted", name="Accent bar")]
        sub_box = None
        if subtitle:
            sub_box = _box([subtitle], ctx.geo.left, title_box.box.bottom + 20, width, "Subtitle")
        if meta:
            para = _one_line(ctx, make_para(meta, ctx.style("deck-meta"), ctx.geo.content_w, ctx.theme.font), ctx.geo.content_w)
            items.append(_box([para], ctx.geo.left, ctx.geo.bottom - 40, ctx.geo.content_w, "Meta"))
        items.extend(_cover_logo(ctx))
        notes = "\n\n".join(x for x in (outline.title, outline.subtitle, meta) if x)
        self.slides.append(SlidePlan(kind="title", layout="title", title=title_box, subtitle=sub_box,
                                     items=tuple(items), background=self.cover_background(), notes=notes, footer=False,
                                     path=()))

    def entries(self, kind: str, title: str, rows: list[tuple[str, str, str | None]], notes: str,
                message_role: str) -> None:
        """Agenda and recap: a kicker, a title and a message per section, in two columns."""
        ctx = self.ctx
        title_box = _headline(ctx, title, (kind,))
        top, limit = self.body_limit(title_box)
        # Up to three sections read best as a list; more as a grid of two or three columns.
        columns = 1 if len(rows) <= 3 else 2 if len(rows) == 4 else 3
        width = (ctx.geo.content_w - (columns - 1) * ctx.geo.gutter * 2) / columns
        laid = _entry_pages(rows, lambda page: self._entry_grid(page, width, columns, top, limit, message_role))
        if laid is None:
            ctx.fail((), f"the {kind} does not fit at the minimum size",
                     "shorten the sections' titles and messages")
            return
        if len(laid) > 1:
            ctx.notices.append(Message.notice(ctx.source.file, f"the {kind} continues on {len(laid)} slides",
                                              rule="fit-continued"))
        for n, items in enumerate(laid):
            page_title = title if n == 0 else self.continued(title)
            tbox = title_box if n == 0 else _headline(ctx, page_title, (kind,))
            self.content(kind, page_title, items, notes, (), None, tbox, kicker="")

    def _entry_grid(self, rows, width, columns, top, limit, message_role) -> list | None:
        """Entries in reading order, row by row; every row as tall as its tallest entry."""
        ctx = self.ctx
        gap = 24.0
        items = [[Item(k, "kicker")] + ([Item(t, "entry-title")] if t else []) +
                 ([Item(m, message_role)] if m else []) for k, t, m in rows]
        fitted = fit_pair(ctx, items, width, lambda hs: sum(_row_heights(hs, columns)) +
                          gap * (len(_row_heights(hs, columns)) - 1) <= limit)
        if fitted is None:
            return None
        row_h = _row_heights([height(p) for p in fitted], columns)
        out = []
        for i, paras in enumerate(fitted):
            row, col = divmod(i, columns)
            x = ctx.geo.left + col * (width + 2 * ctx.geo.gutter)
            y = top + sum(row_h[:row]) + gap * row
            out.append(Shape(Box(x, y, 40, 4), "rect", fill="accent", name="Rule"))
            out.append(_box(paras, x, y + 14, width, "Entry"))
        return out

    def divider(self, index: int, section: Section) -> None:
        ctx = self.ctx
        if ctx.geo.covers is not None:
            return self._template_divider(index, section)
        width = ctx.geo.grid_w(10)
        number_style = ctx.theme.style("divider-number")
        number = Para(text=f"{index + 1:02d}", size=number_style.size, line=number_style.line,
                      color=number_style.color, bold=True)
        title = _title_paras(ctx, section.title, width, role="divider-title", max_lines=2)
        if title is None:
            ctx.fail(("sections", index, "title"), "does not fit on the section divider at the minimum size",
                     "a section title is a few words")
            return
        y = 120.0
        items: list = [_box([number], ctx.geo.left, y, width, "Number")]
        title_box = _box([title], ctx.geo.left, y + number.line + 8, width, "Title")
        y = title_box.box.bottom + 20
        if section.message:
            message = _title_paras(ctx, section.message, width, role="divider-message", max_lines=3)
            if message is None:
                ctx.fail(("sections", index, "message"), "does not fit on the divider at the minimum size",
                         "the message is one sentence of about fifteen words")
            else:
                items.append(_box([message], ctx.geo.left, y, width, "Message"))
        self._add_divider(index, section, title_box, items)

    def _add_divider(self, index: int, section: Section, title_box: TextBox, items: list) -> None:
        """The divider with its progress bar and notes, whichever look placed its texts."""
        ctx = self.ctx
        items = items + self._progress(index, len(ctx.outline.sections))
        minutes = f"{ctx.labels['time']}: {_minutes(section.minutes)} {ctx.labels['minutes']}" \
            if section.minutes else ""
        notes = "\n\n".join(x for x in (section.title, section.message, minutes) if x)
        self.slides.append(SlidePlan(kind="divider", layout="content", title=title_box, items=tuple(items),
                                     background=self.cover_background(), notes=notes, footer=False,
                                     path=("sections", index)))

    def _progress(self, index: int, count: int) -> list:
        """Where we are in the argument: one segment per section, the current one bright; with
        more sections than fit as segments, one track with the current position marked."""
        if count > PROGRESS_SEGMENTS:
            return self._progress_track(index, count)
        ctx = self.ctx
        s = ctx.geo.scale
        gap = 8.0 * s
        seg = (ctx.geo.content_w - (count - 1) * gap) / count
        y = ctx.geo.bottom - 44 * s
        style = ctx.theme.style("footer")
        out = []
        labels_fit = True
        labels = []
        for i, section in enumerate(ctx.outline.sections):
            para = Para(text=section.title, size=style.size, line=style.line,
                        color="cover_ink" if i == index else "cover_muted", bold=i == index)
            lines = measure.line_count(section.title, ctx.theme.font, style.size, seg, bold=i == index)
            labels_fit &= lines <= 2
            labels.append(Para(**{**para.__dict__, "lines": lines}))
        for i in range(count):
            x = ctx.geo.left + i * (seg + gap)
            out.append(Shape(Box(x, y, seg, 5 * s), "rect", fill="cover_ink" if i == index else "cover_muted",
                             name=f"Progress {i + 1}"))
            if labels_fit:
                out.append(_box([labels[i]], x, y + 12 * s, seg, f"Progress label {i + 1}"))
        return out

    def _progress_track(self, index: int, count: int) -> list:
        """Three shapes whatever the count: the whole argument as a track, the current section's
        share of it bright, and "5 / 300" under that mark, kept inside the content width."""
        ctx = self.ctx
        s = ctx.geo.scale
        left, width = ctx.geo.left, ctx.geo.content_w
        y = ctx.geo.bottom - 44 * s
        mark_w = max(width / count, PROGRESS_MARK_MIN * s)  # a share too thin to see is widened
        mark_x = left + (width - mark_w) * index / (count - 1)
        style = ctx.theme.style("footer")
        text = f"{index + 1} / {count}"
        label_w = min(width, measure.text_width(text, ctx.theme.font, style.size, bold=True) + 8 * s)
        # Under the mark: from its left edge in the first half, up to its right edge in the second.
        first_half = index < count / 2
        label_x = mark_x if first_half else mark_x + mark_w - label_w
        label_x = min(max(label_x, left), left + width - label_w)
        label = Para(text=text, size=style.size, line=style.line, color="cover_ink", bold=True,
                     align="l" if first_half else "r")
        return [Shape(Box(left, y, width, 5 * s), "rect", fill="cover_muted", name="Progress track"),
                Shape(Box(mark_x, y, mark_w, 5 * s), "rect", fill="cover_ink", name=f"Progress {index + 1}"),
                _box([label], label_x, y + 12 * s, label_w, "Progress label")]

    def closing(self) -> None:
        ctx, outline = self.ctx, self.ctx.outline
        closing = outline.closing
        if ctx.geo.covers is not None:
            return self._template_closing()
        width = ctx.geo.grid_w(10)
        text = (closing.title if closing and closing.title else None) or ctx.labels["questions"]
        title = _title_paras(ctx, text, width, role="deck-title", max_lines=2)
        if title is None:
            ctx.fail(("closing", "title"), "does not fit on the closing slide at the minimum size",
                     "a closing title is a few words")
            return
        y = 170.0
        title_box = _box([title], ctx.geo.left, y, width, "Title")
        items: list = [Shape(Box(ctx.geo.left, y - 28, 64, 6), "rect", fill="cover_muted", name="Accent bar")]
        rest = []
        if closing and closing.text:
            rest.append(Item(closing.text, "deck-subtitle"))
        if closing and closing.contact:
            rest.append(Item(closing.contact, "deck-meta"))
        if rest:
            limit = ctx.geo.bottom - title_box.box.bottom - 24
            paras = fit(ctx, rest, width, limit)
            if paras is None:
                ctx.fail(("closing", "text"), "does not fit on the closing slide at the minimum size",
                         "keep the closing text to one or two sentences")
            else:
                items.append(_box(paras, ctx.geo.left, title_box.box.bottom + 24, width, "Text"))
        items.extend(_cover_logo(ctx))
        notes = "\n\n".join(x for x in (text, closing.text if closing else None) if x)
        self.slides.append(SlidePlan(kind="closing", layout="content", title=title_box, items=tuple(items),
                                     background=self.cover_background(), notes=notes, footer=False, path=("closing",)))

    # -- a template's covers: its own title, subtitle and section-header placeholders -------------
    def _cover_title(self, text: str, box: Box, align: str, role: str, max_lines: int) -> Para | None:
        """A title in a placeholder's box: shrunk to fit its height, or, at the floor, let the
        box grow away from its anchor."""
        ctx = self.ctx
        font = ctx.theme.title_font
        return (_title_paras(ctx, text, box.w, role=role, max_lines=max_lines, font=font, limit=box.h,
                             align=align)
                or _title_paras(ctx, text, box.w, role=role, max_lines=max_lines, font=font, align=align))

    def _template_title(self) -> None:
        outline = self.ctx.outline
        meta = " · ".join(x for x in (outline.author, outline.organization, outline.date) if x)
        texts = ([(outline.subtitle, "deck-subtitle")] if outline.subtitle else []) + \
            ([(meta, "deck-meta")] if meta else [])
        self._template_cover(
            "title", outline.title, 3,
            (("title",), "does not fit on the title slide at the minimum size",
             "shorten the deck title; use `subtitle:` for the rest"),
            texts,
            (("subtitle",), "does not fit on the title slide at the minimum size", "shorten the subtitle to one line"),
            "Subtitle", "\n\n".join(x for x in (outline.title, outline.subtitle, meta) if x), ())

    def _template_divider(self, index: int, section: Section) -> None:
        ctx = self.ctx
        covers, s = ctx.geo.covers, ctx.geo.scale
        title = self._cover_title(section.title, covers.divider_title, covers.divider_align, "divider-title", 2)
        if title is None:
            ctx.fail(("sections", index, "title"), "does not fit on the section divider at the minimum size",
                     "a section title is a few words")
            return
        title_box = _grown([title], covers.divider_title, covers.divider_anchor)
        items: list = []
        top_text = _text_top(title_box)
        if section.message:
            area = covers.divider_body or _below(ctx, title_box)
            paras = fit(ctx, [Item(section.message, "divider-message", (("align", covers.divider_body_align),))],
                        area.w, area.h)
            if paras is None:
                ctx.fail(("sections", index, "message"), "does not fit on the divider at the minimum size",
                         "the message is one sentence of about fifteen words")
            else:
                message = _box(paras, area.x, area.y, area.w, "Message", covers.divider_body_anchor, area.h)
                items.append(message)
                if message.box.y < title_box.box.y:  # the layout puts the text above the title
                    top_text = _text_top(message)
        # The section's number stands over the first text, where the layout leaves room.
        style = ctx.style("divider-number")
        room = top_text - ctx.geo.top - 8 * s
        size = min(style.size, room / style.leading)
        if size >= style.floor:
            number = Para(text=f"{index + 1:02d}", size=size, line=size * style.leading, color=style.color,
                          bold=True, align=covers.divider_align)
            items.insert(0, _box([number], title_box.box.x, top_text - number.line - 8 * s, title_box.box.w,
                                 "Number"))
        self._add_divider(index, section, title_box, items)

    def _template_closing(self) -> None:
        ctx, closing = self.ctx, self.ctx.outline.closing
        text = (closing.title if closing and closing.title else None) or ctx.labels["questions"]
        texts = ([(closing.text, "deck-subtitle")] if closing and closing.text else []) + \
            ([(closing.contact, "deck-meta")] if closing and closing.contact else [])
        self._template_cover(
            "closing", text, 2,
            (("closing", "title"), "does not fit on the closing slide at the minimum size",
             "a closing title is a few words"),
            texts,
            (("closing", "text"), "does not fit on the closing slide at the minimum size",
             "keep the closing text to one or two sentences"),
            "Text", "\n\n".join(x for x in (text, closing.text if closing else None) if x), ("closing",))

    def _template_cover(self, kind: str, title_text: str, max_lines: int, title_failure: tuple,
                        texts: list[tuple[str, str]], texts_failure: tuple, name: str, notes: str,
                        path: tuple) -> None:
        """A title or closing slide on the template's title layout: the title in its title
        placeholder, the other texts in its subtitle placeholder (or under the title)."""
        ctx = self.ctx
        covers = ctx.geo.covers
        title = self._cover_title(title_text, covers.title, covers.title_align, "deck-title", max_lines)
        if title is None:
            ctx.fail(*title_failure)
            return
        title_box = _grown([title], covers.title, covers.title_anchor)
        items: list = _cover_logo(ctx)
        sub_box = None
        if texts:
            area = covers.subtitle or _below(ctx, title_box)
            aligned = (("align", covers.subtitle_align),)
            paras = fit(ctx, [Item(text, role, aligned) for text, role in texts], area.w, area.h)
            if paras is None:
                ctx.fail(*texts_failure)
            elif covers.subtitle is not None:
                sub_box = _box(paras, area.x, area.y, area.w, name, h=area.h)
            else:
                items.append(_box(paras, area.x, area.y, area.w, name))
        self.slides.append(SlidePlan(kind=kind, layout="title", title=title_box, subtitle=sub_box,
                                     items=tuple(items), background=self.cover_background(), notes=notes,
                                     footer=False, path=path))


def _grown(paras: list[Para], box: Box, anchor: str) -> TextBox:
    """The paragraphs in a placeholder's box; a box too low for them grows away from its anchor."""
    need = height(paras)
    if need <= box.h:
        return _box(paras, box.x, box.y, box.w, "Title", anchor, box.h)
    y = {"b": box.bottom - need, "m": box.y - (need - box.h) / 2}.get(anchor, box.y)
    return _box(paras, box.x, max(0.0, y), box.w, "Title", anchor, need)


def _text_top(box: TextBox) -> float:
    """Where the text in a box begins, given its anchor."""
    free = box.box.h - height(list(box.paras))
    return box.box.y + {"b": free, "m": free / 2}.get(box.anchor, 0.0)


def _below(ctx: _Ctx, title: TextBox) -> Box:
    """The room under a title down to the bottom margin, when the layout has no second placeholder."""
    y = title.box.bottom + 16 * ctx.geo.scale
    return Box(title.box.x, y, title.box.w, max(0.0, ctx.geo.bottom - y))


COLUMNS_FOR = {1: 6, 2: 5, 3: 4, 4: 3}
BULLET_HANG = 26.0  # room for the bullet mark; the same at every size so lists align


def _bulleted(colour: str, level: int = 0) -> tuple:
    """Para options for a bullet (level 0) or a sub-bullet under it (level 1)."""
    mark = "•" if level == 0 else "–"
    return (("bullet", mark), ("bullet_color", colour), ("hang", BULLET_HANG),
            ("indent", BULLET_HANG * (level + 1)))


def _entry_pages(rows: list, lay) -> list | None:
    """The rows in pages of one size, as many per page as every page can hold: each page as
    `lay(rows)` gives it, or None when not even one row fits.

    A longer first page never fits where a shorter one does not (one more entry only adds
    height), so the largest first page is found by galloping and bisecting; the sizes from there
    down are tried page by page, each attempt stopping at the first page that does not fit. The
    pages are those of trying every size from all rows down, at a few layouts per page."""
    done: dict[tuple[int, int], list | None] = {}

    def page(start: int, stop: int) -> list | None:
        if (start, stop) not in done:
            done[start, stop] = lay(rows[start:stop])
        return done[start, stop]

    n = len(rows)
    if n and page(0, n) is not None:
        return [done[0, n]]
    fits, fails = 0, n  # the first page holds `fits` rows and not `fails`
    size = 1
    while size < fails and page(0, size) is not None:
        fits, size = size, size * 2
    fails = min(fails, size)
    while fails - fits > 1:
        middle = (fits + fails) // 2
        if page(0, middle) is not None:
            fits = middle
        else:
            fails = middle
    for per_page in range(fits, 0, -1):
        laid = []
        for start in range(0, n, per_page):
            laid.append(page(start, min(start + per_page, n)))
            if laid[-1] is None:
                break
        else:
            return laid
    return None


def _row_heights(heights: list[float], columns: int) -> list[float]:
    # 14 pt for the rule above each entry
    return [max(heights[i:i + columns]) + 14 for i in range(0, len(heights), columns)]


def _chunks(count: int, fits) -> list[range] | None:
    """The fewest pages, shared out evenly, on which every run of items `fits`; None if one item alone does not."""
    for n in range(count, 0, -1):
        pages = [range(i, min(i + n, count)) for i in range(0, count, n)]
        if all(fits(page) for page in pages):
            share, extra = divmod(count, len(pages))
            even, start = [], 0
            for k in range(len(pages)):  # 7 items on 2 pages: 4 and 3, not 6 and 1
                even.append(range(start, start + share + (1 if k < extra else 0)))
                start = even[-1].stop
            return even if all(fits(page) for page in even) else pages
    return None


def fit_pair(ctx: _Ctx, groups: list[list[Item]], width: float, fits) -> list[list[Para]] | None:
    """Blocks side by side, shrunk together: the largest common step where `fits(heights)`.

    `fits` is a limit in points for every block, or a test on the list of block heights. A step
    where some word is wider than its column (and would be broken inside) counts only when no
    smaller step avoids that: a smaller size reads better than "innovatieprojecte-n"."""
    if not callable(fits):
        limit = fits
        fits = lambda heights: max(heights) <= limit + 0.01  # noqa: E731
    styles = {item.role: ctx.style(item.role) for g in groups for item in g}
    steps = max(len(_sizes(s)) for s in styles.values())
    chopped = None
    for step in range(steps):
        blocks = [[_at_step(ctx, item, styles[item.role], step, width) for item in group] for group in groups]
        if fits([height(b) for b in blocks]):
            if not any(_breaks_a_word(ctx, p, width) for b in blocks for p in b):
                return blocks
            chopped = chopped or blocks
    return chopped


def _breaks_a_word(ctx: _Ctx, para: Para, width: float) -> bool:
    """Whether a word of the paragraph is wider than its line, so the line breaker must cut it."""
    room = width - para.indent
    return any(measure.text_width(word, ctx.theme.font, para.size, bold=para.bold) * SAFETY > room
               for word in para.text.split())


def _at_step(ctx: _Ctx, item: Item, style: Style, step: int, width: float) -> Para:
    size = max(style.floor, style.size - step * STEP_STEP)
    options = dict(item.options)
    return make_para(item.text, style.at(size), width, ctx.theme.font, **options)


def plan_deck(loaded: Loaded, theme: Theme, *, allow_small: bool = False, assets: dict | None = None) -> Planned:
    """Every slide of the deck, or a DeckError listing every text that cannot fit.

    `assets` holds the pixel size of every picture (deck.assets.collect), so layout reads no files."""
    outline = loaded.outline
    labels, known = labels_for(outline.language)
    ctx = _Ctx(outline, loaded.source, theme, labels, allow_small, assets or {})
    if not known:
        ctx.notices.append(Message.notice(loaded.source.file, f"language '{outline.language}' has no labels; "
                                          "using English", rule="language"))
    if allow_small:
        ctx.notices.append(Message.notice("--allow-small", f"floors lowered by {SMALL_ALLOWANCE:g} pt"))
    deck = _Deck(ctx)
    deck.title_slide()
    if outline.agenda:
        rows = []
        for timed in timing.section_times(outline):
            section = timed.section
            kicker = f"{timed.index + 1:02d}"
            if timed.clock is not None:
                kicker += f" · {timed.clock}"
            if section.minutes:
                kicker += f" · {_minutes(section.minutes)} {labels['minutes']}"
            rows.append((kicker, section.title, section.message))
        notes = "\n".join(f"{k}  {t}" for k, t, _ in rows)
        deck.entries("agenda", labels["agenda"], rows, notes, "secondary")
    for index, section in enumerate(outline.sections):
        deck.section = section
        if section.divider:
            deck.divider(index, section)
        for number, slide in enumerate(section.slides):
            path = ("sections", index, "slides", number)
            notes = notes_text(slide.notes, labels)
            getattr(deck, slide.kind)(slide, path, notes)
    deck.section = None
    if outline.recap:
        rows = [(f"{i + 1:02d} · {s.title}", "", s.message) for i, s in enumerate(outline.sections)
                if s.message]
        if rows:
            notes = "\n".join(f"{k}: {m}" for k, _, m in rows)
            deck.entries("recap", labels["recap"], rows, notes, "sub")
    deck.closing()
    if ctx.problems:
        raise DeckError(ctx.problems)
    return Planned(deck.slides, ctx.notices, outline.planned_minutes(), theme)
