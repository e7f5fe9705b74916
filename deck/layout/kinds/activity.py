"""question and exercise: a tinted panel with the kind and its minutes, the lead (the question
or the task), then prompts or facts.

A question's prompts may continue on a next slide under the same question; an exercise stays
whole, since groups work from one slide."""
from __future__ import annotations

from deck.layout import paging
from deck.layout.context import Context
from deck.layout.fitting import Item, bulleted, fit, height, make_para, text_box
from deck.layout.furniture import body_area, headline, minutes
from deck.layout.slides import add_page, paged
from deck.outline.model import ExerciseSlide, QuestionSlide
from deck.plan import Box, Para, Shape


def question(ctx: Context, slide: QuestionSlide, path: tuple, notes: str) -> None:
    label = ctx.labels["discussion"] + (f" · {minutes(slide.minutes)} {ctx.labels['minutes']}"
                                        if slide.minutes else "")
    _panel(ctx, "question", slide.headline, label, [Item(slide.question, "question")],
           [Item(p, "sub", bulleted("accent")) for p in slide.prompts], path, notes, slide.source,
           can_continue=True)


def exercise(ctx: Context, slide: ExerciseSlide, path: tuple, notes: str) -> None:
    label = f"{ctx.labels['exercise']} · {minutes(slide.minutes)} {ctx.labels['minutes']}"
    facts = []
    colon = ctx.labels["colon"]
    if slide.groups:
        facts.append(Item(f"{ctx.labels['groups']}{colon} {slide.groups}", "body", bulleted("accent")))
    if slide.deliverable:
        facts.append(Item(f"{ctx.labels['deliverable']}{colon} {slide.deliverable}", "body", bulleted("accent")))
    _panel(ctx, "exercise", slide.headline, label, [Item(slide.task, "body", (("bold", True),))], facts,
           path, notes, slide.source, can_continue=False)


def _panel(ctx: Context, kind: str, title: str, label: str, lead: list[Item], rest: list[Item], path: tuple,
           notes: str, source: str | None, can_continue: bool) -> None:
    g, sp = ctx.geo, ctx.geo.space
    title_box = headline(ctx, title, path)
    top, limit = body_area(ctx, title_box)
    pad = sp.panel_pad
    width = g.content_w - 2 * pad
    kicker = make_para(label.upper(), ctx.style("kicker"), width, ctx.theme.font)
    inner = limit - 2 * pad - height([kicker]) - kicker.after
    air = sp.lead_air  # the lead and what follows shrink together; the lead gets extra air

    def laid(rows: range) -> list[Para] | None:
        return fit(ctx, lead + rest[rows.start:rows.stop], width, inner - air)

    whole = range(0, len(rest))
    pages = [whole] if laid(whole) is not None else (paging.chunks(len(rest), lambda r: laid(r) is not None)
                                                    if can_continue and rest else None)
    if not paged(ctx, pages, path, title, "question" if kind == "question" else "task",
                 "does not fit on the slide at the minimum size",
                 "keep it to one short sentence and at most three short prompts; put the rest in the notes"):
        return
    assert pages is not None
    for n, rows in enumerate(pages):
        fitted = laid(rows) or []
        lead_paras = [Para(**{**p.__dict__, "after": p.after + air}) for p in fitted[:len(lead)]]
        paras = [kicker] + lead_paras + list(fitted[len(lead):])
        h = height(paras) + 2 * pad
        panel = Shape(Box(g.left, top, g.content_w, h), "rect", fill="soft", name="Panel")
        side = Shape(Box(g.left, top, sp.bar, h), "rect", fill="accent", name="Panel edge")
        text = text_box(paras, g.left + pad, top + pad, width, "Activity")
        add_page(ctx, kind, title, n, [panel, side, text], notes, path, source, title_box)
