"""The outline's `brand:` on a theme: accent colours, a font, a logo.

`accent` replaces the theme's accent wherever the theme uses it (kickers, bullets, rules, step
circles, panels' edges, and the covers of themes whose covers are the accent); the text on it
and the tinted panel are derived from it. `accent2` replaces the highlight colour (big numbers).
A colour that breaks the theme's contrast rules is refused, with the ratio, the minimum and a
shade of the same colour that passes.
"""
from __future__ import annotations

from dataclasses import replace

from deck.errors import DeckError, Message
from deck.look.colour import luminance, mix
from deck.look.theme import Logo, Palette, Theme, accent_roles, contrast_table
from deck.measure import fonts
from deck.outline.source import Loaded

# Which brand field a palette role comes from, to point a contrast problem at its line.
_FIELD = {"accent": "accent", "soft": "accent", "on_accent": "accent", "on_accent_muted": "accent",
          "cover_bg": "accent", "cover_ink": "accent", "cover_muted": "accent", "highlight": "accent2"}


def apply_brand(theme: Theme, loaded: Loaded, allow_outside: bool = False) -> tuple[Theme, list[Message]]:
    """The theme with the outline's brand applied, and notices; a DeckError for a brand colour
    that cannot be read, a logo that cannot be shown."""
    brand = loaded.outline.brand
    if brand is None:
        return theme, []
    source = loaded.source
    problems: list[Message] = []
    notices: list[Message] = []
    palette = _branded(theme.palette, brand.accent, brand.accent2)
    if brand.accent or brand.accent2:
        problems += _contrast(theme.palette, palette, brand, source)
    if brand.font:
        theme = replace(theme, font=brand.font, heading_font=brand.font)
        notice = fonts.stand_in_notice(brand.font)
        if notice:
            notices.append(source.notice(("brand", "font"), notice))
    if brand.logo:
        try:
            theme = replace(theme, logo=_logo(loaded, brand.logo, allow_outside))
        except DeckError as err:
            problems += err.problems
    if problems:
        raise DeckError(problems)
    return replace(theme, palette=palette), notices


def _branded(palette: Palette, accent: str | None, accent2: str | None) -> Palette:
    if accent:
        accent = accent.lstrip("#").upper()
        on_accent, on_accent_muted, soft = accent_roles(accent, palette.background, palette.ink)
        palette = replace(palette, accent=accent, on_accent=on_accent, on_accent_muted=on_accent_muted, soft=soft)
    if accent2:
        palette = replace(palette, highlight=accent2.lstrip("#").upper())
    return palette


def _failures(palette: Palette, field: str) -> list[tuple[str, str, float, float]]:
    return [(fg, bg, ratio, minimum) for fg, bg, ratio, minimum in contrast_table(palette)
            if ratio < minimum and field in (_FIELD.get(fg), _FIELD.get(bg))]


def _suggestion(theme_palette: Palette, field: str, colour: str) -> str | None:
    """The nearest shade of the colour, away from the background, that passes every pair."""
    target = "000000" if luminance(theme_palette.background) > 0.18 else "FFFFFF"
    for step in range(1, 101):
        shade = mix(colour.lstrip("#").upper(), target, step / 100)
        branded = _branded(theme_palette, shade if field == "accent" else None, shade if field == "accent2" else None)
        if not _failures(branded, field):
            return shade
    return None


def _contrast(theme_palette: Palette, palette: Palette, brand, source) -> list[Message]:
    """One problem per brand colour, for the first pair it fails."""
    out = []
    for field in ("accent", "accent2"):
        colour = getattr(brand, field)
        failures = _failures(palette, field) if colour else []
        if not failures:
            continue
        fg, bg, ratio, minimum = failures[0]
        if fg in ("accent", "highlight"):
            what = f"'{colour}' as text on the {_name(bg)} (#{palette.hex(bg)})"
        else:
            what = f"text (#{palette.hex(fg)}) on '{colour}'"
        better = _suggestion(theme_palette, field, colour)
        hint = f"a shade of it that passes: '#{better}'" if better else "choose a darker or a lighter colour"
        if field == "accent" and fg != "accent":
            hint += " (title, divider and closing slides and step numbers set text on the accent)"
        out.append(source.problem(("brand", field),
                                  f"{what} has contrast {ratio:.1f}:1, needs at least {minimum:g}:1", hint))
    return out


def _name(role: str) -> str:
    return {"soft": "tinted panels", "cover_bg": "covers"}.get(role, role)


def _logo(loaded: Loaded, value: str, allow_outside: bool) -> Logo:
    from deck.outline.assets import inspect_image
    from deck.outline.paths import resolve_asset

    file = resolve_asset(loaded.source, value, ("brand", "logo"), allow_outside)
    try:
        info = inspect_image(file)
    except DeckError as err:
        [picture] = err.problems
        text = f"'{value}' {picture.message}" if picture.message.startswith("is ") else f"'{value}': {picture.message}"
        raise DeckError(loaded.source.problem(("brand", "logo"), text, picture.hint)) from None
    alt = loaded.outline.organization or "Logo"
    return Logo(str(info.file), info.width, info.height, alt)
