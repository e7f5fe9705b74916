"""Stage 3, layout: (Outline, Theme) -> positioned, measured slide plans. Pure: no pptx, no files.

In: a loaded outline, the theme chosen for it, and the pixel sizes of its pictures. Out: `Planned`
(every slide as a deck.plan.SlidePlan, the notices, the planned minutes), or a DeckError listing
every text that cannot fit, each with its outline line.

Fit policy, the same for every kind of text (deck.layout.fitting, deck.layout.paging):
  1. set it at the theme's preferred size;
  2. shrink in 2 pt steps, every style in the block together, down to each style's floor;
  3. kinds that can continue (bullets, compare, steps, question prompts, agenda, recap, tables)
     carry the rest onto a slide titled "… (continued)" in the deck's language;
  4. texts that cannot continue (a headline, a statement, a quote, a big number) are a
     DeckError naming the outline line, unless `allow_small` lowers the floors once by 4 pt;
     on a template, a slide that does not fit at its floors is first laid out again with every
     floor at the readable minimum (deck.look.template.theme), and a refusal names the template.

Every position comes from the theme's Geometry (deck.look.theme): deck's own 16:9 grid, or a
template's canvas and placeholders, with the distances inside kinds in its Spacing.
"""
from __future__ import annotations

from collections.abc import Callable

from deck.errors import DeckError, Message
from deck.layout.context import SMALL_ALLOWANCE, Context, Planned
from deck.layout.covers import closing, title_slide
from deck.layout.dividers import divider
from deck.layout.entries import add_entries
from deck.layout.furniture import check_sources, minutes, notes_text
from deck.layout.kinds import KINDS
from deck.look.brand import highlight_clash
from deck.look.theme import Theme
from deck.outline import timing
from deck.outline.labels import labels_for
from deck.outline.reader import Loaded

__all__ = ["Planned", "plan_deck"]


def plan_deck(loaded: Loaded, theme: Theme, *, allow_small: bool = False, assets: dict | None = None) -> Planned:
    """Every slide of the deck, or a DeckError listing every text that cannot fit.

    `assets` holds the pixel size of every picture (deck.outline.assets.collect), so layout reads no files."""
    outline = loaded.outline
    labels, known = labels_for(outline.language, outline.labels)
    ctx = Context(outline, loaded.source, theme, labels, allow_small, assets or {})
    if not known:
        ctx.notices.append(Message.notice(loaded.source.file, f"language '{outline.language}' has no labels; "
                                          "using English", rule="language"))
    if allow_small:
        ctx.notices.append(Message.notice("--allow-small", f"floors lowered by {SMALL_ALLOWANCE:g} pt"))
    check_sources(ctx)
    _laid_out(ctx, "title", ("title",), title_slide, ctx)
    if outline.agenda:
        _laid_out(ctx, "agenda", ("agenda",), _agenda, ctx)
    for index, (section, number) in enumerate(zip(outline.sections, outline.numbers(), strict=True)):
        ctx.section = section
        if section.divider and number is not None:  # a break has no divider
            _laid_out(ctx, "divider", ("sections", index), divider, ctx, index, section, number)
        for number, slide in enumerate(section.slides):
            path = ("sections", index, "slides", number)
            _laid_out(ctx, slide.kind, path, KINDS[slide.kind], ctx, slide, path, notes_text(slide.notes, labels))
    ctx.section = None
    if outline.recap:
        _laid_out(ctx, "recap", ("recap",), _recap, ctx)
    _laid_out(ctx, "closing", ("closing",), closing, ctx)
    clash = highlight_clash(theme, outline, loaded.source, ctx.slides)
    if clash is not None:
        ctx.notices.append(clash)
    if ctx.problems:
        raise DeckError(ctx.problems)
    return Planned(ctx.slides, ctx.notices, outline.planned_minutes(), theme)


def _laid_out(ctx: Context, kind: str, path: tuple, lay_out: Callable[..., None], *args) -> None:
    """Lay out one slide of the outline (with its continuations). On a template, one that does not
    fit at the floors is laid out again with every floor at the readable minimum (the template's
    owner chose its small text); what still does not fit is refused naming the template."""
    marks = len(ctx.slides), len(ctx.problems), len(ctx.notices)
    lay_out(*args)
    template = ctx.theme.template
    if template is None or len(ctx.problems) == marks[1]:
        return
    del ctx.slides[marks[0]:], ctx.problems[marks[1]:], ctx.notices[marks[2]:]
    with ctx.readable_minimum():
        lay_out(*args)
    minimum, headline = ctx.theme.style("body").minimum, ctx.theme.style("title").minimum
    if len(ctx.problems) == marks[1]:
        ctx.notices.append(ctx.source.notice(path, f"set below the template's usual text size (never under "
                                                   f"{minimum:g} pt, {headline:g} pt for headlines) so that it "
                                                   "fits; a roomier layout under `layouts:` keeps it larger"))
        return
    layout = template.layout(template.mapping[kind]).name if kind in template.mapping else None
    least = f"{minimum or 0:g} pt, {headline or 0:g} pt for headlines"
    ctx.problems[marks[1]:] = [_on_template(p, kind, layout, least) for p in ctx.problems[marks[1]:]]


def _on_template(problem: Message, kind: str, layout: str | None, least: str) -> Message:
    """A refusal for lack of room, told as the template's constraint first, the text's last."""
    if "fit" not in problem.message:
        return problem
    where = f"its layout '{layout}'" if layout else "its layout"
    hint = (f"the template is the constraint: {where} leaves too little room for this even at "
            f"the readable minimum ({least}); choose a roomier layout (`layouts: {{{kind}: NAME}}`; "
            "`deck template inspect` lists them), use fewer items, or allow smaller text with --allow-small")
    if problem.hint:
        hint += f"; or {problem.hint}"
    return problem._replace(hint=hint)


def _agenda(ctx: Context) -> None:
    """One entry per section, numbered, with its clock time and minutes (a break without a
    number); the workshop's opening and close, when planned, stand in the kicker row above the
    headline, without a number. Sections' `short:` titles stand in for their titles when the
    full titles take the agenda onto more slides than the short ones do."""
    opening, close = timing.opening(ctx.outline), timing.close(ctx.outline)
    before = [_outside(ctx, opening, "opening")] if opening else []
    after = [_outside(ctx, close, "close")] if close else []
    kicker = " · ".join(before + after)

    def laid(short: bool) -> tuple[list, list, list]:
        """The agenda's slides, notices and problems, taken back out of the deck to compare."""
        marks = len(ctx.slides), len(ctx.notices), len(ctx.problems)
        rows = _agenda_rows(ctx, short)
        add_entries(ctx, "agenda", ctx.labels["agenda"], rows, _agenda_notes(before, rows, after), "secondary",
                    kicker=kicker, brief=True)
        added = ctx.slides[marks[0]:], ctx.notices[marks[1]:], ctx.problems[marks[2]:]
        del ctx.slides[marks[0]:], ctx.notices[marks[1]:], ctx.problems[marks[2]:]
        return added

    chosen = laid(short=False)
    if len(chosen[0]) > 1 or chosen[2]:
        if any(s.short for s in ctx.outline.sections):
            shorter = laid(short=True)
            if (len(shorter[2]), len(shorter[0])) < (len(chosen[2]), len(chosen[0])):
                chosen = shorter
    ctx.slides.extend(chosen[0])
    ctx.notices.extend(chosen[1])
    ctx.problems.extend(chosen[2])


def _agenda_rows(ctx: Context, short: bool) -> list[tuple[str, str, str | None]]:
    rows = []
    for timed in timing.section_times(ctx.outline):
        section = timed.section
        parts = [f"{timed.number:02d}"] if timed.number is not None else []
        if timed.clock is not None:
            parts.append(timed.clock)
        if section.minutes:
            parts.append(f"{minutes(section.minutes)} {ctx.labels['minutes']}")
        rows.append((" · ".join(parts), section.short_title if short else section.title, section.message))
    return rows


def _agenda_notes(before: list[str], rows: list[tuple[str, str, str | None]], after: list[str]) -> str:
    return "\n".join(before + [f"{k}  {t}".strip() for k, t, _ in rows] + after)


def _outside(ctx: Context, outside: timing.Outside, label: str) -> str:
    """"Opening 09:30 (5 min)": the agenda's words for time outside the sections."""
    when = f" {outside.clock}" if outside.clock else ""
    return f"{ctx.labels[label]}{when} ({minutes(outside.minutes)} {ctx.labels['minutes']})"


def _recap(ctx: Context) -> None:
    rows: list[tuple[str, str, str | None]] = [
        (f"{n:02d} · {s.short_title}", "", s.message)
        for s, n in zip(ctx.outline.sections, ctx.outline.numbers(), strict=True) if s.message and n is not None]
    if rows:
        notes = "\n".join(f"{k}{ctx.labels['colon']} {m}" for k, _, m in rows)
        add_entries(ctx, "recap", ctx.labels["recap"], rows, notes, "sub")
