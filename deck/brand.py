"""The outline's `brand:` on a theme: accent colours, a font, a logo.

`accent` replaces the theme's accent wherever the theme uses it (kickers, bullets, rules, step
circles, panels' edges, and the covers of themes whose covers are the accent); the text on it
and the tinted panel are derived from it. `accent2` replaces the highlight colour (big numbers).
A colour that breaks the theme's contrast rules is refused, with the ratio, the minimum and a
shade of the same colour that passes.
"""
from __future__ import annotations

from dataclasses import replace

from deck import fonts
from deck.errors import DeckError, Problem
from deck.loader import Loaded
from deck.theme import PAIRS, Logo, Theme, accent_roles, contrast, passing_shade

# Which brand field a palette role comes from, to point a contrast problem at its line.
_FIELD = {"accent": "accent", "soft": "accent", "on_accent": "accent", "on_accent_muted": "accent",
          "cover_bg": "accent", "cover_ink": "accent", "cover_muted": "accent", "highlight": "accent2"}


def apply_brand(theme: Theme, loaded: Loaded, allow_outside: bool = False) -> tuple[Theme, list[str]]:
    """The theme with the outline's brand applied, and notices; a DeckError for a brand colour
    that cannot be read, a logo that cannot be shown."""
    brand = loaded.outline.brand
    if brand is None:
        return theme, []
    source = loaded.source
    problems: list[Problem] = []
    notices: list[str] = []
    palette = theme.palette
    if brand.accent:
        accent = brand.accent[1:].upper()
        on_accent, on_accent_muted, soft = accent_roles(accent, palette.background, palette.ink)
        palette = replace(palette, accent=accent, on_accent=on_accent, on_accent_muted=on_accent_muted, soft=soft)
    if brand.accent2:
        palette = replace(palette, highlight=brand.accent2[1:].upper())
    if brand.accent or brand.accent2:
        problems += _contrast(palette, brand, source)
    if brand.font:
        theme = replace(theme, font=brand.font, heading_font=brand.font)
        notice = fonts.stand_in_notice(brand.font, f"{source.file}:{source.line(('brand', 'font'))}: brand.font")
        if notice:
            notices.append(notice)
    if brand.logo:
        try:
            theme = replace(theme, logo=_logo(loaded, brand.logo, allow_outside))
        except DeckError as err:
            problems += err.problems
    if problems:
        raise DeckError(problems)
    return replace(theme, palette=palette), notices


def _contrast(palette, brand, source) -> list[Problem]:
    """One problem per brand colour, for the first pair it fails."""
    out, seen = [], set()
    for fg, bg, minimum in PAIRS:
        ratio = contrast(palette.hex(fg), palette.hex(bg))
        field = _FIELD.get(fg) or _FIELD.get(bg)
        if ratio >= minimum or field is None or field in seen or getattr(brand, field) is None:
            continue
        seen.add(field)
        colour = getattr(brand, field)
        if fg in ("accent", "highlight"):
            what = f"'{colour}' as text on the {_name(bg)} (#{palette.hex(bg)})"
            better = passing_shade(palette.hex(fg), palette.hex(bg), minimum)
        else:
            what = f"text (#{palette.hex(fg)}) on '{colour}'"
            better = passing_shade(palette.hex(bg), palette.hex(fg), minimum)
        hint = f"a shade of it that passes: '#{better}'" if better else "choose a darker or a lighter colour"
        if field == "accent" and fg != "accent":
            hint += " (title, divider and closing slides and step numbers set text on the accent)"
        out.append(source.problem(("brand", field),
                                  f"{what} has contrast {ratio:.1f}:1, needs at least {minimum:g}:1", hint))
    return out


def _name(role: str) -> str:
    return {"soft": "tinted panels", "cover_bg": "covers"}.get(role, role)


def _logo(loaded: Loaded, value: str, allow_outside: bool) -> Logo:
    from deck.assets import inspect_image
    from deck.paths import resolve_asset

    file = resolve_asset(loaded.source, value, ("brand", "logo"), allow_outside)
    try:
        info = inspect_image(file)
    except ValueError as err:
        message, hint = err.args[0]
        text = f"'{value}' {message}" if message.startswith("is ") else f"'{value}': {message}"
        raise DeckError(loaded.source.problem(("brand", "logo"), text, hint)) from None
    alt = loaded.outline.organization or "Logo"
    return Logo(str(info.file), info.width, info.height, alt)
