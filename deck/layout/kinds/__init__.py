"""One module per slide kind; KINDS says which function lays out each `kind:` of the outline.

Every function takes (context, slide, path, notes), adds its slides to the context, and reports
what cannot fit through `context.fail` with the slide's path."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from deck.layout.context import Context
from deck.layout.kinds import activity, bullets, chart, compare, image, quote, statement, stats, steps, table

Kind = Callable[[Context, Any, tuple, str], None]

KINDS: dict[str, Kind] = {
    "bullets": bullets.lay,
    "statement": statement.lay,
    "quote": quote.lay,
    "stats": stats.lay,
    "compare": compare.lay,
    "steps": steps.lay,
    "question": activity.question,
    "exercise": activity.exercise,
    "image": image.lay,
    "chart": chart.lay,
    "table": table.lay,
}
