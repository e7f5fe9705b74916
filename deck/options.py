"""How to build, beyond the outline itself: one value handed from the command line to every
engine, importable by any stage."""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class BuildOptions(NamedTuple):
    """--theme, --template, --allow-small, --allow-outside and --force."""

    theme: str | None = None  # a built-in theme, over the outline's `theme:`
    template: Path | None = None  # a corporate template, over `theme:` and --theme
    allow_small: bool = False  # text that cannot continue may shrink below the usual floor
    allow_outside: bool = False  # pictures may come from outside the outline's folder
    force: bool = False  # replace a file at the output path that deck did not write, or that was changed since
