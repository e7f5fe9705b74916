"""The colours of a chart's series and slices, derived from the theme.

A chart needs as many colours as it has series (or slices), each one easy to tell from every
other and from the background. A theme has two accents (accent and highlight), a template up to
six; where that is fewer than a chart needs, the accents come again as shades (towards the ink)
and tints (towards the background), kept only where they still look different from every colour
already taken (CIE76 ΔE) and stand out from the background as a graphic must (WCAG 2.1, 1.4.11).

The highlight colour sets one bar or slice apart: a chart that highlights takes its other
colours from the list without it (`others`), so no other bar or slice shares it.
"""
from __future__ import annotations

import colorsys

from deck.look.colour import contrast, difference, mix
from deck.look.theme import Theme

# How far apart two series colours must look (CIE76 ΔE); the brand check uses 20 for the
# highlight against the accent, a pair that must stand apart at a glance.
MIN_APART = 20.0
# A fill against the background: WCAG's 3:1 for graphics is what a line needs; a bar or slice
# with a direct label reads at less, so tints may go that far.
MIN_FILL_CONTRAST = 1.6
# Shades and tints of each accent, tried in this order after the accents themselves: half-way
# steps first, so the first extra colours are the most unlike their accent.
_STEPS = (("ink", 0.45), ("background", 0.45), ("ink", 0.7), ("background", 0.65), ("ink", 0.25),
          ("background", 0.25))
SIZE = 12  # the most colours a palette offers; a chart with more series repeats them
ENOUGH = 8  # the fewest: eight series are as many as a reader can match to a legend


def accents(theme: Theme) -> list[str]:
    """The theme's accents, the deck's accent and highlight first (they may be a brand's), then a
    template's other accents in the template's order."""
    palette = theme.palette
    out = [palette.accent, palette.highlight]
    if theme.template is not None:
        scheme = theme.template.scheme
        out += [scheme[name].upper() for name in ("accent3", "accent4", "accent5", "accent6") if name in scheme]
    return out


def series_colours(theme: Theme) -> tuple[str, ...]:
    """At least eight colours (RRGGBB) for series in order: the accents, then their shades and
    tints. A theme whose accents leave too few that look apart lowers the distance asked for step
    by step; greys and the accent turned round the colour wheel come last."""
    palette = theme.palette
    background, ink = palette.background, palette.hex("ink")
    bases = accents(theme)
    candidates = list(bases)
    for towards, amount in _STEPS:
        candidates += [mix(base, ink if towards == "ink" else background, amount) for base in bases]
    candidates += [mix(ink, background, amount) for amount in (0.0, 0.3, 0.55)]
    candidates += [turned(bases[0], degrees) for degrees in (120, 240, 60, 180, 300)]
    readable = [c for c in candidates if contrast(c, background) >= MIN_FILL_CONTRAST]
    chosen: list[str] = []
    for apart in (MIN_APART, 17.0, 14.0, 11.0):
        chosen = []
        for colour in readable:
            if len(chosen) < SIZE and all(difference(colour, c) >= apart for c in chosen):
                chosen.append(colour)
        if len(chosen) >= ENOUGH:
            break
    return tuple(chosen)


def turned(colour: str, degrees: float) -> str:
    """The colour with its hue turned on the colour wheel, its lightness kept; a grey is given
    the saturation of a plain colour first, so that it has a hue to turn."""
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    lum = min(max(lum, 0.3), 0.6)
    r, g, b = colorsys.hls_to_rgb((h + degrees / 360) % 1.0, lum, max(s, 0.55))
    return "".join(f"{round(c * 255):02X}" for c in (r, g, b))


def others(theme: Theme) -> tuple[str, ...]:
    """The series colours without the highlight and any colour that looks like it: for the bars or
    slices that are not highlighted."""
    highlight = theme.palette.highlight
    return tuple(c for c in series_colours(theme) if difference(c, highlight) >= MIN_APART)
