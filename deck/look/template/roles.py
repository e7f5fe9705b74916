"""Which layout of a corporate template each slide kind uses, and the listing of
`deck template inspect`. Pure: reading the file is deck.look.template.read's job.

Layouts are chosen by what they contain, never by their names (which are localised: "Titeldia",
"Titel en object") or their order:

    cover     a title and a subtitle                 -> title slide, closing (and dividers, failing a section layout)
    section   a title and one text body no taller than the title -> section dividers
    content   a title and one body/content placeholder -> bullets
    two       a title and two content placeholders side by side (or a heading over each) -> compare
    picture   a title and a picture placeholder      -> image, failing a title-only layout
    title     a title and nothing else               -> every other kind (and image)

An outline's `layouts:` mapping (slide kind -> layout name) overrides the choice.
"""
from __future__ import annotations

from dataclasses import replace

from deck.errors import DeckError, Message
from deck.look.template.model import FOOTER_TYPES, Layout, Template, side_by_side
from deck.outline.model import SLIDE_KINDS

GENERATED_KINDS = ("title", "agenda", "divider", "recap", "closing")
KINDS = GENERATED_KINDS + tuple(SLIDE_KINDS)

# Which layout roles serve a slide kind, best first; any layout with a title is the last resort.
_PREFERENCES = {
    "title": ("cover", "section", "title", "content"),
    "closing": ("cover", "section", "title", "content"),
    "divider": ("section", "cover", "title", "content"),
    "bullets": ("content", "title", "two"),
    "compare": ("two", "comparison", "title", "content"),
    # deck sizes and crops a picture itself, in the body area under the headline: a layout
    # that puts its title beside a picture placeholder would fight that, so it comes second.
    "image": ("title", "picture", "content"),
}
_DEFAULT_PREFERENCE = ("title", "content", "two", "section", "cover")


def role(layout: Layout) -> str | None:
    """What the layout is for, judged by its placeholders (see the module docstring)."""
    title = layout.title
    if title is None:
        return None
    others = [p for p in layout.placeholders if not p.is_title and p.type not in FOOTER_TYPES]
    contents = layout.contents
    subtitles = layout.of_type("subTitle")
    pictures = layout.of_type("pic")
    if subtitles and len(others) == len(subtitles) == 1:
        return "cover"
    if pictures and len(pictures) == 1 and len(others) <= 2:
        return "picture"
    if not others:
        return "title"
    if len(others) == 1 and len(contents) == 1:
        body = contents[0]
        # A section header has a text body about as tall as its title; a content layout's
        # body is the big area.
        if body.type == "body" and title.box and body.box and body.box.h <= 1.5 * title.box.h:
            return "section"
        return "content"
    if len(others) == len(contents) == 2 and side_by_side(contents):
        return "two"
    if len(others) == len(contents) == 4 and len(layout.two_columns() or ()) == 2:
        return "comparison"  # a heading and a content placeholder per side
    return None


def choose_layouts(template: Template, overrides: dict[str, str] | None = None,
                   problem=None) -> Template:
    """The template with every slide kind mapped to a layout: by role, or by the outline's
    `layouts:` names. `problem(path, message, hint)` makes the message for an override."""
    problem = problem or (lambda path, message, hint: Message(template.shown, None, path, message, hint))
    titled = [layout for layout in template.layouts if layout.title is not None]
    if not titled:
        raise DeckError(Message(template.shown, None, (), "has no slide layout with a title placeholder",
                                "every slide needs a real title: add a layout with a title in PowerPoint's "
                                "Slide Master view, or use another template"))
    # A template with several masters (LibreOffice saves one per page style) keeps its content
    # slides on the master whose content layout gives the most room; its layouts come first.
    main = _main_master(titled)
    titled.sort(key=lambda layout: (layout.master != main, layout.master, layout.index))
    by_role: dict[str, Layout] = {}
    for layout in titled:
        purpose = role(layout)
        if purpose is not None:  # always so: every layout here has a title
            by_role.setdefault(purpose, layout)
    mapping = {}
    for kind in KINDS:
        roles = _PREFERENCES.get(kind, _DEFAULT_PREFERENCE)
        chosen = next((by_role[r] for r in roles if r in by_role), titled[0])
        mapping[kind] = (chosen.master, chosen.index)
    problems = []
    for kind, name in (overrides or {}).items():
        path = ("layouts", kind)
        if kind not in KINDS:
            problems.append(problem(path, f"'{kind}' is not a slide kind",
                                    f"use one of: {', '.join(KINDS)}"))
            continue
        named = [layout for layout in template.layouts if layout.name == name]
        if not named:
            names = ", ".join(f"'{n}'" for n in dict.fromkeys(layout.name for layout in template.layouts))
            problems.append(problem(path, f"the template has no layout named '{name}'",
                                    f"its layouts: {names} (`deck template inspect` lists them)"))
            continue
        with_title = [layout for layout in named if layout.title is not None]
        if not with_title:
            problems.append(problem(path, f"layout '{name}' has no title placeholder",
                                    "every slide needs a real title: choose a layout with a title"))
            continue
        mapping[kind] = (with_title[0].master, with_title[0].index)
    if problems:
        raise DeckError(problems)
    return replace(template, mapping=mapping)


def _main_master(titled: list[Layout]) -> int:
    def room(layout: Layout) -> float:
        return max((p.box.w * p.box.h for p in layout.contents if p.box), default=0.0)

    contents = [layout for layout in titled if role(layout) == "content"]
    return max(contents, key=room).master if contents else titled[0].master


# --- for `deck template inspect` -----------------------------------------------------------

def describe(template: Template) -> list[str]:
    """Masters, layouts and placeholders, and the layout each slide kind gets."""
    out = [f"{template.shown}: {template.format}, {template.width:g} x {template.height:g} pt "
           f"({_ratio(template.width, template.height)}), fonts: headings {template.major_font or '-'}, "
           f"body {template.minor_font or '-'}"]
    for m, master in enumerate(template.masters):
        out.append(f"master {m + 1}: {master.name or '(unnamed)'}")
        for layout in master.layouts:
            out.append(f"  layout '{layout.name}'  [{role(layout) or '-'}]  background #{layout.background}")
            for p in layout.placeholders:
                box = (f"{p.box.x:g},{p.box.y:g} {p.box.w:g} x {p.box.h:g} pt" if p.box else "inherits no box")
                size = f", {p.size:g} pt" if p.size else ""
                out.append(f"    {p.type:<8} idx {p.idx:<3} {box}{size}")
    if template.mapping:
        out.append("slide kinds -> layouts:")
        for kind in KINDS:
            layout = template.layout_for(kind)
            where = f" (master {layout.master + 1})" if len(template.masters) > 1 else ""
            out.append(f"  {kind:<10} {layout.name}{where}")
    return out


def _ratio(width: float, height: float) -> str:
    for name, value in (("16:9", 16 / 9), ("16:10", 16 / 10), ("4:3", 4 / 3)):
        if abs(width / height - value) < 0.01:
            return name
    return f"{width / height:.2f}:1"
