"""A template's colours as deck's palette, each judged against what really stands behind the text
that uses it: the fill of its placeholder, the master's and layout's shapes and pictures under it,
the background. A template's colour that reads there is kept; one that does not is moved just far
enough (or to black or white), and the change is said in a notice."""
from __future__ import annotations

from deck.look.colour import contrast, luminance, mix, passing_shade
from deck.look.template.model import Layout, Template
from deck.look.theme import BODY_CONTRAST, MIN_CONTRAST, Geometry, Palette, Style, accent_roles
from deck.plan import Box

LARGE = 24.0  # headlines this size and more need 3:1 (WCAG's large text), smaller ones 4.5:1
LARGE_CONTRAST = 3.0
COVER_KINDS = ("title", "closing", "divider")


def palette_from(template: Template, geometry: Geometry, styles: dict[str, Style]) -> tuple[Palette, tuple[str, ...]]:
    """The palette, and a notice for each of the template's own colours deck had to change."""
    content = template.layout_for("bullets")
    scheme = template.scheme
    notes: list[str] = []
    pages = _content_layouts(template)
    title_on = _union(layout.behind(geometry.title, layout.title) for layout in pages)
    body_box = Box(geometry.left, geometry.body_top or geometry.title.bottom, geometry.content_w,
                   max(1.0, geometry.body_bottom - (geometry.body_top or geometry.title.bottom)))
    body_on = _union(layout.behind(body_box, _content_placeholder(layout)) for layout in pages)
    footer_on = _union(layout.behind(box, _footer_placeholder(layout, kind)) for layout in pages
                       for kind, box in (("ftr", geometry.source), ("sldNum", geometry.number), ("dt", geometry.date))
                       if box is not None)
    background = content.background

    body = next((p.colour for p in content.placeholders if p.is_content and p.colour), None)
    ink = _judged(body or scheme.get("dk1", "000000"), body_on, MIN_CONTRAST, "body text", notes, own=bool(body),
                  aim=BODY_CONTRAST)
    title_colour = content.title.colour if content.title and content.title.colour else None
    heading_min = LARGE_CONTRAST if styles["title"].size >= LARGE else MIN_CONTRAST
    heading = _judged(title_colour or ink, title_on, heading_min, "headline", notes, own=bool(title_colour))
    accent, on_accent, on_accent_muted, soft = _accent_roles(scheme.get("accent1", "1D4E89"), body_on, ink,
                                                            background)
    highlight = _judged(scheme.get("accent2", accent), body_on, MIN_CONTRAST)
    muted = _judged(mix(ink, background, 0.35), body_on + [soft], MIN_CONTRAST)
    own_footer = next((p.colour for p in content.placeholders if p.type == "ftr" and p.colour), None)
    footer = _judged(own_footer or muted, footer_on, MIN_CONTRAST, "footer", notes, own=bool(own_footer))
    covers = _covers(template, geometry, styles, ink, notes)
    palette = Palette(background=background, ink=ink, muted=muted, accent=accent, highlight=highlight, soft=soft,
                      on_accent=on_accent, on_accent_muted=on_accent_muted, rule=mix(ink, background, 0.75),
                      heading=heading, footer=footer, **covers)
    return palette, tuple(notes)


def _content_layouts(template: Template) -> list[Layout]:
    """The layouts content slides are drawn on, each once."""
    refs = sorted({ref for kind, ref in template.mapping.items() if kind not in COVER_KINDS})
    return [template.layout(ref) for ref in refs] or [template.layout_for("bullets")]


def _content_placeholder(layout: Layout):
    placed = [(p, p.box) for p in layout.contents if p.box]
    return max(placed, key=lambda pb: pb[1].w * pb[1].h)[0] if placed else None


def _footer_placeholder(layout: Layout, kind: str):
    return next((p for p in layout.placeholders if p.type == kind), None)


def _covers(template: Template, geometry: Geometry, styles: dict[str, Style], ink: str,
            notes: list[str]) -> dict[str, str | None]:
    """The colours of the title slide's and the dividers' titles and texts, each judged on what
    stands behind it there: the title in its placeholder (perhaps on a bar), the subtitle or
    message in theirs, the progress row along a divider's foot. A divider's colours are set apart
    only where they must differ from the title slide's."""
    covers, s, sp = geometry.covers, geometry.scale, geometry.space
    cover, divider = template.layout_for("title"), template.layout_for("divider")
    own = cover.title.colour if cover.title and cover.title.colour else None
    large = LARGE_CONTRAST if styles["deck-title"].size >= LARGE else MIN_CONTRAST
    if covers is None:
        on = [cover.background]
        text = _judged(own or ink, on, MIN_CONTRAST, "title slide text", notes, own=bool(own), aim=BODY_CONTRAST)
        return {"cover_bg": cover.background, "cover_ink": text, "cover_muted": _judged(mix(text, on[0], 0.3), on,
                                                                                      MIN_CONTRAST)}
    title_on = cover.behind(covers.title, cover.title)
    text_on = cover.behind(covers.subtitle, _below(cover)) if covers.subtitle else [cover.background]
    title = _judged(own or ink, title_on, large, "title slide's title", notes, own=bool(own))
    text = _judged(own or ink, text_on, MIN_CONTRAST, aim=BODY_CONTRAST)
    muted = _judged(mix(text, cover.background, 0.3), text_on, MIN_CONTRAST)
    d_own = divider.title.colour if divider.title and divider.title.colour else own
    d_large = LARGE_CONTRAST if styles["divider-title"].size >= LARGE else MIN_CONTRAST
    d_title = _judged(d_own or ink, divider.behind(covers.divider_title, divider.title), d_large,
                      "divider's title", notes, own=bool(d_own))
    row_h = sp.progress_h * s + sp.progress_label_gap * s + 14 * 1.2 * s  # a line of labels
    d_on = divider.behind(Box(geometry.left, geometry.bottom - sp.progress_y * s, geometry.content_w, row_h))
    if covers.divider_body is not None:
        d_on = _union([d_on, divider.behind(covers.divider_body, _below(divider))])
    d_text = text if worst(text, d_on) >= MIN_CONTRAST else _judged(d_own or ink, d_on, MIN_CONTRAST,
                                                                    aim=BODY_CONTRAST)
    d_muted = muted if worst(muted, d_on) >= MIN_CONTRAST else _judged(mix(d_text, divider.background, 0.3), d_on,
                                                                       MIN_CONTRAST)
    return {"cover_bg": cover.background, "cover_title": title, "cover_ink": text, "cover_muted": muted,
            "divider_title": None if d_title == title else d_title,
            "divider_ink": None if d_text == text else d_text,
            "divider_muted": None if d_muted == muted else d_muted}


def _below(layout: Layout):
    """The placeholder under a cover's title (its subtitle or body)."""
    below = [(p, p.box) for p in layout.placeholders
             if p.box and not p.is_title and (p.type == "subTitle" or p.is_content)]
    return min(below, key=lambda pb: pb[1].y)[0] if below else None


def _union(lists) -> list[str]:
    out: list[str] = []
    for colours in lists:
        out += [c for c in colours if c not in out]
    return out


def worst(colour: str, backdrops: list[str]) -> float:
    """The lowest contrast of a text colour against any of the colours behind it."""
    return min((contrast(colour, bg) for bg in backdrops), default=21.0)


def _judged(colour: str, backdrops: list[str], minimum: float, what: str = "", notes: list[str] | None = None,
            own: bool = False, aim: float = MIN_CONTRAST) -> str:
    """`colour` if it reaches `minimum` on every backdrop; else its nearest shade that reaches
    `aim` (a changed colour should read well, not barely), else black or white, whichever reads
    better. A change to the template's own colour (`own`) is noted."""
    if not backdrops or worst(colour, backdrops) >= minimum:
        return colour
    aim = max(aim, minimum)
    chosen = None
    for target in ("000000", "FFFFFF"):
        for step in range(0, 101, 2):
            shade = mix(colour, target, step / 100)
            if worst(shade, backdrops) >= aim and (chosen is None or step < chosen[0]):
                chosen = (step, shade)
                break
    shade = chosen[1] if chosen else max(("000000", "FFFFFF"), key=lambda c: worst(c, backdrops))
    if notes is not None and (own or worst(shade, backdrops) < minimum):
        against = min(backdrops, key=lambda bg: contrast(colour, bg))
        notes.append(f"the template's {what} colour #{colour} has contrast {contrast(colour, against):.1f}:1 "
                     f"on #{against} behind it (needs {minimum:g}:1); deck uses #{shade} "
                     f"({worst(shade, backdrops):.1f}:1)")
    return shade


def _accent_roles(accent: str, backdrops: list[str], ink: str, background: str) -> tuple[str, str, str, str]:
    """The template's accent, deepened only as far as text on it and it as text need."""
    accent = _judged(accent, backdrops, MIN_CONTRAST)
    if max(contrast("FFFFFF", accent), contrast("000000", accent)) < BODY_CONTRAST:
        # deeper on a light background (white text on it), lighter on a dark one (black text)
        text = "FFFFFF" if luminance(background) > 0.18 else "000000"
        accent = passing_shade(accent, text, BODY_CONTRAST) or accent
    return (accent, *accent_roles(accent, background, ink))
