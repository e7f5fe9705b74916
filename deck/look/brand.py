"""The outline's `brand:` on a theme: accent colours, a font, a logo.

`accent` replaces the theme's accent wherever the theme uses it (kickers, bullets, rules, step
circles, panels' edges, and the covers of themes whose covers are the accent); the text on it
and the tinted panel are derived from it. `accent2` replaces the highlight colour (big numbers).

Client brand guides are what they are, and a presenter pastes them in as given: a brand colour
below WCAG AA, 4.5:1, or 3:1 where every text set in that pair is large (18 pt, or 14 pt bold: the
covers' titles, step numbers, table heads, big numbers), is replaced by its nearest shade that
passes, with a notice that names it; only a colour with no passing shade is refused. Between AA
and the theme's own rule (7:1 for text on the accent, like body text) it is used as given, with a
notice that offers the nearest shade that meets the rule. A brand colour that leaves the chart
highlight too close to the accent to tell apart is a notice, and a warning of `deck check`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from deck.errors import NOTICE, DeckError, Message
from deck.look.colour import difference, luminance, mix
from deck.look.theme import MIN_CONTRAST, Logo, Palette, Theme, accent_roles, contrast_table
from deck.measure import fonts
from deck.outline.model import Outline
from deck.outline.source import Loaded, Source
from deck.plan import Chart, SlidePlan

# Which brand field a palette role comes from, to point a contrast problem at its line.
_FIELD = {"accent": "accent", "soft": "accent", "on_accent": "accent", "on_accent_muted": "accent",
          "cover_bg": "accent", "cover_ink": "accent", "cover_muted": "accent", "highlight": "accent2"}
LARGE_CONTRAST = 3.0  # WCAG AA for large text
# The text roles whose every use is known to be large, and the uses that are not a style of that
# colour: a doughnut's values (bold, chart size) and the current section under a divider (bold,
# footer size). Any other role is held to 4.5:1.
_LARGE_ROLES = {"on_accent": (("chart", True),), "cover_ink": (("footer", True),), "highlight": ()}
# How far apart (CIE76 ΔE) the chart highlight and the accent must look to set a bar apart.
MIN_DIFFERENCE = 20.0


def apply_brand(theme: Theme, loaded: Loaded, allow_outside: bool = False) -> tuple[Theme, list[Message]]:
    """The theme with the outline's brand applied, and notices; a DeckError for a brand colour
    below WCAG AA, a logo that cannot be shown."""
    brand = loaded.outline.brand
    if brand is None:
        return theme, []
    source = loaded.source
    problems: list[Message] = []
    notices: list[Message] = []
    palette = _branded(theme.palette, brand.accent, brand.accent2)
    if brand.accent or brand.accent2:
        refused, noted, shades = _contrast(theme, palette, brand, source)
        problems += refused
        notices += noted
        if shades:
            palette = _branded(theme.palette, shades.get("accent", brand.accent), shades.get("accent2", brand.accent2))
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
        palette = palette._replace(accent=accent, on_accent=on_accent, on_accent_muted=on_accent_muted, soft=soft)
    if accent2:
        palette = palette._replace(highlight=accent2.lstrip("#").upper())
    return palette


def branded_roles(outline: Outline) -> frozenset[str]:
    """The palette roles the outline's brand colours decide: their contrast is judged here, once."""
    brand = outline.brand
    return frozenset(role for role, field in _FIELD.items() if brand is not None and getattr(brand, field))


def _large(theme: Theme, role: str) -> bool:
    """Whether every text set in `role` is large in WCAG's sense, at the smallest it may get."""
    if role not in _LARGE_ROLES:
        return False
    uses = [(style.floor, style.bold) for style in theme.styles.values() if style.color == role]
    uses += [(theme.style(name).size, bold) for name, bold in _LARGE_ROLES[role] if name in theme.styles]
    return bool(uses) and all(size >= 18 or (bold and size >= 14) for size, bold in uses)


def _failures(theme: Theme, palette: Palette, field: str, aa: bool) -> list[tuple[str, str, float, float]]:
    """The pairs a brand colour takes part in that fall below WCAG AA (`aa`) or the theme's rule."""
    out = []
    for fg, bg, ratio, rule in contrast_table(palette):
        if field not in (_FIELD.get(fg), _FIELD.get(bg)):
            continue
        minimum = (LARGE_CONTRAST if _large(theme, fg) else MIN_CONTRAST) if aa else rule
        if ratio < minimum:
            out.append((fg, bg, ratio, minimum))
    return out


def _suggestion(theme: Theme, field: str, colour: str, aa: bool) -> str | None:
    """The nearest shade of the colour, away from the background, that passes every pair."""
    target = "000000" if luminance(theme.palette.background) > 0.18 else "FFFFFF"
    for step in range(1, 101):
        shade = mix(colour.lstrip("#").upper(), target, step / 100)
        branded = _branded(theme.palette, shade if field == "accent" else None, shade if field == "accent2" else None)
        if not _failures(theme, branded, field, aa):
            return shade
    return None


def _contrast(theme: Theme, palette: Palette, brand, source) -> tuple[list[Message], list[Message], dict[str, str]]:
    """For each brand colour below AA: its nearest shade that passes, used with a notice (a
    problem where no shade passes); above AA, a notice for the first pair below the theme's own
    rule."""
    problems, notices = [], []
    shades: dict[str, str] = {}
    for field in ("accent", "accent2"):
        colour = getattr(brand, field)
        if not colour:
            continue
        below_aa = _failures(theme, palette, field, aa=True)
        failures = below_aa or _failures(theme, palette, field, aa=False)
        if not failures:
            continue
        fg, bg, ratio, minimum = failures[0]
        if fg in ("accent", "highlight"):
            what = f"'{colour}' as text on the {_name(bg)} (#{palette.hex(bg)})"
        else:
            what = f"text (#{palette.hex(fg)}) on '{colour}'"
        better = _suggestion(theme, field, colour, aa=bool(below_aa))
        if not below_aa:
            shade = f"; '#{better}' is the nearest shade of it that does" if better else ""
            notices.append(source.notice(("brand", field), f"{what} has contrast {ratio:.1f}:1, enough for WCAG AA; "
                                         f"the theme's own colours keep {minimum:g}:1 (AAA){shade}"))
            continue
        large = " (WCAG AA for large text)" if minimum == LARGE_CONTRAST else ""
        below = f"{what} has contrast {ratio:.1f}:1, needs at least {minimum:g}:1{large}"
        if better:
            shades[field] = f"#{better}"
            notices.append(source.notice(("brand", field), f"{below}; the deck uses its nearest shade that does, "
                                         f"'#{better}' (write another colour in `brand.{field}:` to choose yourself)"))
            continue
        hint = "choose a darker or a lighter colour"
        if field == "accent" and fg != "accent":
            hint += " (title, divider and closing slides and step numbers set text on the accent)"
        problems.append(source.problem(("brand", field), below, hint))
    return problems, notices, shades


def highlight_clash(theme: Theme, outline: Outline, source: Source, slides: Iterable[SlidePlan]) -> Message | None:
    """A notice when a brand colour leaves the chart highlight too close to the accent to tell
    apart on a chart of this deck that shows both; None otherwise. `deck check` reports it as a
    warning of the rule chart-colours."""
    brand = outline.brand
    if brand is None or not (brand.accent or brand.accent2):
        return None
    palette = theme.palette
    gap = difference(palette.accent, palette.highlight)
    if gap >= MIN_DIFFERENCE:
        return None
    chart = next((slide for slide in slides for item in slide.items
                  if isinstance(item, Chart) and {f"#{palette.accent}", f"#{palette.highlight}"} <= set(item.colours)),
                 None)
    if chart is None:
        return None
    field = "accent2" if brand.accent2 else "accent"
    hint = ("choose an accent2 of another hue or lightness" if brand.accent2
            else "set `brand.accent2:` to a colour of another hue for the highlight")
    return Message(source.file, source.line(("brand", field)), ("brand", field),
                   f"the chart highlight (#{palette.highlight}) is hard to tell from the accent (#{palette.accent}), "
                   f"and the chart of '{chart.title.text}' sets a bar or a series apart in it",
                   hint, NOTICE, "chart-colours")


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
