"""Which layout of a corporate template each slide kind uses, and the listing of
`deck template inspect`. Pure: reading the file is deck.look.template.read's job.

Layouts are chosen by what they can serve (deck.look.template.capability), never by their names
(which are localised: "Titeldia", "Titel en object") or their order. Among the layouts that
qualify for a role, the one whose content area gets the most of the slide wins; a tie goes to the
earlier layout.

    cover     -> title slide, closing (and dividers, failing a section layout: another cover than
                 the title slide's where there is one)
    section   -> section dividers
    content   -> bullets; chart and table, when its headline stands where the title layout's does
    two       -> compare
    picture   -> image, when its picture stands under the headline where a body would; else
                 image takes a title layout first
    title     -> every other kind (and image)

An outline's `layouts:` mapping (slide kind -> layout name) overrides the choice.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from deck.errors import DeckError, Message
from deck.look.template.capability import ROLES, Fit, judge, main_picture
from deck.look.template.model import Layout, Template
from deck.outline.model import SLIDE_KINDS

GENERATED_KINDS = ("title", "agenda", "divider", "recap", "closing")
KINDS = GENERATED_KINDS + tuple(SLIDE_KINDS)

# Which layout roles serve a slide kind, best first; any layout with a title is the last resort.
_PREFERENCES = {
    "title": ("cover", "section", "title", "content"),
    "closing": ("cover", "section", "title", "content"),
    "divider": ("section", "cover", "title", "content"),
    "bullets": ("content", "title", "two"),
    "compare": ("two", "title", "content"),
    # deck shows a picture in the body area under the headline: a layout that puts its title
    # beside or under a picture placeholder would fight that, so it comes second (see _roles_for).
    "image": ("title", "picture", "content"),
}
# A picture layout shaped like a content layout (its picture under the headline) comes first.
_GOOD_PICTURE = ("picture", "title", "content")
# A chart or table is what a content placeholder holds (PowerPoint's "Insert Chart" icon in it):
# on the content layout it becomes the placeholder's content, as a user would put it there.
_IN_CONTENT = ("content", "title", "two", "section", "cover")
_CONTENT_KINDS = ("chart", "table")
# The layout types (sldLayout/@type) that name a role: among the layouts that qualify, one its
# author made for the role comes first (a Google Slides "BIG_NUMBER" layout also qualifies as a
# section, but its "SECTION_HEADER" is the section).
DECLARED = {"cover": ("title",), "section": ("secHead",), "content": ("obj", "tx", "objOnly"),
            "two": ("twoObj", "twoTxTwoObj", "twoColTx"), "picture": ("picTx",), "title": ("titleOnly",)}
_DEFAULT_PREFERENCE = ("title", "content", "two", "section", "cover")


def role(layout: Layout, template: Template) -> str | None:
    """The role the layout serves best (the first of its qualifying roles), or None."""
    fits, _ = judge(layout, template.width, template.height)
    return fits[0].role if fits else None


def candidates(template: Template) -> dict[str, list[tuple[Layout, Fit]]]:
    """For every role, the layouts that qualify, best first: the layouts of the main master
    before the others, then by the room they give the content, then in their order."""
    titled = [layout for layout in template.layouts if layout.title is not None]
    main = _main_master(titled, template)
    ranked: dict[str, list[tuple[Layout, Fit]]] = {r: [] for r in ROLES}
    for layout in titled:
        for fit in judge(layout, template.width, template.height)[0]:
            ranked[fit.role].append((layout, fit))
    # The deck's colours are judged once for all its slides: a layout on another background than
    # most (a "Dark Title and Content" beside the usual light one) loses to one on the usual.
    usual = Counter(_behind_title(layout) for layout in titled).most_common(1)[0][0] if titled else None
    for r, entries in ranked.items():
        content = ranked["content"][0][0] if r == "title" and ranked["content"] else None
        # a title layout is best with nothing else on it: whatever is there is removed from the slide
        entries.sort(key=lambda lf: (lf[0].master != main, _off(lf[0], content), lf[0].declared not in DECLARED[r],
                                     lf[1].extras, -lf[1].prominence,
                                     r not in ("cover", "section") and _behind_title(lf[0]) != usual,
                                     -round(lf[1].score, 3), lf[0].master, lf[0].index))
    return ranked


def _behind_title(layout: Layout) -> str:
    """The colour the layout's headline first stands on."""
    title = layout.title
    return layout.behind(title.box if title else None, title)[0]


def _off(layout: Layout, content: Layout | None) -> bool:
    """Whether a title layout puts its headline elsewhere than the content layout does (deck draws
    every kind's body under the same headline)."""
    if content is None or content.title is None or content.title.box is None or layout.title is None \
            or layout.title.box is None:
        return False
    a, b = layout.title.box, content.title.box
    return abs(a.x - b.x) > 12 or abs(a.y - b.y) > 12 or abs(a.w - b.w) > 24


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
    ranked = candidates(template)
    main = _main_master(titled, template)
    fallback = min(titled, key=lambda layout: (layout.master != main, layout.master, layout.index))
    mapping: dict[str, tuple[int, int]] = {}
    for kind in KINDS:
        roles = _roles_for(kind, ranked, template)
        chosen = next((ranked[r][0][0] for r in roles if ranked[r]), fallback)
        if kind == "divider" and not ranked["section"]:
            chosen = _other_cover(chosen, ranked["cover"], mapping.get("title"))
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


def _roles_for(kind: str, ranked: dict[str, list[tuple[Layout, Fit]]], template: Template) -> tuple[str, ...]:
    """The roles that serve a slide kind, best first. An image slide takes the picture layout
    first when that layout puts its headline where content slides have it and its picture under
    it, as big as a body: the picture then fills the template's own frame. A chart or table takes
    the content layout first unless that layout puts its headline elsewhere than the title layout
    does (the slides drawn under a headline then keep theirs in one place)."""
    content = ranked["content"][0][0] if ranked["content"] else None
    if kind in _CONTENT_KINDS and content is not None:
        title = ranked["title"][0][0] if ranked["title"] else None
        if title is None or not _off(title, content):
            return _IN_CONTENT
    if kind == "image" and ranked["picture"]:
        layout = ranked["picture"][0][0]
        if main_picture(layout, template.width, template.height) is not None and not _off(layout, content):
            return _GOOD_PICTURE
    return _PREFERENCES.get(kind, _DEFAULT_PREFERENCE)


def _other_cover(chosen: Layout, covers: list[tuple[Layout, Fit]], title: tuple[int, int] | None) -> Layout:
    """Dividers on a template without a section layout: another of its covers than the title
    slide's, where it has one (a filled variant beside a clean one), so that a new section looks
    like one; a cover on another background first."""
    if (chosen.master, chosen.index) != title:
        return chosen
    others = [layout for layout, _ in covers if (layout.master, layout.index) != title]
    if not others:
        return chosen
    return next((layout for layout in others if _behind_title(layout) != _behind_title(chosen)), others[0])


def _main_master(titled: list[Layout], template: Template) -> int:
    """A template with several masters (LibreOffice saves one per page style) keeps its content
    slides on the master whose content layout gives the most room."""
    best = (0.0, titled[0].master)
    for layout in titled:
        for fit in judge(layout, template.width, template.height)[0]:
            if fit.role == "content" and fit.score > best[0]:
                best = (fit.score, layout.master)
    return best[1]


# --- for `deck template inspect` -----------------------------------------------------------

def describe(template: Template) -> list[str]:
    """Masters, layouts and placeholders, what each layout qualifies for, the ranking per role
    (and why the others lost), and the layout each slide kind gets."""
    out = [f"{template.shown}: {template.format}, {template.width:g} x {template.height:g} pt "
           f"({_ratio(template.width, template.height)}), fonts: headings {template.major_font or '-'}, "
           f"body {template.minor_font or '-'}"]
    for m, master in enumerate(template.masters):
        out.append(f"master {m + 1}: {master.name or '(unnamed)'}")
        for layout in master.layouts:
            fits, why_not = judge(layout, template.width, template.height)
            out.append(f"  layout '{layout.name}'  [{fits[0].role if fits else '-'}]  background #{layout.background}")
            if fits:
                out.append("    serves " + "; ".join(f"{f.role} {f.score:.0%} ({f.why})" for f in fits))
            else:
                out.append(f"    serves no role: {why_not}")
            for p in layout.placeholders:
                box = (f"{p.box.x:g},{p.box.y:g} {p.box.w:g} x {p.box.h:g} pt" if p.box else "inherits no box")
                size = f", {p.size:g} pt" if p.size else ""
                out.append(f"    {p.type:<8} idx {p.idx:<3} {box}{size}")
    if not template.mapping:
        return out
    ranked = candidates(template)
    main = _main_master([layout for layout in template.layouts if layout.title is not None], template)
    out.append("roles, best first (the share of the slide the content area gets):")
    for r in ROLES:
        entries = ranked[r]
        if not entries:
            out.append(f"  {r:<8} no layout qualifies")
            continue
        best = entries[0]
        lost = [f"'{layout.name}' {fit.score:.0%}{_lost(layout, fit, best, main, r, ranked)}"
                for layout, fit in entries[1:6]]
        more = f", {len(entries) - 6} more" if len(entries) > 6 else ""
        out.append(f"  {r:<8} '{best[0].name}' {best[1].score:.0%}"
                   + (f"; then {', '.join(lost)}{more}" if lost else ""))
    out.append("slide kinds -> layouts:")
    for kind in KINDS:
        layout = template.layout_for(kind)
        where = f" (master {layout.master + 1})" if len(template.masters) > 1 else ""
        served = next((r for r in _roles_for(kind, ranked, template)
                       if any(candidate is layout for candidate, _ in ranked[r][:1 if kind != "divider" else None])),
                      None)
        out.append(f"  {kind:<10} {layout.name}{where}" + (f"  [{served}]" if served else ""))
    return out


def _lost(layout: Layout, fit: Fit, best: tuple[Layout, Fit], main: int, r: str, ranked) -> str:
    """Why a layout lost its role to the best one."""
    if layout.master != main and best[0].master == main:
        return " (another master)"
    content = ranked["content"][0][0] if r == "title" and ranked["content"] else None
    if _off(layout, content) and not _off(best[0], content):
        return " (its headline stands elsewhere than on content slides)"
    if fit.extras > best[1].extras:
        return " (more placeholders to remove)"
    if fit.prominence < best[1].prominence:
        return " (a smaller title)"
    if r not in ("cover", "section") and _behind_title(layout) != _behind_title(best[0]):
        return " (on another background than most layouts)"
    if round(fit.score, 3) < round(best[1].score, 3):
        return " (less room)"
    return " (comes later)"


def _ratio(width: float, height: float) -> str:
    for name, value in (("16:9", 16 / 9), ("16:10", 16 / 10), ("4:3", 4 / 3)):
        if abs(width / height - value) < 0.01:
            return name
    return f"{width / height:.2f}:1"
