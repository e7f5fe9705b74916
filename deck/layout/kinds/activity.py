"""question and exercise: a tinted panel with the kind and its minutes, the lead (the question
or the task), then prompts or facts.

The room needs every prompt at once, so prompts are never split: when the lead and its prompts do
not fit on one slide even at the floors, the lead stands alone first and then again, smaller, above
all its prompts."""
from __future__ import annotations

from deck.layout.context import Context
from deck.layout.fitting import Item, bulleted, fit, height, make_para, text_box
from deck.layout.furniture import body_area, headline, minutes
from deck.layout.slides import add_page, continuing, note_split
from deck.outline.model import ExerciseSlide, QuestionSlide
from deck.plan import Box, Para, Shape


def question(ctx: Context, slide: QuestionSlide, path: tuple, notes: str) -> None:
    label = ctx.labels["discussion"] + (f" · {minutes(slide.minutes)} {ctx.labels['minutes']}"
                                        if slide.minutes else "")
    _panel(ctx, "question", slide.headline, label, Item(slide.question, "question"),
           [Item(p, "sub", bulleted("accent")) for p in slide.prompts], path, notes, slide.source)


def exercise(ctx: Context, slide: ExerciseSlide, path: tuple, notes: str) -> None:
    label = f"{ctx.labels['exercise']} · {minutes(slide.minutes)} {ctx.labels['minutes']}"
    facts = []
    colon = ctx.labels["colon"]
    if slide.groups:
        facts.append(Item(f"{ctx.labels['groups']}{colon} {slide.groups}", "body", bulleted("accent")))
    if slide.deliverable:
        facts.append(Item(f"{ctx.labels['deliverable']}{colon} {slide.deliverable}", "body", bulleted("accent")))
    _panel(ctx, "exercise", slide.headline, label, Item(slide.task, "body", (("bold", True),)), facts,
           path, notes, slide.source)


def _panel(ctx: Context, kind: str, title: str, label: str, lead: Item, rest: list[Item], path: tuple,
           notes: str, source: str | None) -> None:
    g, sp = ctx.geo, ctx.geo.space
    title_box = later = headline(ctx, title, path)
    top, limit = body_area(ctx, title_box)
    pad = sp.panel_pad
    width = g.content_w - 2 * pad
    kicker = make_para(label.upper(), ctx.style("kicker"), width, ctx.theme.font)
    air = sp.lead_air  # the lead and what follows shrink together; the lead gets extra air

    def laid(items: list[Item], room: float, above: list[Para]) -> list[Para] | None:
        return fit(ctx, items, width, room - 2 * pad - height(above) - sum(p.after for p in above) - air)

    # Tried in turn until every page fits: all on one slide; the lead alone, then again small
    # above all of what follows (the label with the minutes stays on the first); the same with
    # what follows small too. A lead too long for its own style (a task of a hundred words) is
    # set smaller first, never cut or split: groups work from one slide.
    lead_alone = next((item for item in (lead, _as(lead, "sub"), _small(lead)) if laid([item], limit, [kicker])),
                      None)
    field_name = "question" if kind == "question" else "task"
    if lead_alone is None:
        ctx.fail(path + (field_name,), "does not fit on the slide at the minimum size",
                 "keep it to a few sentences; put the rest in a handout or the notes")
        return
    options = [[([kicker], [lead_alone] + rest)]]
    if rest:
        options += [[([kicker], [lead_alone]), ([], [_small(lead)] + rest)],
                    [([kicker], [lead_alone]), ([], [_small(lead)] + [_small(item) for item in rest])]]
    if rest and kind == "exercise":  # the groups and deliverable read well on their own
        options.append([([kicker], [lead_alone]), ([kicker], rest)])
    for n, pages in enumerate(options):
        if n == 1:
            later, top, limit = continuing(ctx, title, path, title_box)
        fitted = [laid(items, limit, above) for above, items in pages]
        if None not in fitted:
            break
    if None in fitted:
        ctx.fail(path + ("prompts" if kind == "question" else field_name,),
                 "does not fit on one slide with the question, even with the question small"
                 if kind == "question" else "with the groups and deliverable does not fit on two slides",
                 "use fewer or shorter prompts (they stay together on one slide); put the rest in the notes"
                 if kind == "question" else "shorten the groups and deliverable; put the detail in the notes")
        return
    if len(pages) > 1:
        note_split(ctx, path, title, len(pages))
    for n, ((above, _), body) in enumerate(zip(pages, fitted, strict=True)):
        assert body is not None
        lead_paras = [body[0]._replace(after=body[0].after + air)]
        paras = above + lead_paras + list(body[1:])
        h = height(paras) + 2 * pad
        panel = Shape(Box(g.left, top, g.content_w, h), "rect", fill="soft", name="Panel")
        side = Shape(Box(g.left, top, sp.bar, h), "rect", fill="accent", name="Panel edge")
        text = text_box(paras, g.left + pad, top + pad, width, "Activity")
        add_page(ctx, kind, title, n, [panel, side, text], notes, path, source, title_box, later)


def _as(item: Item, role: str) -> Item:
    return Item(item.text, role, item.options)


def _small(item: Item) -> Item:
    """The item at the size of secondary text, in the ink colour: still read from the back."""
    return Item(item.text, "secondary", item.options + (("color", "ink"),))
