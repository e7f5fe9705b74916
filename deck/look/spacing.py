"""The distances inside slide kinds, in points, as part of a theme's geometry.

Margins, grid and boxes say where the content area is; these say how a kind spaces its parts
inside it: the gap between a rule and its text, the size of a step's circle, the padding of a
discussion panel. The defaults are deck's own 16:9 design on a 960 x 540 pt canvas; a template's
geometry scales them with its canvas, as it scales the text (a step's number must stay inside its
circle on a 1920 pt Keynote canvas or an A0 poster).
"""
from __future__ import annotations

from typing import NamedTuple


class Spacing(NamedTuple):
    """The distances inside the slide kinds, in points (see the module's docstring)."""

    hairline: float = 2.0  # compare's rule under a heading, the line joining steps
    rule_w: float = 40.0  # the short accent rule over a number or an agenda entry
    rule_h: float = 4.0
    rule_gap: float = 14.0  # from a rule down to the text it heads
    bar: float = 6.0  # the accent bar beside a statement or along a panel's edge
    statement_indent: float = 30.0  # from the statement's bar to its text
    quote_mark_w: float = 80.0
    quote_mark_shift: float = 4.0  # the opening mark hangs left of the quotation
    stat_gap: float = 12.0  # between a big number and its label
    heading_gap: float = 8.0  # from a compare heading down to its rule
    heading_room: float = 16.0  # what a compare column gives to its rule and gaps
    step_circle: float = 56.0
    step_gap: float = 20.0  # from a step's circle down to its text
    step_row_gap: float = 4.0  # between steps set one under the other, each beside its circle
    panel_pad: float = 28.0  # inside a question or exercise panel
    lead_air: float = 12.0  # extra air under a panel's question or task
    entry_gap: float = 24.0  # between rows of agenda or recap entries
    cover_title_y: float = 190.0  # deck's own title slide: the title's top
    closing_title_y: float = 170.0
    divider_number_y: float = 120.0
    cover_bar_w: float = 64.0  # the short bar over a cover's title
    cover_bar_h: float = 6.0
    cover_bar_gap: float = 28.0  # from the bar's top down to the title
    cover_text_gap: float = 20.0  # from a cover's title down to its subtitle or message
    closing_text_gap: float = 24.0
    cover_meta_y: float = 40.0  # the author line's top, above the bottom margin
    divider_title_gap: float = 8.0  # from a divider's number down to its title
    kicker_logo_w: float = 120.0  # a logo on the kicker's row, at most this wide (scaled)
    kicker_logo_over: float = 3.0  # how far it may stand taller than the kicker
    cover_logo_w: float = 160.0  # the logo on title and closing slides (scaled)
    cover_logo_h: float = 48.0
    caption_gap: float = 12.0  # around a picture's caption
    cell_inset: float = 6.0  # inside a table cell
    below_title: float = 16.0  # a template cover's text under its title, with no placeholder for it (scaled)
    number_gap: float = 8.0  # a template divider's number over its first text (scaled)
    # A divider's progress bar (scaled with the canvas): one segment per section, or one track
    progress_y: float = 44.0  # its top, above the bottom margin
    progress_h: float = 5.0
    progress_gap: float = 8.0  # between segments
    progress_label_gap: float = 12.0  # from a segment down to its label
    progress_mark_min: float = 24.0  # the narrowest mark on a track that still reads
    progress_label_pad: float = 8.0  # room around a track's "5 / 300"

    def scaled(self, factor: float) -> Spacing:
        """Every distance times `factor`."""
        return Spacing(*(distance * factor for distance in self))
