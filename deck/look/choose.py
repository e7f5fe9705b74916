"""The look of one build: a built-in theme or a corporate template, with the outline's brand.

Precedence: `--template PATH`, then `--theme NAME`, then the outline's `theme:` (a built-in name,
or a .pptx/.potx path relative to the outline). A template is read once, here; render builds on
the bytes read.
"""
from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from deck.errors import DeckError, Message
from deck.look.brand import apply_brand
from deck.look.theme import THEMES, Theme, is_template
from deck.measure import fonts
from deck.outline.source import Loaded


class Look(NamedTuple):
    """The theme a deck is laid out in, with what the user should know about the choice."""

    theme: Theme
    notices: list[Message]


def choose(loaded: Loaded, theme: str | None = None, template: Path | None = None,
           allow_outside: bool = False) -> Look:
    outline, source = loaded.outline, loaded.source
    notices: list[Message] = []
    if template is not None:
        chosen = _from_template(loaded, template, str(template), None)
    elif theme is not None and is_template(theme):
        chosen = _from_template(loaded, Path(theme), theme, None)
    elif theme is not None:
        if theme not in THEMES:
            raise DeckError.simple("--theme", f"unknown theme '{theme}'",
                                   _did_you_mean(theme) + f"built-in themes: {', '.join(THEMES)}; "
                                   "a template goes with --template PATH")
        chosen = THEMES[theme]
    elif is_template(outline.theme):
        from deck.outline.paths import resolve_asset

        file = resolve_asset(source, outline.theme, ("theme",), allow_outside)
        chosen = _from_template(loaded, file, outline.theme,
                                lambda message, hint: source.problem(("theme",), message, hint))
    elif outline.theme in THEMES:
        chosen = THEMES[outline.theme]
    else:
        raise DeckError(source.problem(("theme",), f"unknown theme '{outline.theme}'",
                                       _did_you_mean(outline.theme) + f"built-in themes: {', '.join(THEMES)}, "
                                       "or the path of a .pptx/.potx template"))
    if chosen.template is None and outline.layouts:
        notices.append(source.notice(("layouts",), "applies to a template theme only; ignored"))
    if chosen.template is not None:
        for family, where in ((chosen.font, "body"), (chosen.title_font, "headings")):
            notice = fonts.stand_in_notice(family)
            if notice and not (outline.brand and outline.brand.font):
                notices.append(Message.notice(chosen.template.shown, f"the template's {where} font: {notice}"))
    chosen, brand_notices = apply_brand(chosen, loaded, allow_outside)
    if chosen.template is not None:
        # Its colours were judged against what stands behind each text; say what had to change.
        notices += [Message.notice(chosen.template.shown, note)
                    for note in chosen.template.notes + chosen.template.colour_notes]
    return Look(chosen, notices + brand_notices)


def _from_template(loaded: Loaded, file: Path, shown: str, problem) -> Theme:
    from deck.look.template.load import failing
    from deck.look.template.read import read
    from deck.look.template.roles import choose_layouts
    from deck.look.template.theme import theme_from

    source = loaded.source
    spec = read(file, shown, failing(shown, problem))
    spec = choose_layouts(spec, loaded.outline.layouts,
                          lambda path, message, hint: source.problem(path, message, hint))
    return replace(theme_from(spec), name=f"template {shown}")


def _did_you_mean(name: str) -> str:
    close = difflib.get_close_matches(name, list(THEMES), n=1)
    return f"did you mean '{close[0]}'? " if close else ""
